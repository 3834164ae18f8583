import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import EthicsRecordsPostgres
import Foundation

/// The register on a council's PostgreSQL server: making it (`init-database`, once, by the
/// database administrator) and moving a register into it (`copy --to`).
extension RecordsCommand {
    /// How a command line names a server: the URL, and the password and TLS beside it.
    struct ServerOptions: ParsableArguments {
        @Option(name: .customLong("password-file"), help: ArgumentHelp(
            "A file, readable only by you, whose first line is the password (else PGPASSWORD or ETHICS_REGISTER_PASSWORD).",
            valueName: "file"))
        var passwordFile: String?

        @Option(help: ArgumentHelp("TLS: disable, require or verify-full (default: verify-full; disable for a server on this machine).", valueName: "mode"))
        var tls: String?

        @Option(name: .customLong("ca-file"), help: ArgumentHelp("The CA certificate (PEM) that signed the server's, for verify-full.", valueName: "file"))
        var caFile: String?

        func validate() throws {
            if let tls, !PostgresRegisterURL.TLS.modes.contains(tls) {
                throw ValidationError("--tls takes disable, require or verify-full, not '\(tls)'")
            }
            if caFile != nil, let tls, tls != "verify-full" {
                throw ValidationError("--ca-file is used only with --tls verify-full")
            }
        }

        /// The server at `text`, with the password from `--password-file`, then `passwordVariables`,
        /// then the URL itself.
        func url(_ text: String, passwordVariables: [String], environment: [String: String]) throws -> PostgresRegisterURL {
            let parsed: PostgresRegisterURL.Parsed
            do {
                parsed = try PostgresRegisterURL.parse(text)
            } catch {
                throw DiagnosticError.error(error.description)
            }
            var password = parsed.password
            for name in passwordVariables.reversed() {
                if let value = environment[name], !value.isEmpty { password = value }
            }
            if let passwordFile {
                var problems = DiagnosticCollector()
                let written = Located(passwordFile, at: SourceLocation(file: "--password-file", line: 0, column: 0))
                password = RegisterSettings.readPasswordFile(written, environment: environment, problems: &problems)
                if problems.hasErrors {
                    throw DiagnosticError(problems.diagnostics.map { .error($0.message, suggestion: $0.suggestion) })
                }
            }
            let loopback = PostgresRegisterURL(host: parsed.host, user: parsed.user, database: parsed.database, tls: .disable).isLoopback
            let mode = tls ?? parsed.sslMode ?? (loopback ? "disable" : "verify-full")
            let tlsSetting: PostgresRegisterURL.TLS = switch mode {
            case "disable": .disable
            case "require": .require
            default: .verifyFull(caFile: caFile ?? parsed.sslRootCert)
            }
            return PostgresRegisterURL(
                host: parsed.host, port: parsed.port, user: parsed.user, database: parsed.database, password: password, tls: tlsSetting)
        }
    }

