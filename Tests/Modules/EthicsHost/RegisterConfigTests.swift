import EthicsCore
import EthicsDiagnostics
import EthicsHost
import EthicsRecordsPostgres
import EthicsTestSupport
import Foundation
import Glibc
import Testing

/// `register:` in a council's configuration, and `ETHICS_REGISTER_URL`: which engine keeps the
/// register, checked strictly with every problem at its line, and the password never in YAML.
@Suite struct RegisterConfigTests {
    private static let header = "extends: default\ncouncil: {id: anytown, name: Anytown Borough Council}\n"

    private func load(
        _ config: String, environment: [String: String] = [:], password: (name: String, mode: mode_t)? = nil
    ) throws -> (LoadedConfig, HostHarness) {
        let host = try HostHarness()
        if let password {
            let path = try host.write("s3cret-password\n", to: "council/\(password.name)")
            chmod(path, password.mode)
        }
        let path = try host.write(Self.header + config, to: "council/anytown.yaml")
        var env = ["HOME": host.directory.path]
        env.merge(environment) { _, new in new }
        let loader = ConfigLoader(environment: env, toolkitHome: host.home, compiledPluginIDs: ["fixture"])
        return (try loader.load(path), host)
    }

    private func messages(_ config: LoadedConfig) -> [String] {
        config.problems.map(\.description)
    }

    @Test func withoutRegisterNothingChanges() throws {
        let (config, _) = try load("")
        #expect(config.problems.isEmpty)
        #expect(config.register == .sqlite)
        let (explicit, _) = try load("register: {engine: sqlite}\n")
        #expect(explicit.problems.isEmpty && explicit.register == .sqlite)
    }

