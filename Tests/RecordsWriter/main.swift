import EthicsCore
import EthicsRecords
import EthicsRecordsPostgres
import Foundation

// Test support only: writes records into the register at the path (or postgres:// URL, with its
// password in ETHICS_REGISTER_PASSWORD) given, one transaction each, printing each new id once it
// is committed. Reliability tests run several of these at once, and kill one with SIGKILL while
// it writes. Usage: ethics-records-writer PATH|URL COUNT (0: until killed)
let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: ethics-records-writer PATH|URL COUNT\n".utf8))
    exit(2)
}
do {
    let store: any RegisterStore
    if arguments[1].hasPrefix("postgres://") {
        let parsed = try PostgresRegisterURL.parse(arguments[1])
        store = try PostgresRecordStore(url: PostgresRegisterURL(
            host: parsed.host, port: parsed.port, user: parsed.user, database: parsed.database,
            password: ProcessInfo.processInfo.environment["ETHICS_REGISTER_PASSWORD"], tls: .disable))
    } else {
        store = try RecordStore(path: arguments[1])
    }
    let decision = RecordKind(id: "decision", prefix: "dec", title: "Decision record")
    var written = 0
    while count == 0 || written < count {
        let record = try store.record(RecordDraft(
            kind: decision, title: "Decision \(written) of process \(getpid())", author: "writer \(getpid())",
            tags: ["load"], body: Data(#"{"step":\#(written)}"#.utf8)))
        written += 1
        if written % 3 == 0 {
            _ = try store.addVersion(of: record.id, RecordDraft(
                kind: decision, title: "Decision \(written) revised", author: "writer \(getpid())", status: "approved"))
        }
        FileHandle.standardOutput.write(Data("\(record.id)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
