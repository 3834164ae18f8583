import EthicsCore
import EthicsDiagnostics
import Foundation
import Glibc

/// A walk saved part way, to finish later with `run --resume ID`. It holds answers only; nothing
/// reaches the register until the walk is finished.
struct SavedSession: Codable, Sendable, Hashable {
    var id: String
    var title: String
    var author: String
    var cites: [String]
    var walk: DecisionWalk
    var saved: Date
}

/// Saved sessions, one JSON file each in `<workspace>/sessions/`, written with `SafeFile` so
/// that Ctrl-C or a full disk leaves the earlier save or the new one, never half of either.
struct SessionStore {
    let workspace: String

    var folder: String { workspace + "/sessions" }

    func path(of id: String) -> String { "\(folder)/\(id).json" }

    /// A readable id that sorts by time, with a random tail so that two officers saving in the
    /// same second never overwrite each other's answers: `ses-20261122-143005-7f3a`.
    static func newID(_ clock: CouncilClock) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = clock.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: clock.now())
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let tail = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        return "ses-\(pad(parts.year, 4))\(pad(parts.month))\(pad(parts.day))-\(pad(parts.hour))\(pad(parts.minute))\(pad(parts.second))-"
            + String(repeating: "0", count: 4 - tail.count) + tail
    }

    func save(_ session: SavedSession) throws {
        // Every folder made on the way is private: sessions hold answers about real proposals.
        var made = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            made += "/" + component
            if mkdir(made, 0o700) != 0 && errno != EEXIST {
                throw DiagnosticError.error("cannot create \(made): \(String(cString: strerror(errno)))")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        try SafeFile.write(Array(try encoder.encode(session)), to: path(of: session.id))
    }

    func load(_ id: String) throws(DiagnosticError) -> SavedSession {
        guard SessionStore.isValidID(id), let data = FileManager.default.contents(atPath: path(of: id)) else {
            throw .error(
                "there is no saved session '\(id)'",
                suggestion: Suggestion.didYouMean(id, among: ids()) ?? "list saved sessions with 'ethics decision-flowchart list'")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(SavedSession.self, from: data)
        } catch {
            throw .error("saved session '\(id)' cannot be read; it may have been edited by hand", file: path(of: id))
        }
    }

    /// Removes a session once its decision is recorded.
    func remove(_ id: String) {
        unlink(path(of: id))
    }

    func ids() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter(Self.isValidID).sorted()
    }

    /// Every session that can be read, oldest first.
    func all() -> [SavedSession] {
        ids().compactMap { try? load($0) }
    }

    /// Ids are typed by users and become file names: letters, digits and hyphens only.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
