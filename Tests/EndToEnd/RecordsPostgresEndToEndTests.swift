import EthicsRecordsPostgres
import EthicsTestSupport
import Foundation
import Glibc
import Testing

/// A council's register on its PostgreSQL server, through the built `ethics` binary: made by
/// `init-database`, chosen in the configuration, filled by a copy of an officer's SQLite register
/// with the same head, used by every records command, and each fault one line with exit 2.
@Suite(.enabled(if: PostgresTestServer.isEnabled, Comment(rawValue: PostgresTestServer.skipReason)))
struct RecordsPostgresEndToEndTests {
    let directory: TemporaryDirectory
    let database: PostgresTestServer.Database

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-records-pg")
        database = try PostgresTestServer.Database()
    }

    var sqliteEnvironment: [String: String] { ["XDG_DATA_HOME": directory.path + "/data", "ETHICS_AUTHOR": "Officer"] }

    /// The database's URL as the toolkit's role, without its password.
    var toolkitURL: String {
        var url = database.toolkitURL
        url.password = nil
        return url.description
    }

    /// Runs `init-database` as the cluster's superuser, setting the toolkit role's password.
    func initDatabase() throws -> CommandResult {
        let passwordFile = try directory.write(PostgresTestServer.toolkitPassword + "\n", to: "role-password")
        chmod(passwordFile, 0o600)
        return try CommandRunner.ethics(
            ["records", "init-database", database.admin.description, "--role", PostgresTestServer.toolkitRole,
             "--owner", PostgresTestServer.ownerRole, "--role-password-file", passwordFile],
            environment: ["PGPASSWORD": database.admin.password ?? ""])
    }

    /// A configuration that points at the database, its password in a private file.
    func config() throws -> String {
        let passwordFile = try directory.write(PostgresTestServer.toolkitPassword + "\n", to: "council/register-password")
        chmod(passwordFile, 0o600)
        return try directory.write("""
            extends: default
            council: {id: testshire, name: Testshire Council}
            register:
              engine: postgres
              url: "\(toolkitURL)"
              password-file: register-password
              tls: {mode: disable}
            """, to: "council/testshire.yaml")
    }

    @Test func initDatabaseThenCopyThenEveryCommandOnTheServer() throws {
        let initialised = try initDatabase()
        #expect(initialised.status == 0, "\(initialised)")
        #expect(initialised.stdout.contains("Migrations applied: v1-records-versions-links-journal, v2-records-in-list-order."), "\(initialised)")
        #expect(!initialised.stdout.contains(database.admin.password ?? "-"))

        // An officer's register on SQLite, with a record, a version, a link and a sign-off.
        let log = try directory.write(
            "Title,Author,Review by\r\nHousing data,Officer,2020-01-01\r\nChatbot,Officer,2999-01-01\r\n", to: "log.csv")
        #expect(try CommandRunner.ethics(["records", "import", log], environment: sqliteEnvironment).status == 0)
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year!
        let approve = try CommandRunner.ethics(
            ["records", "approve", "dec-\(year)-0001", "--role", "Data Protection Officer"], environment: sqliteEnvironment)
        #expect(approve.status == 0, "\(approve)")
        let before = try CommandRunner.ethics(["records", "verify"], environment: sqliteEnvironment)
        let head = try #require(before.stdout.split(separator: "\n").first { $0.hasPrefix("Journal head: ") }).dropFirst("Journal head: ".count)

        // Copied, verified on both sides, with the same head.
        let copy = try CommandRunner.ethics(
            ["records", "copy", "--to", toolkitURL], environment: sqliteEnvironment.merging(["ETHICS_REGISTER_PASSWORD": PostgresTestServer.toolkitPassword]) { $1 })
        #expect(copy.status == 0, "\(copy)")
        #expect(copy.stdout.contains("Journal head on both: \(head)"), "\(copy)")
        #expect(!copy.stdout.contains(PostgresTestServer.toolkitPassword))
        let again = try CommandRunner.ethics(
            ["records", "copy", "--to", toolkitURL], environment: sqliteEnvironment.merging(["ETHICS_REGISTER_PASSWORD": PostgresTestServer.toolkitPassword]) { $1 })
        #expect(again.status == 2, "only into an empty register: \(again)")

        // Every records command on the server, chosen by the configuration.
        let config = try config()
        func ethics(_ arguments: [String]) throws -> CommandResult {
            try CommandRunner.ethics(["--config", config] + arguments, environment: ["ETHICS_AUTHOR": "Board"])
        }
        let verify = try ethics(["records", "verify", "--expect-head", String(head)])
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("Register: \(toolkitURL)"), "\(verify)")
        // It claims the head it checked (the one given), not a note PostgreSQL does not keep.
        let verified = verify.stdout.replacing("\n", with: " ")
        #expect(verified.contains("the journal reaches the head you gave"), "\(verify)")
        #expect(verified.contains("A register on PostgreSQL keeps no note of its head outside the database"), "\(verify)")
        #expect(!verified.contains("head noted beside the register after its last write"), "\(verify)")
        #expect(try ethics(["records", "list", "--format", "csv"]).stdout.contains("dec-\(year)-0002,decision,1,Chatbot"))
        #expect(try ethics(["records", "show", "dec-\(year)-0001", "--format", "markdown"]).stdout.contains("Data Protection Officer"))
        #expect(try ethics(["records", "history", "dec-\(year)-0001", "--format", "csv"]).stdout.split(separator: "\r\n").count == 3)
        #expect(try ethics(["records", "due", "--format", "csv"]).stdout.contains("dec-\(year)-0001"))
        let review = try ethics(["records", "review", "dec-\(year)-0002", "--outcome", "no-change", "--note", "Fine"])
        #expect(review.status == 0, "\(review)")
        let export = try ethics(["records", "export", "-o", directory.path + "/bundle"])
        #expect(export.status == 0, "\(export)")
        #expect(try String(contentsOfFile: directory.path + "/bundle/journal.jsonl", encoding: .utf8).split(separator: "\n").count == 7)
        let backup = try ethics(["records", "backup", directory.path + "/backup.sqlite"])
        #expect(backup.status == 0, "\(backup)")
        #expect(try ethics(["records", "verify"]).status == 0)
        // The same register through ETHICS_REGISTER_URL alone.
        let viaEnvironment = try CommandRunner.ethics(
            ["records", "verify"],
            environment: ["ETHICS_REGISTER_URL": toolkitURL, "ETHICS_REGISTER_PASSWORD": PostgresTestServer.toolkitPassword])
        #expect(viaEnvironment.status == 0, "\(viaEnvironment)")
    }

    /// A council moving servers: the register on one database is copied into another's, through
    /// the configuration that names the first, with the same head on both.
    @Test func aRegisterOnTheServerIsCopiedToAnotherDatabase() throws {
        #expect(try initDatabase().status == 0)
        let config = try config()
        func ethics(_ arguments: [String], password: String? = nil) throws -> CommandResult {
            try CommandRunner.ethics(
                ["--config", config] + arguments,
                environment: ["ETHICS_AUTHOR": "Board"].merging(password.map { ["ETHICS_REGISTER_PASSWORD": $0] } ?? [:]) { $1 })
        }
        let log = try directory.write("Title,Author\r\nHousing data,Officer\r\nChatbot,Officer\r\n", to: "log.csv")
        #expect(try ethics(["records", "import", log]).status == 0)
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year!
        #expect(try ethics(["records", "withdraw", "dec-\(year)-0002", "--reason", "Not pursued"]).status == 0)
        let head = try #require(try ethics(["records", "verify"]).stdout.split(separator: "\n").first { $0.hasPrefix("Journal head: ") })
            .dropFirst("Journal head: ".count)

        let second = try PostgresTestServer.Database()
        var secondURL = try second.initialised()
        secondURL.password = nil
        let copy = try ethics(["records", "copy", "--to", secondURL.description], password: PostgresTestServer.toolkitPassword)
        #expect(copy.status == 0, "\(copy)")
        #expect(copy.stdout.contains("Journal head on both: \(head)"), "\(copy)")
        let there = try CommandRunner.ethics(
            ["records", "list", "--format", "csv"],
            environment: ["ETHICS_REGISTER_URL": secondURL.description, "ETHICS_REGISTER_PASSWORD": PostgresTestServer.toolkitPassword])
        #expect(there.status == 0 && there.stdout.contains("dec-\(year)-0002,decision,2,Chatbot"), "\(there)")
        #expect(try ethics(["records", "copy", "--to", secondURL.description], password: PostgresTestServer.toolkitPassword).status == 2,
                "only into an empty register")
    }

    @Test func eachFaultIsExitTwoWithOneLineNamingTheURL() throws {
        #expect(try initDatabase().status == 0)
        let cases: [(environment: [String: String], expected: String)] = [
            (["ETHICS_REGISTER_URL": toolkitURL, "ETHICS_REGISTER_PASSWORD": "wrong-password"],
             "\(toolkitURL): error: the server refused the password for '\(PostgresTestServer.toolkitRole)'"),
            (["ETHICS_REGISTER_URL": "postgres://ethics@127.0.0.1:1/ethics", "ETHICS_REGISTER_PASSWORD": "wrong-password"],
             "postgres://ethics@127.0.0.1:1/ethics: error: cannot reach the register's server at 127.0.0.1:1"),
            (["ETHICS_REGISTER_URL": toolkitURL + "?sslmode=require", "ETHICS_REGISTER_PASSWORD": PostgresTestServer.toolkitPassword],
             "\(toolkitURL): error: the server does not offer TLS, and the register's settings require it"),
            (["ETHICS_REGISTER_URL": database.admin.description.replacingOccurrences(of: database.name, with: "postgres"),
              "ETHICS_REGISTER_PASSWORD": database.admin.password ?? ""],
             "error: the database 'postgres' is not an ethics register"),
        ]
        for (environment, expected) in cases {
            let result = try CommandRunner.ethics(["records", "list"], environment: environment)
            #expect(result.status == 2, "\(result)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result)")
            #expect(result.stderr.contains(expected), "\(result)")
            #expect(!result.stderr.contains("wrong-password") && !result.stderr.contains(PostgresTestServer.toolkitPassword))
            #expect(result.stdout.isEmpty)
        }
        try database.execute("INSERT INTO ethics.schema_migrations (position, name) VALUES (3, 'v3-from-the-future')")
        let newer = try CommandRunner.ethics(
            ["records", "verify"], environment: ["ETHICS_REGISTER_URL": toolkitURL, "ETHICS_REGISTER_PASSWORD": PostgresTestServer.toolkitPassword])
        #expect(newer.status == 2, "\(newer)")
        #expect(newer.stderr.hasPrefix("\(toolkitURL): error: the register was made by a newer version of ethics"), "\(newer)")
    }
}
