public import EthicsRecordsPostgres
import EthicsRecords
import Foundation
import Glibc

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

    /// A port nothing listens on now: bound to port 0, read, and closed.
    public static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The first column of each row `sql` returns, as text.
    public static func strings(_ url: PostgresRegisterURL, _ sql: String) throws -> [String] {
        let link = PostgresLink(url: url)
        defer { link.close() }
        return try link.with { try $0.texts(sql) }
    }
}

/// A PostgreSQL cluster of one test's own, made with the shared cluster's binaries
/// (`ETHICS_TEST_POSTGRES_BIN`), for a test that restarts its server: restarting the shared one
/// would cut off every other test's connections. Trusts every local connection; stopped and
/// removed by ``stop()``.
public final class PrivateCluster: Sendable {
    /// The cluster's superuser, on its `postgres` database.
    public let admin: PostgresRegisterURL
    private let bin: String
    private let folder: URL
    private let owner: [String]

    public init() throws {
        guard let bin = ProcessInfo.processInfo.environment["ETHICS_TEST_POSTGRES_BIN"] else { throw PostgresTestServer.Unavailable() }
        self.bin = bin
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ethics-private-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // PostgreSQL will not run as root: as Tools/lib/postgres-cluster does, use its own account.
        owner = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        if getuid() == 0 { try Self.run(["/bin/chown", "postgres", folder.path]) }
        let port = PostgresTestServer.freePort()
        admin = PostgresRegisterURL(host: "127.0.0.1", port: port, user: "postgres", database: "postgres", password: nil, tls: .disable)
        try Self.run(owner + ["\(bin)/initdb", "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"])
        try Self.run(owner + ["\(bin)/pg_ctl", "-D", data, "-l", log, "-w", "-o", "-c listen_addresses=127.0.0.1 -p \(port) -k \(folder.path)", "start"])
    }

    private var data: String { folder.appendingPathComponent("data").path }
    private var log: String { folder.appendingPathComponent("server.log").path }

    /// Stops the server as a crash would (no checkpoint, clients cut off) and starts it again;
    /// returns once it accepts connections, having recovered from its write-ahead log.
    public func restartImmediately() throws {
        try Self.run(owner + ["\(bin)/pg_ctl", "-D", data, "-l", log, "-m", "immediate", "-w", "restart"])
    }

    public func stop() {
        try? Self.run(owner + ["\(bin)/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `command` and waits for it, by `posix_spawn` and `waitpid` rather than Foundation's
    /// `Process`, which waits for every process that inherited its watch on the child: `pg_ctl
    /// start` leaves the server running, so `Process` would wait for it to stop.
    private static func run(_ command: [String]) throws {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, command[0], &actions, nil, arguments, environ)
        guard spawned == 0 else { throw Failed(description: "\(command[0]) could not start (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw Failed(description: "\(command.joined(separator: " ")) failed (wait status \(status))")
        }
    }
}
