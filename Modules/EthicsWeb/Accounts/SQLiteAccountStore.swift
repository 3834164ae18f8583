import EthicsDiagnostics
import Foundation
import Glibc
import GRDB

/// Accounts in `accounts.sqlite` in the council's workspace, beside the register but not in it:
/// a file of its own (mode 0600), with a schema of its own, migrated by GRDB's DatabaseMigrator.
final class SQLiteAccountStore: AccountStore {
    static let fileName = "accounts.sqlite"
    let path: String
    private let queue: DatabaseQueue

    /// Opens (and creates, private to its owner) the accounts file in `workspace`.
    init(workspace: String) throws {
        guard !workspace.isEmpty else {
            throw DiagnosticError.error(
                "there is no private place to keep accounts: neither XDG_DATA_HOME nor HOME is set",
                suggestion: "set 'workspace:' in the configuration, or XDG_DATA_HOME, to a folder of your own")
        }
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        path = workspace + "/" + Self.fileName
        // Created empty and private before SQLite opens it, so it is never readable by others.
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw DiagnosticError.error("cannot open the accounts file: \(String(cString: strerror(errno)))", file: path)
        }
        close(descriptor)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    name TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL,
                    sign_off_roles TEXT NOT NULL,
                    password_hash TEXT NOT NULL -- '' when the account signs in only through single sign-on
                );
                CREATE TABLE draft (
                    id TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    title TEXT NOT NULL,
                    progress TEXT NOT NULL,
                    saved TEXT NOT NULL,
                    PRIMARY KEY (owner, id)
                );
                """)
        }
        return migrator
    }

    /// Asked on every request of a signed-in person (an account removed signs its sessions out at
    /// once), so it is one kept statement on the connection as it stands: a single SELECT reads a
    /// consistent row without a transaction, and GRDB's `read` would switch the connection to
    /// read-only and back, and SQLite forgets every compiled statement at each switch, which made
    /// this look-up a fifth of a page's time. Its columns are named, not `*`: a kept statement
    /// keeps its column names, and a newer `ethics users` may migrate the file while the server runs.
    /// Names are kept and looked up in one Unicode form (NFC), so "Zoë" signs in however the
    /// keyboard spelt its ë.
    func account(named name: String) throws -> Account? {
        try queue.inDatabase { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT name, role, sign_off_roles, password_hash FROM account WHERE name = ?"),
                arguments: [Self.canonical(name)]
            ).map(Self.account)
        }
    }

    func accounts() throws -> [Account] {
        try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY name").map(Self.account) }
    }

    func add(_ account: Account) throws {
        try queue.write { db in
            // Names that differ only in case or in their compatibility forms ("Sam", "sam", the
            // full-width "Ｓam") could not be told apart on a sign-off.
            let names = try String.fetchAll(db, sql: "SELECT name FROM account")
            let looks = account.name.precomposedStringWithCompatibilityMapping
            if let same = names.first(where: { $0.precomposedStringWithCompatibilityMapping.caseInsensitiveCompare(looks) == .orderedSame }) {
                throw DiagnosticError.error(
                    "there is already an account named '\(same)'" + (same == account.name ? "" : ", which differs from '\(account.name)' only in case"),
                    suggestion: "change it with 'ethics users passwd' or remove it first")
            }
            try db.execute(sql: "INSERT INTO account (name, role, sign_off_roles, password_hash) VALUES (?, ?, ?, ?)",
                           arguments: [Self.canonical(account.name), account.role.rawValue,
                                       Self.encode(account.signOffRoles), account.passwordHash ?? ""])
        }
    }

    func update(_ account: Account) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE account SET role = ?, sign_off_roles = ?, password_hash = ? WHERE name = ?",
                           arguments: [account.role.rawValue, Self.encode(account.signOffRoles), account.passwordHash ?? "", account.name])
        }
    }

    func remove(named name: String) throws -> Bool {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM account WHERE name = ?", arguments: [Self.canonical(name)])
            let removed = db.changesCount > 0
            try db.execute(sql: "DELETE FROM draft WHERE owner = ?", arguments: [Self.canonical(name)])
            return removed
        }
    }

    func saveDraft(_ draft: SavedDraft) throws {
        try queue.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO draft (id, owner, operation, title, progress, saved) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [draft.id, draft.owner, draft.operation, draft.title, draft.progress, draft.saved])
        }
    }

    func drafts(of owner: String) throws -> [SavedDraft] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM draft WHERE owner = ? ORDER BY saved", arguments: [owner]).map(Self.draft)
        }
    }

    func draft(_ id: String, of owner: String) throws -> SavedDraft? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE owner = ? AND id = ?", arguments: [owner, id]).map(Self.draft)
        }
    }

    func removeDraft(_ id: String, of owner: String) throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM draft WHERE owner = ? AND id = ?", arguments: [owner, id]) }
    }

    /// `name` in NFC. ASCII is its own NFC, and most names are ASCII: Foundation's normalising
    /// took a fifth of the look-up made on every signed-in request.
    private static func canonical(_ name: String) -> String {
        name.utf8.allSatisfy { $0 < 0x80 } ? name : name.precomposedStringWithCanonicalMapping
    }

    private static func account(_ row: Row) -> Account {
        // Most accounts hold no sign-off role; a JSONDecoder for "[]" was another fifth.
        let encoded = row["sign_off_roles"] as String? ?? "[]"
        let roles = encoded == "[]" ? [] : (try? JSONDecoder().decode([String].self, from: Data(encoded.utf8))) ?? []
        // An empty hash: the account signs in only through the council's single-sign-on proxy.
        let hash: String = row["password_hash"]
        return Account(
            name: row["name"], role: Account.Role(rawValue: row["role"]) ?? .officer, signOffRoles: roles,
            passwordHash: hash.isEmpty ? nil : hash)
    }

    private static func draft(_ row: Row) -> SavedDraft {
        SavedDraft(id: row["id"], owner: row["owner"], operation: row["operation"], title: row["title"], progress: row["progress"], saved: row["saved"])
    }

    private static func encode(_ roles: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(roles)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
