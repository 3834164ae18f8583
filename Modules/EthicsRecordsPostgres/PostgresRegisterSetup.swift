import EthicsDiagnostics
import Foundation
import PostgresNIO

/// `ethics records init-database URL`: what a council's database administrator runs once (and
/// again after upgrading ethics) to make the register in an existing database, connected as a role
/// that may create roles and schemas there (not necessarily a superuser).
///
/// It makes, each only when missing:
/// - the owner role (`ethics_owner`, NOLOGIN), which owns the schema `ethics` and its tables;
/// - the toolkit's role (`ethics`, LOGIN), which may SELECT and INSERT on the register's tables
///   and nothing more: no UPDATE, no DELETE, no TRUNCATE, no DDL;
/// - the schema, then each migration not yet applied, in order, recorded in
///   `ethics.schema_migrations`, under the register's write lock.
///
/// Triggers refuse UPDATE, DELETE and TRUNCATE on every table anyway, even for the owner.
public enum PostgresRegisterSetup {
    public struct Report: Sendable {
        public var rolesCreated: [String] = []
        public var migrationsApplied: [String] = []
        public var toolkitRole: String
        public var ownerRole: String
    }

    /// A role name the setup accepts: lowercase letters, digits and underscores, so it needs no
    /// quoting anywhere a council's administrator may type it.
    public static func isValidRoleName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, (1...63).contains(name.utf8.count) else { return false }
        return ("a"..."z").contains(first) || first == "_"
            ? name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" } : false
    }

    /// Makes (or brings up to date) the register in the database at `admin`.
    /// - Parameters:
    ///   - toolkitRole: the role `ethics` connects as.
    ///   - toolkitPassword: set as that role's password when given (only then).
    public static func initialise(
        admin: PostgresRegisterURL, toolkitRole: String = "ethics", ownerRole: String = "ethics_owner",
        toolkitPassword: String? = nil
    ) throws -> Report {
        for name in [toolkitRole, ownerRole] where !isValidRoleName(name) {
            throw DiagnosticError.error("'\(name)' is not a role name init-database uses: lowercase letters, digits and underscores, starting with a letter")
        }
        if toolkitRole == ownerRole {
            throw DiagnosticError.error("the toolkit's role and the owner role must differ: the toolkit's role may only read and add")
        }
        let link = PostgresLink(url: admin)
        defer { link.close() }
        var report = Report(toolkitRole: toolkitRole, ownerRole: ownerRole)
        do {
            try link.with { session in
                let encoding = try session.query("SHOW server_encoding").first?.decode(String.self) ?? ""
                guard encoding == "UTF8" else {
                    throw PostgresFailure(
                        url: admin, message: "the database's encoding is \(encoding); the register needs UTF8",
                        suggestion: "create the database with ENCODING 'UTF8'")
                }
                let owner = PostgresSchema.identifier(ownerRole)
                let toolkit = PostgresSchema.identifier(toolkitRole)
                if let toolkitPassword, toolkitPassword.unicodeScalars.contains("\0") {
                    throw DiagnosticError.error("the toolkit role's password must not contain a NUL character")
                }
                try refuseAPowerfulToolkitRole(toolkitRole, owner: ownerRole, session: session)
                // Roles belong to the whole cluster, so two administrators (or two test runs) setting
                // up two databases at once race on them: PostgreSQL then fails the later change with
                // "tuple concurrently updated". Each step is safe to repeat, so repeat it.
                for (name, attributes) in [(ownerRole, "NOLOGIN"), (toolkitRole, "LOGIN")] {
                    let exists = try session.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(name)]).isEmpty == false
                    if exists { continue }
                    try retryingConcurrentUpdate {
                        try session.query("""
                            DO $body$ BEGIN CREATE ROLE \(PostgresSchema.identifier(name)) \(attributes);
                            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $body$
                            """)
                    }
                    report.rolesCreated.append(name)
                }
                if let toolkitPassword {
                    try retryingConcurrentUpdate {
                        try session.query("ALTER ROLE \(toolkit) PASSWORD \(PostgresSchema.literal(toolkitPassword))")
                    }
                }
                let isSuperuser = try session.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").first?.decode(Bool.self) ?? false
                if !isSuperuser {
                    // To act as the owner below, the administrator must be a member of it.
                    try session.script("GRANT \(owner) TO CURRENT_USER")
                }
                try session.script("CREATE SCHEMA IF NOT EXISTS ethics AUTHORIZATION \(owner)")
                try session.query("BEGIN")
                do {
                    try session.script("SET LOCAL ROLE \(owner)")
                    try session.query("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.writeLock)])
                    try session.script(PostgresSchema.migrationsTable)
                    let applied = try session.query("SELECT name FROM ethics.schema_migrations ORDER BY position").map { try $0.decode(String.self) }
                    let known = PostgresSchema.migrations.map(\.name)
                    if applied.count > known.count || zip(applied, known).contains(where: { $0 != $1 }) {
                        throw PostgresFailure(
                            url: admin, message: "the register was made by a newer version of ethics (its schema has migration '\(applied.last ?? "")', which this version does not know); nothing was changed",
                            suggestion: "run init-database with that version of ethics, or a newer one")
                    }
                    for (position, migration) in PostgresSchema.migrations.enumerated().dropFirst(applied.count) {
                        try session.script(migration.sql)
                        try session.query(
                            "INSERT INTO ethics.schema_migrations (position, name) VALUES ($1, $2)", [.int(position + 1), .text(migration.name)])
                        report.migrationsApplied.append(migration.name)
                    }
                    let tables = PostgresSchema.tables.map { "ethics.\($0)" }.joined(separator: ", ")
                    try session.script("""
                        REVOKE ALL ON SCHEMA ethics FROM PUBLIC;
                        REVOKE ALL ON \(tables), ethics.schema_migrations FROM PUBLIC;
                        GRANT USAGE ON SCHEMA ethics TO \(toolkit);
                        REVOKE ALL ON \(tables), ethics.schema_migrations FROM \(toolkit);
                        GRANT SELECT, INSERT ON \(tables) TO \(toolkit);
                        GRANT SELECT ON ethics.schema_migrations TO \(toolkit);
                        """)
                    try session.query("COMMIT")
                } catch {
                    _ = try? session.query("ROLLBACK")
                    throw error
                }
            }
        } catch {
            if PostgresFailure.sqlState(error) == "42501" {
                // The toolkit role's usual advice (ask the administrator to run init-database) is
                // no help to the administrator running it.
                let said = (error as? PSQLError)?.serverInfo?[.message] ?? "permission denied"
                throw PostgresFailure(
                    url: admin, message: "'\(admin.user)' may not set up the register here (\(said)); nothing was changed",
                    suggestion: "run init-database as a role that may create roles (CREATEROLE) and schemas in '\(admin.database)', such as its owner given CREATEROLE, or a superuser")
            }
            throw PostgresFailure.explain(error, url: admin, connecting: false)
        }
        return report
    }
    /// Refuses, before anything is changed, an existing role as the toolkit's that the register's
    /// append-only rules would not bind: a superuser (it may switch the triggers off), the role
    /// running init-database (it acts as the owner), a role that may create roles (it may grant
    /// itself the owner's rights), or a member of the owner role (it owns the tables).
    private static func refuseAPowerfulToolkitRole(_ role: String, owner: String, session: PostgresLink.Session) throws {
        guard let row = try session.query("""
            SELECT r.rolsuper, r.rolname = current_user, r.rolcreaterole,
                CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $2) THEN pg_has_role(r.rolname, $2, 'MEMBER') ELSE false END
            FROM pg_roles r WHERE r.rolname = $1
            """, [.text(role), .text(owner)]).first else { return }
        let (superuser, running, createsRoles, ownerMember) = try row.decode((Bool, Bool, Bool, Bool).self)
        let reason = superuser ? "it is a superuser, which may switch off the register's append-only triggers"
            : running ? "it is the role running init-database, which acts as the register's owner"
            : createsRoles ? "it may create roles, and so grant itself the owner's rights"
            : ownerMember ? "it is a member of the owner role '\(owner)', which owns the register's tables"
            : nil
        if let reason {
            throw DiagnosticError.error(
                "'\(role)' cannot be the toolkit's role: \(reason); nothing was changed",
                suggestion: "name a role that only logs in with --role (the default 'ethics' is made for you)")
        }
    }

    /// Runs `step` again (up to five times, a moment apart) while the server fails it because
    /// another session changed the same catalogue row at the same time (SQLSTATE XX000 "tuple
    /// concurrently updated", or a serialisation failure).
    private static func retryingConcurrentUpdate(_ step: () throws -> Void) throws {
        for attempt in 1... {
            do {
                return try step()
            } catch let error as PSQLError where attempt < 5 {
                let state = error.serverInfo?[.sqlState] ?? ""
                let said = error.serverInfo?[.message] ?? ""
                guard state == "40001" || (state == "XX000" && said.contains("concurrently")) else { throw error }
                usleep(UInt32(20_000 * attempt))
            }
        }
    }
}
