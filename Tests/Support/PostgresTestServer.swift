public import EthicsRecordsPostgres
import EthicsRecords
import Foundation

/// The throwaway PostgreSQL cluster `Tools/test` starts (Tools/lib/postgres-cluster), named by
/// `ETHICS_TEST_POSTGRES_URL` and `ETHICS_TEST_POSTGRES_PASSWORD`. Without them the register's
/// PostgreSQL tests are skipped (marked so), except on CI, where they run and fail: CI never skips.
public enum PostgresTestServer {
    /// Whether the PostgreSQL tests run: a server was given, or this is CI (where its absence fails).
    public static var isEnabled: Bool {
        adminURL != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// The reason shown when they are skipped.
    public static let skipReason = "needs ETHICS_TEST_POSTGRES_URL: run Tools/test, which starts a throwaway PostgreSQL cluster"

    /// The cluster's superuser, on its `postgres` database.
    public static var adminURL: PostgresRegisterURL? {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment["ETHICS_TEST_POSTGRES_URL"], let parsed = try? PostgresRegisterURL.parse(text) else { return nil }
        return PostgresRegisterURL(
            host: parsed.host, port: parsed.port, user: parsed.user, database: parsed.database,
            password: environment["ETHICS_TEST_POSTGRES_PASSWORD"], tls: .disable)
    }

    /// The role the toolkit connects as in tests, and its password.
    public static let toolkitRole = "ethics_test"
    public static let toolkitPassword = "toolkit-test-password"
    public static let ownerRole = "ethics_test_owner"

    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String { "ETHICS_TEST_POSTGRES_URL is not set: on CI, Tools/test must start the PostgreSQL cluster" }
    }

    /// A new, empty database on the cluster. It is not dropped: the cluster is thrown away with
    /// everything in it when the tests end, and dropping a database ends (with FORCE) or waits
    /// for the connections of a store a test still holds.
    public final class Database: Sendable {
        public let name: String
        /// The database as its administrator (the cluster's superuser) reaches it.
        public let admin: PostgresRegisterURL

        public init() throws {
            guard let server = adminURL else { throw Unavailable() }
            name = "ethics_t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
            var admin = server
            admin.database = name
            self.admin = admin
            try PostgresTestServer.execute(server, "CREATE DATABASE \(name) ENCODING 'UTF8' TEMPLATE template0")
        }

        /// The database with the register made in it, as the toolkit's role reaches it.
        public func initialised() throws -> PostgresRegisterURL {
            _ = try PostgresRegisterSetup.initialise(
                admin: admin, toolkitRole: toolkitRole, ownerRole: ownerRole, toolkitPassword: toolkitPassword)
            return toolkitURL
        }

        /// The database as the toolkit's role reaches it.
        public var toolkitURL: PostgresRegisterURL {
            var url = admin
            url.user = toolkitRole
            url.password = toolkitPassword
            return url
        }

        /// Runs `sql` as the superuser, in this database.
        public func execute(_ sql: String) throws {
            try PostgresTestServer.execute(admin, sql)
        }

        /// Runs `sql` as the superuser with every trigger (the append-only ones, and foreign keys)
        /// switched off, as an attacker with the server's superuser would.
        public func tamper(_ sql: String) throws {
            try PostgresTestServer.execute(admin, "SET session_replication_role = replica; SET search_path = ethics; " + sql)
        }
    }

    /// Runs `sql` (one or more statements) at `url`.
    public static func execute(_ url: PostgresRegisterURL, _ sql: String) throws {
        let link = PostgresLink(url: url)
        defer { link.close() }
        try link.with { try $0.script(sql) }
    }

    /// The first column of each row `sql` returns, as text.
    public static func strings(_ url: PostgresRegisterURL, _ sql: String) throws -> [String] {
        let link = PostgresLink(url: url)
        defer { link.close() }
        return try link.with { try $0.texts(sql) }
    }
}