    struct InitDatabase: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "init-database",
            abstract: "Make the register in a PostgreSQL database: its schema, an owner role, and the toolkit's role (run once, by the database administrator).",
            discussion: """
                URL names the database and an administrator who may create roles and schemas in it \
                (a superuser is not needed): postgres://admin@db.example:5432/ethics. It creates, each \
                only when missing, the role that owns the register (NOLOGIN), the role the toolkit \
                connects as (LOGIN; SELECT and INSERT only, never UPDATE or DELETE), the schema \
                'ethics' with the register's tables and the triggers that refuse UPDATE, DELETE and \
                TRUNCATE, and records each migration in ethics.schema_migrations. Run it again after \
                upgrading ethics to apply new migrations; it changes nothing else.
                """)

        @Argument(help: ArgumentHelp("The database, as an administrator: postgres://ADMIN@HOST:PORT/DATABASE.", valueName: "url"))
        var url: String

        @OptionGroup var server: ServerOptions

        @Option(help: ArgumentHelp("The role the toolkit connects as.", valueName: "name"))
        var role = "ethics"

        @Option(help: ArgumentHelp("The role that owns the register's schema and tables; it cannot log in.", valueName: "name"))
        var owner = "ethics_owner"

        @Option(name: .customLong("role-password-file"), help: ArgumentHelp(
            "Set the toolkit role's password to the first line of this file (readable only by you).", valueName: "file"))
        var rolePasswordFile: String?

        func run(session: HostSession) async throws {
            let admin = try server.url(url, passwordVariables: ["PGPASSWORD"], environment: session.environment)
            var rolePassword: String?
            if let rolePasswordFile {
                var problems = DiagnosticCollector()
                rolePassword = RegisterSettings.readPasswordFile(
                    Located(rolePasswordFile, at: SourceLocation(file: "--role-password-file", line: 0, column: 0)),
                    environment: session.environment, problems: &problems)
                if problems.hasErrors { throw DiagnosticError(problems.diagnostics.map { .error($0.message, suggestion: $0.suggestion) }) }
            }
            let report = try PostgresRegisterSetup.initialise(
                admin: admin, toolkitRole: role, ownerRole: owner, toolkitPassword: rolePassword)
            session.output.line("Register ready in \(admin).")
            session.output.line(report.rolesCreated.isEmpty ? "Roles: \(owner) and \(role) were there already." : "Roles created: \(report.rolesCreated.joined(separator: ", ")).")
            session.output.line(report.migrationsApplied.isEmpty ? "Schema: up to date." : "Migrations applied: \(report.migrationsApplied.joined(separator: ", ")).")
            if rolePassword != nil { session.output.line("Set the password of \(role).") }
            var toolkit = admin
            toolkit.user = role
            session.output.line("Point ethics at it with: register: {engine: postgres, url: \"\(toolkit)\", password-file: …}")
        }
    }

    struct Copy: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy this register into an empty register on PostgreSQL, verifying it before and after.",
            discussion: """
                Every row is copied as it is, so the copy's journal is the original's, hash for hash: \
                the head printed at the end is the same on both sides. Nothing is copied unless the \
                register verifies first; the copy is one transaction, kept only when complete. The \
                register on the server must have been made with 'records init-database' and hold \
                nothing yet. Exit 1 if either side does not verify.
                """)

        @Option(help: ArgumentHelp("The PostgreSQL register to copy into: postgres://ethics@HOST:PORT/DATABASE.", valueName: "url"))
        var to: String

        @OptionGroup var server: ServerOptions

        func run(session: HostSession) async throws {
            let target = try server.url(to, passwordVariables: ["ETHICS_REGISTER_PASSWORD"], environment: session.environment)
            guard let source = try session.records.existingStore() else {
                throw DiagnosticError.error("there is no register yet, so there is nothing to copy", file: session.records.path)
            }
            if source.location == target.description {
                throw DiagnosticError.error("the register to copy into is this register", file: session.records.path)
            }
            let before = try source.verify(expecting: nil)
            guard before.isIntact else {
                session.errors.line("\(session.records.path): error: the register does not verify, so nothing was copied: \(before.problem?.message ?? "")")
                throw ExitCode(ExitStatus.checkFailed.rawValue)
            }
            let rows = try source.rows()
            let destination = try PostgresRecordStore(url: target)
            defer { destination.close() }
            try destination.load(rows)
            let after = try destination.verify(expecting: before.head)
            guard after.isIntact, after.head == before.head else {
                session.errors.line("\(target): error: the copy does not verify: \(after.problem?.message ?? "its head is \(after.head?.description ?? "none"), not \(before.head?.description ?? "none")")")
                throw ExitCode(ExitStatus.checkFailed.rawValue)
            }
            session.output.line("Copied \(session.records.path) to \(target): \(after.contents); both verified.")
            session.output.line("Journal head on both: \(after.head?.description ?? "none (the journal is empty)")")
        }
    }
}
