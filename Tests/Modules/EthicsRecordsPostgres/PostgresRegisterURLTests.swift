import EthicsRecordsPostgres
import Testing

/// Reading a register's URL, and never showing its password.
@Suite struct PostgresRegisterURLTests {
    @Test func readsTheURLsCouncilsWrite() throws {
        let plain = try PostgresRegisterURL.parse("postgres://ethics@db.example:5433/register")
        #expect(plain.host == "db.example" && plain.port == 5433 && plain.user == "ethics" && plain.database == "register")
        #expect(plain.password == nil && plain.sslMode == nil)
        let defaults = try PostgresRegisterURL.parse("postgresql://ethics@db.example/ethics")
        #expect(defaults.port == 5432)
        let full = try PostgresRegisterURL.parse("postgres://ethics:s%40cret@[::1]:6000/ethics?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        #expect(full.host == "::1" && full.port == 6000 && full.password == "s@cret")
        #expect(full.sslMode == "verify-full" && full.sslRootCert == "/etc/ca.pem")
    }

    @Test(arguments: [
        ("mysql://ethics@db/ethics", "must start with postgres://"),
        ("postgres://ethics@db.example", "names no database"),
        ("postgres://db.example:5432/ethics", "names no user"),
        ("postgres://ethics@db.example:port/ethics", "port that is not a number"),
        ("postgres://ethics@db.example:70000/ethics", "port 70000"),
        ("postgres://ethics@:5432/ethics", "names no host"),
        ("postgres://ethics@db/ethics?sslmode=prefer", "sslmode=prefer is not a TLS mode"),
        ("postgres://ethics@db/ethics?application_name=x", "only sslmode and sslrootcert"),
        ("postgres://ethics@db/eth%ZZics", "a % in its database name that is not %XX"),
        ("postgres://ethics@db/ethics#frag", "has a '#' in it"),
    ])
    func refusesWhatIsNotARegisterURL(_ text: String, _ words: String) {
        let problem = #expect(throws: PostgresRegisterURL.URLProblem.self) { try PostgresRegisterURL.parse(text) }
        #expect(problem?.description.contains(words) == true, "\(String(describing: problem))")
    }

    @Test func thePasswordIsNeverShown() throws {
        let parsed = try PostgresRegisterURL.parse("postgres://ethics:hunter2@db.example:5432/ethics")
        let url = PostgresRegisterURL(
            host: parsed.host, port: parsed.port, user: parsed.user, database: parsed.database, password: parsed.password, tls: .require)
        #expect(url.description == "postgres://ethics@db.example:5432/ethics")
        #expect(!String(describing: url).contains("hunter2"))
        let problem = #expect(throws: PostgresRegisterURL.URLProblem.self) {
            try PostgresRegisterURL.parse("postgres://ethics:hunter2@db.example:nope/ethics")
        }
        #expect(problem?.description.contains("hunter2") == false)
    }

    @Test func onlyThisMachineIsLoopback() {
        for host in ["localhost", "127.0.0.1", "127.0.0.2", "::1"] {
            #expect(PostgresRegisterURL(host: host, user: "u", database: "d", tls: .disable).isLoopback, "\(host)")
        }
        #expect(!PostgresRegisterURL(host: "db.example", user: "u", database: "d", tls: .disable).isLoopback)
    }
}
