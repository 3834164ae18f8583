import EthicsCore
import EthicsDiagnostics
public import EthicsRecordsPostgres
import EthicsYAML
import CoreFoundation
import Foundation
import Glibc

/// Which engine keeps the council's register.
public enum RegisterChoice: Sendable, Hashable {
    /// `register.sqlite` in the workspace: the default, nothing to install.
    case sqlite
    /// The council's PostgreSQL server.
    case postgres(PostgresRegisterURL)
}

/// The `register:` section of a configuration, as written.
///
/// ```yaml
/// register:
///   engine: postgres                               # or sqlite, the default
///   url: "postgres://ethics@db.example:5432/ethics"  # no password here, ever
///   password-file: /etc/ethics/register-password   # readable by its owner only; or ETHICS_REGISTER_PASSWORD
///   tls: {mode: verify-full, ca-file: /etc/ethics/council-ca.pem}  # disable | require | verify-full
/// ```
///
/// `ETHICS_REGISTER_URL` chooses PostgreSQL at that URL whatever the file says (its password, if
/// it holds one, and `?sslmode=…&sslrootcert=…` are read from it, since it is not a file).
struct RegisterSettings: Decodable {
    var engine: Located<String>?
    var url: Located<String>?
    var passwordFile: Located<String>?
    var tls: TLSSettings?

    struct TLSSettings: Decodable {
        var mode: Located<String>?
        var caFile: Located<String>?

        enum CodingKeys: String, CodingKey {
            case mode
            case caFile = "ca-file"
        }
    }

    enum CodingKeys: String, CodingKey {
        case engine, url, tls
        case passwordFile = "password-file"
    }

    static let engines = ["sqlite", "postgres"]

    /// The register a run uses. Every problem is collected with its position; with any, the run
    /// falls back to SQLite (and refuses to start, since the configuration has problems).
    static func resolve(
        _ settings: RegisterSettings?, node: YAMLNode?, environment: [String: String], problems: inout DiagnosticCollector
    ) -> RegisterChoice {
        let environmentURL = environment["ETHICS_REGISTER_URL"].flatMap { $0.isEmpty ? nil : $0 }
        // A `register:` that is not a mapping is reported by the decoder, at its position.
        if let node, !node.isNull, node.kind != .mapping { return .sqlite }
        let before = problems.diagnostics.count
        let engine = settings?.engine?.value ?? (settings?.url != nil || environmentURL != nil ? "postgres" : "sqlite")
        if let written = settings?.engine, !engines.contains(written.value) {
            problems.append(.error(
                "'\(written.value)' is not a register engine; use sqlite (the default) or postgres", at: written.location,
                keyPath: "register.engine", suggestion: Suggestion.didYouMean(written.value, among: engines)))
            return .sqlite
        }
        if engine == "sqlite" && environmentURL == nil {
            for (key, location) in [("url", settings?.url?.location), ("password-file", settings?.passwordFile?.location),
                                    ("tls", node?["tls"]?.location)] {
                if let location {
                    problems.append(.error(
                        "'\(key)' is for a register on PostgreSQL, but 'engine' is sqlite", at: location, keyPath: "register.\(key)",
                        suggestion: "set 'engine: postgres', or remove '\(key)'"))
                }
            }
            return .sqlite
        }

        // The URL: the environment's, else the file's.
        var parsed: PostgresRegisterURL.Parsed?
        if let environmentURL {
            do {
                parsed = try PostgresRegisterURL.parse(environmentURL)
            } catch {
                problems.append(.error("ETHICS_REGISTER_URL: \(error.description)"))
            }
        } else if let url = settings?.url {
            do {
                let fromFile = try PostgresRegisterURL.parse(url.value)
                if fromFile.password != nil {
                    problems.append(.error(
                        "the register's URL holds a password; a password never goes in a configuration file", at: url.location,
                        keyPath: "register.url",
                        suggestion: "remove it from the URL and put it in a file readable only by you, named by 'password-file:', or in ETHICS_REGISTER_PASSWORD"))
                }
                if fromFile.sslMode != nil || fromFile.sslRootCert != nil {
                    problems.append(.error(
                        "set TLS with 'tls: {mode: …, ca-file: …}' beside the URL, not in its query", at: url.location, keyPath: "register.url"))
                }
                parsed = fromFile
            } catch {
                problems.append(.error(error.description, at: url.location, keyPath: "register.url"))
            }
        } else {
            problems.append(.error(
                "a register on PostgreSQL needs its URL", at: node?.location ?? settings?.engine?.location ?? .unknown,
                keyPath: "register.url", suggestion: "add url: \"postgres://ethics@HOST:5432/DATABASE\", or set ETHICS_REGISTER_URL"))
        }

        // The password: a private file, else the environment, else (the environment's URL only) the URL.
        var password = parsed?.password
        if let environmentPassword = environment["ETHICS_REGISTER_PASSWORD"], !environmentPassword.isEmpty {
            password = environmentPassword
        }
        if let file = settings?.passwordFile {
            password = readPasswordFile(file, environment: environment, problems: &problems)
        }

        // TLS: the file's section, else the environment URL's query, else verify-full (disable on this machine).
        var mode = parsed?.sslMode
        var caFile: String? = parsed?.sslRootCert
        if let tls = settings?.tls {
            if environmentURL == nil || (parsed?.sslMode == nil && parsed?.sslRootCert == nil) {
                if let written = tls.mode {
                    if PostgresRegisterURL.TLS.modes.contains(written.value) {
                        mode = written.value
                    } else {
                        problems.append(.error(
                            "'\(written.value)' is not a TLS mode; use disable, require or verify-full", at: written.location,
                            keyPath: "register.tls.mode",
                            suggestion: Suggestion.didYouMean(written.value, among: PostgresRegisterURL.TLS.modes)))
                    }
                }
                if let written = tls.caFile {
                    let path = resolvePath(written, environment: environment)
                    if access(path, R_OK) != 0 {
                        problems.append(.error(
                            "cannot read the CA file \(path)", at: written.location, keyPath: "register.tls.ca-file",
                            suggestion: "name the PEM file of the certificate authority that signed the server's certificate"))
                    }
                    if (tls.mode?.value ?? "verify-full") != "verify-full" {
                        problems.append(.error(
                            "'ca-file' is used only with 'mode: verify-full'", at: written.location, keyPath: "register.tls.ca-file"))
                    }
                    caFile = path
                }
            }
        }
        guard problems.diagnostics.count == before, let parsed else { return .sqlite }
        let loopback = PostgresRegisterURL(host: parsed.host, user: parsed.user, database: parsed.database, tls: .disable).isLoopback
        let tls: PostgresRegisterURL.TLS = switch mode ?? (loopback ? "disable" : "verify-full") {
        case "disable": .disable
        case "require": .require
        default: .verifyFull(caFile: caFile)
        }
        return .postgres(PostgresRegisterURL(
            host: parsed.host, port: parsed.port, user: parsed.user, database: parsed.database, password: password, tls: tls))
    }