    @Test func aPostgresRegisterWithAPrivatePasswordFile() throws {
        let (config, host) = try load("""
            register:
              engine: postgres
              url: "postgres://ethics@db.example:5432/ethics"
              password-file: register-password
              tls: {mode: require}
            """, password: ("register-password", 0o600))
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.register == .postgres(PostgresRegisterURL(
            host: "db.example", port: 5432, user: "ethics", database: "ethics", password: "s3cret-password", tls: .require)))
        _ = host
    }

    @Test func tlsIsVerifiedByDefaultExceptOnThisMachine() throws {
        let (remote, _) = try load("register: {url: \"postgres://ethics@db.example/ethics\"}\n", environment: ["ETHICS_REGISTER_PASSWORD": "pw"])
        #expect(remote.register == .postgres(PostgresRegisterURL(host: "db.example", user: "ethics", database: "ethics", password: "pw", tls: .verifyFull(caFile: nil))))
        let (local, _) = try load("register: {url: \"postgres://ethics@127.0.0.1:5433/ethics\"}\n")
        #expect(local.register == .postgres(PostgresRegisterURL(host: "127.0.0.1", port: 5433, user: "ethics", database: "ethics", tls: .disable)))
    }

    @Test func theEnvironmentsURLWins() throws {
        let (config, _) = try load("", environment: ["ETHICS_REGISTER_URL": "postgres://officer:pw@db.example:6432/register?sslmode=require"])
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.register == .postgres(PostgresRegisterURL(
            host: "db.example", port: 6432, user: "officer", database: "register", password: "pw", tls: .require)))
        let (bad, _) = try load("", environment: ["ETHICS_REGISTER_URL": "postgres://officer:pw@db.example"])
        #expect(messages(bad) == ["error: ETHICS_REGISTER_URL: the register's URL names no database: add /DATABASE after the host, like postgres://ethics@db.example:5432/ethics"])
        #expect(bad.register == .sqlite)
    }

    @Test func everyMistakeIsReportedAtItsLine() throws {
        let (config, host) = try load("""
            register:
              engine: postgress
              url: "postgres://ethics:hunter2@db.example/ethics"
            """)
        let file = host.directory.path + "/council/anytown.yaml"
        #expect(messages(config) == ["\(file):4:11: error: 'postgress' is not a register engine; use sqlite (the default) or postgres (at register.engine); did you mean 'postgres'?"], "\(messages(config))")

        let (password, passwordHost) = try load("register:\n  url: \"postgres://ethics:hunter2@db.example/ethics\"\n")
        #expect(messages(password).count == 1)
        #expect(messages(password).first?.hasPrefix("\(passwordHost.directory.path)/council/anytown.yaml:4:8: error: the register's URL holds a password; a password never goes in a configuration file") == true, "\(messages(password))")
        #expect(messages(password).allSatisfy { !$0.contains("hunter2") })

        let (unknown, unknownHost) = try load("register:\n  url: \"postgres://ethics@db.example/ethics\"\n  pasword-file: x\n")
        #expect(messages(unknown) == [
            "\(unknownHost.directory.path)/council/anytown.yaml:5:3: error: unknown key 'pasword-file' (at register.pasword-file); did you mean 'password-file'?",
        ])

        let (tls, tlsHost) = try load("register:\n  url: \"postgres://ethics@db.example/ethics\"\n  tls: {mode: verify-ca}\n")
        #expect(messages(tls).first?.hasPrefix("\(tlsHost.directory.path)/council/anytown.yaml:5:15: error: 'verify-ca' is not a TLS mode; use disable, require or verify-full") == true, "\(messages(tls))")

        let (noURL, _) = try load("register: {engine: postgres}\n")
        #expect(messages(noURL).first?.contains("a register on PostgreSQL needs its URL") == true, "\(messages(noURL))")

        let (sqliteWithURL, _) = try load("register: {engine: sqlite, url: \"postgres://ethics@db/ethics\"}\n")
        #expect(messages(sqliteWithURL).first?.contains("'url' is for a register on PostgreSQL, but 'engine' is sqlite") == true)

        let (notMapping, _) = try load("register: postgres\n")
        #expect(messages(notMapping).count == 1, "\(messages(notMapping))")
        #expect(messages(notMapping).first?.contains(":3:11: error: expected a mapping of keys to values, found a single value (at register)") == true)
    }

    /// A password file written on Windows ends its line with `\r\n`, and a mounted secret is often
    /// a symbolic link to the file: both give the password itself.
    @Test func aPasswordFileWithAWindowsLineEndOrBehindALinkGivesThePassword() throws {
        let config = """
            register:
              url: "postgres://ethics@db.example/ethics"
              password-file: linked-password
            """
        let host = try HostHarness()
        let file = try host.write("s3cret-password\r\nsecond line\n", to: "council/secrets/register-password")
        chmod(file, 0o600)
        #expect(symlink(file, host.directory.path + "/council/linked-password") == 0)
        let path = try host.write(Self.header + config, to: "council/anytown.yaml")
        let loaded = try ConfigLoader(environment: ["HOME": host.directory.path], toolkitHome: host.home, compiledPluginIDs: ["fixture"]).load(path)
        #expect(loaded.problems.isEmpty, "\(messages(loaded))")
        #expect(loaded.register == .postgres(PostgresRegisterURL(
            host: "db.example", user: "ethics", database: "ethics", password: "s3cret-password", tls: .verifyFull(caFile: nil))))
    }

    @Test func aPasswordFileOthersMayReadIsRefused() throws {
        let config = """
            register:
              url: "postgres://ethics@db.example/ethics"
              password-file: register-password
            """
        let (open, host) = try load(config, password: ("register-password", 0o644))
        let path = host.directory.path + "/council/register-password"
        #expect(messages(open) == [
            "\(host.directory.path)/council/anytown.yaml:5:18: error: the password file \(path) may be read by others (mode 644); it was not used (at register.password-file); make it private with: chmod 600 \(path)",
        ], "\(messages(open))")
        let (missing, _) = try load(config)
        #expect(messages(missing).first?.contains("cannot read the password file") == true)
    }
}
