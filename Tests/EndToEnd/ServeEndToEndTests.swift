import EthicsTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Glibc
import Testing

/// `ethics users` and `ethics serve` through the real binary: accounts made from the command
/// line, the server listening on localhost, answering, logging requests, and stopping cleanly on
/// SIGTERM.
@Suite struct ServeEndToEndTests {
    let directory: TemporaryDirectory
    let environment: [String: String]

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-serve-e2e")
        environment = ["XDG_DATA_HOME": directory.path + "/data", "HOME": directory.path]
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.ethics(arguments, environment: environment, in: directory.url)
    }

    /// `ethics ARGUMENTS` with `input` on standard input.
    func run(_ arguments: [String], input: String) throws -> CommandResult {
        let command = "printf '%s\\n' \"$PASSWORD\" | \"$ETHICS\" \"$@\""
        var environment = environment
        environment["PASSWORD"] = input
        environment["ETHICS"] = CommandRunner.ethicsBinary.path
        return try CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command, "sh"] + arguments, environment: environment, in: directory.url)
    }

    @Test func usersAreAddedListedGivenNewPasswordsAndRemoved() throws {
        let added = try run(["users", "add", "Amira Khan", "--role", "approver", "--sign-off-role", "data protection officer", "--password-stdin"],
                            input: "a long enough password")
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout == "Added Amira Khan (approver; signs off as Data Protection Officer).\n")
        let accounts = directory.path + "/data/ethics/default/accounts.sqlite"
        let mode = try FileManager.default.attributesOfItem(atPath: accounts)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the accounts file is private to its owner")
        let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: accounts)), as: UTF8.self)
        #expect(!bytes.contains("a long enough password"), "only the hash is kept")
        #expect(bytes.contains("$2b$12$"), "bcrypt, cost 12")

        let listed = try run(["users", "list"])
        #expect(listed.stdout == "Amira Khan\tapprover\tData Protection Officer\tpassword\n", "\(listed)")

        let again = try run(["users", "add", "Amira Khan", "--role", "officer", "--password-stdin"], input: "another long password")
        #expect(again.status == 2 && again.stderr.contains("there is already an account named 'Amira Khan'"), "\(again)")

        let changed = try run(["users", "passwd", "Amira Khan", "--password-stdin"], input: "a new long password")
        #expect(changed.status == 0, "\(changed)")
        let removed = try run(["users", "remove", "Amira Khan"])
        #expect(removed.status == 0, "\(removed)")
        #expect(try run(["users", "list"]).stdout.contains("No accounts yet"))
    }

    @Test func aSingleSignOnAccountHasNoPasswordAndCannotBeGivenOne() throws {
        let added = try run(["users", "add", "sam.jones", "--role", "officer", "--single-sign-on"])
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout == "Added sam.jones (officer; single sign-on only).\n")
        #expect(added.stderr.contains("trusts no single-sign-on proxy, so sam.jones cannot sign in yet"), "\(added)")
        #expect(try run(["users", "list"]).stdout == "sam.jones\tofficer\t\tsingle sign-on\n")
        let passwd = try run(["users", "passwd", "sam.jones", "--password-stdin"], input: "a long enough password")
        #expect(passwd.status == 2 && passwd.stderr.contains("sam.jones signs in only through the council's single sign-on"), "\(passwd)")
        let both = try run(["users", "add", "kim", "--role", "officer", "--single-sign-on", "--password-stdin"], input: "a long enough password")
        #expect(both.status == 2 && both.stderr.contains("leave out --password-stdin"), "\(both)")
    }

    @Test func badAccountsAreRefusedWithExitStatus2() throws {
        let short = try run(["users", "add", "sam", "--role", "officer", "--password-stdin"], input: "short")
        #expect(short.status == 2 && short.stderr.contains("a password needs at least 10 characters"), "\(short)")
        let role = try run(["users", "add", "sam", "--role", "aprover", "--password-stdin"], input: "long enough password")
        #expect(role.status == 2 && role.stderr.contains("did you mean 'approver'?"), "\(role)")
        let signOff = try run(["users", "add", "sam", "--role", "approver", "--sign-off-role", "Data Protecton Officer", "--password-stdin"],
                              input: "long enough password")
        #expect(signOff.status == 2 && signOff.stderr.contains("did you mean 'Data Protection Officer'?"), "\(signOff)")
        let noRole = try run(["users", "add", "sam", "--role", "approver", "--password-stdin"], input: "long enough password")
        #expect(noRole.status == 2 && noRole.stderr.contains("an approver needs at least one --sign-off-role"), "\(noRole)")
        let notATerminal = try run(["users", "add", "sam", "--role", "officer"])
        #expect(notATerminal.status == 2 && notATerminal.stderr.contains("pass --password-stdin"), "\(notATerminal)")
        #expect(try run(["users", "list"]).stdout.contains("No accounts yet"), "nothing was half-made")
        let padded = try run(["users", "add", " sam ", "--role", "officer", "--password-stdin"], input: "long enough password")
        #expect(padded.status == 2 && padded.stderr.contains("a name may not begin or end with a space"), "\(padded)")
        #expect(try run(["users", "add", "Sam", "--role", "officer", "--password-stdin"], input: "long enough password").status == 0)
        let sameButCase = try run(["users", "add", "sam", "--role", "officer", "--password-stdin"], input: "long enough password")
        #expect(sameButCase.status == 2, "\(sameButCase)")
        #expect(sameButCase.stderr.contains("there is already an account named 'Sam', which differs from 'sam' only in case"), "\(sameButCase)")
        for lookalike in ["Sam\u{00A0}Jones", "Sam  Jones", "Sam\u{200B}Jones"] {
            let refused = try run(["users", "add", lookalike, "--role", "officer", "--password-stdin"], input: "long enough password")
            #expect(refused.status == 2 && refused.stderr.contains("parted by single plain spaces"), "\(refused)")
        }
        let fullWidth = try run(["users", "add", "\u{FF33}am", "--role", "officer", "--password-stdin"], input: "long enough password")
        #expect(fullWidth.status == 2 && fullWidth.stderr.contains("there is already an account named 'Sam'"), "\(fullWidth)")
    }

    @Test func theServerListensOnLocalhostLogsRequestsAndStopsOnSIGTERM() async throws {
        let process = Process()
        process.executableURL = CommandRunner.ethicsBinary
        process.arguments = ["serve", "--port", "0"]
        var merged = ProcessInfo.processInfo.environment
        merged["ETHICS_CONFIG"] = nil
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var log = ""
        var url: URL?
        let deadline = Date().addingTimeInterval(60)
        while url == nil, Date() < deadline {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
            if let range = log.range(of: "http://127\\.0\\.0\\.1:[0-9]+/", options: .regularExpression) {
                url = URL(string: String(log[range]))
            }
        }
        let base = try #require(url, "the server says where it listens: \(log)")
        #expect(log.contains("warning: nobody can sign in yet"))

        let (body, response) = try await URLSession.shared.data(from: base.appendingPathComponent("health"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == "ok\n")
        let (_, home) = try await URLSession.shared.data(from: base)
        #expect((home as? HTTPURLResponse)?.url?.path == "/login", "signed out, the home page leads to sign-in")

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        log += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains("Stopped."))
        #expect(log.contains("/health"), "requests are logged: \(log)")
    }

    @Test func behindASingleSignOnProxyTheHeaderIsTrustedFromItsAddressOnly() async throws {
        let config = try directory.write("""
            extends: default
            council: {id: ssotown, name: SSO Town Council}
            serve:
              trusted-proxy: {address: 127.0.0.1, user-header: X-Remote-User}
            """, to: "ssotown.yaml")
        #expect(try run(["--config", config, "users", "add", "sam.jones", "--role", "officer", "--single-sign-on"]).status == 0)
        let process = Process()
        process.executableURL = CommandRunner.ethicsBinary
        process.arguments = ["--config", config, "serve", "--port", "0"]
        var merged = ProcessInfo.processInfo.environment
        merged["ETHICS_CONFIG"] = nil
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var log = ""
        var url: URL?
        let deadline = Date().addingTimeInterval(60)
        while url == nil, Date() < deadline {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
            if let range = log.range(of: "http://127\\.0\\.0\\.1:[0-9]+/", options: .regularExpression) {
                url = URL(string: String(log[range]))
            }
        }
        let base = try #require(url, "the server says where it listens: \(log)")
        #expect(log.contains("Single sign-on: trusting X-Remote-User from 127.0.0.1 only"), "\(log)")

        var request = URLRequest(url: base)
        request.setValue("sam.jones", forHTTPHeaderField: "X-Remote-User")
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("Signed in as sam.jones"))
        request.setValue("nobody", forHTTPHeaderField: "X-Remote-User")
        let (_, unknown) = try await URLSession.shared.data(for: request)
        #expect((unknown as? HTTPURLResponse)?.statusCode == 403, "an account an administrator has not added")

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// A port another server holds, or an address this machine does not have, is the person's
    /// choice to change: one line and exit 2, never an internal failure.
    @Test func aPortInUseOrAnAddressNotOfThisMachineIsSaidPlainly() throws {
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                #expect(bind(holder, raw, length) == 0 && listen(holder, 1) == 0)
                #expect(getsockname(holder, raw, &length) == 0)
            }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let inUse = try run(["serve", "--port", String(port)])
        #expect(inUse.status == 2, "\(inUse)")
        #expect(inUse.stderr.contains("error: cannot listen on 127.0.0.1:\(port): the port is in use (another server?)"), "\(inUse)")
        #expect(!inUse.stderr.contains("errno"), "\(inUse)")

        let elsewhere = try run(["serve", "--port", "0", "--host", "192.0.2.1"])
        #expect(elsewhere.status == 2, "\(elsewhere)")
        #expect(elsewhere.stderr.contains("cannot listen on 192.0.2.1:0: this machine has no such address"), "\(elsewhere)")
        #expect(elsewhere.stderr.contains("warning: serving 192.0.2.1 over plain HTTP"), "\(elsewhere)")
    }

    @Test func serveRefusesABadPort() throws {
        let result = try run(["serve", "--port", "70000"])
        #expect(result.status == 2 && result.stderr.contains("--port takes a number from 0 to 65535"), "\(result)")
    }
}