    /// `~/…` from HOME, a relative path from the configuration file's folder.
    static func resolvePath(_ written: Located<String>, environment: [String: String]) -> String {
        let text = written.value
        if text == "~" || text.hasPrefix("~/"), let home = environment["HOME"] {
            return ContentPath.resolve(home + text.dropFirst(), relativeTo: "/")
        }
        return ContentPath.resolve(text, relativeTo: ContentPath.directory(of: written.location.file))
    }

    /// The password in `file`: its first line, whatever ends it (`\n` or a Windows `\r\n`). The
    /// file must be the user's own and readable by nobody else, as libpq insists of `~/.pgpass`.
    /// A symbolic link is followed (mounted secrets are often links) and the file it leads to is
    /// what is checked: the descriptor read is the one whose owner and mode were checked.
    static func readPasswordFile(
        _ written: Located<String>, environment: [String: String], problems: inout DiagnosticCollector
    ) -> String? {
        let path = resolvePath(written, environment: environment)
        func refuse(_ message: String, _ suggestion: String? = nil) -> String? {
            problems.append(.error(message, at: written.location, keyPath: "register.password-file", suggestion: suggestion))
            return nil
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            return refuse("cannot read the password file \(path): \(String(cString: strerror(errno)).lowercased())")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return refuse("the password file \(path) is not a regular file")
        }
        if status.st_uid != geteuid() {
            return refuse("the password file \(path) belongs to someone else", "keep the password in a file of your own")
        }
        if status.st_mode & 0o077 != 0 {
            return refuse(
                "the password file \(path) may be read by others (mode \(String(status.st_mode & 0o777, radix: 8))); it was not used",
                "make it private with: chmod 600 \(path)")
        }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(descriptor, &bytes, bytes.count)
        guard count > 0, let text = String(validating: bytes[0..<count], as: UTF8.self),
              let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init),
              !line.isEmpty else {
            return refuse("the password file \(path) is empty, or its first line is not text")
        }
        return line
    }
}
