public import EthicsDiagnostics
import EthicsRecords
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A problem with the register's server that is the user's (or their database administrator's) to
/// deal with: said as one plain line naming the URL, never its password, and what to do. Exit
/// status 2, never a driver's error dump.
public struct PostgresFailure: UserFacingError, CustomStringConvertible {
    /// The URL as printed (no password).
    public let location: String
    public let message: String
    public let suggestion: String?

    init(url: PostgresRegisterURL, message: String, suggestion: String?) {
        location = url.description
        self.message = message
        self.suggestion = suggestion
    }

    public var diagnostics: [Diagnostic] { [.error(message, file: location, suggestion: suggestion)] }
    public var description: String { "\(location): \(message)" + (suggestion.map { "; \($0)" } ?? "") }

    /// The SQLSTATE of a server error, when `error` is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether `error` means the connection is gone (the server restarted or was stopped).
    static func isConnectionLost(_ error: any Error) -> Bool {
        if error is ConnectionLost { return true }
        guard let error = error as? PSQLError else { return false }
        if [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown].contains(error.code) { return true }
        // admin_shutdown, crash_shutdown, cannot_connect_now
        return ["57P01", "57P02", "57P03"].contains(error.serverInfo?[.sqlState] ?? "")
    }

    /// `error` from talking to the server at `url`, as the user should read it. Errors that are
    /// a fault of the toolkit (a bad query) are passed on as they are.
    static func explain(_ error: any Error, url: PostgresRegisterURL, connecting: Bool = false) -> any Error {
        if error is any UserFacingError || error is AlreadyJournalled { return error }
        let server = "\(url.host):\(url.port)"
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState] ?? ""
            let said = error.serverInfo?[.message] ?? ""
            switch state {
            case "28P01", "28000":
                return PostgresFailure(
                    url: url, message: "the server refused the password for '\(url.user)' (or does not let that user in from here)",
                    suggestion: "check the password file or ETHICS_REGISTER_PASSWORD, and ask the database administrator whether '\(url.user)' may connect")
            case "3D000":
                return PostgresFailure(
                    url: url, message: "there is no database '\(url.database)' on the server",
                    suggestion: "ask the database administrator to create it and run 'ethics records init-database' on it")
            case "42501":
                return PostgresFailure(
                    url: url, message: "'\(url.user)' may not do this in the register (\(said))",
                    suggestion: "the toolkit's role needs SELECT and INSERT on the register's tables; ask the database administrator to run 'ethics records init-database'")
            case "57P01", "57P02", "57P03":
                return PostgresFailure(
                    url: url, message: "the server is shutting down or starting up, so nothing was kept",
                    suggestion: "run the command again in a moment")
            case "53100":
                return PostgresFailure(url: url, message: "the server's disk is full, so nothing was kept", suggestion: "ask the database administrator to free space")
            default:
                break
            }
            switch error.code {
            case .sslUnsupported:
                return PostgresFailure(
                    url: url, message: "the server does not offer TLS, and the register's settings require it",
                    suggestion: "turn TLS on at the server, or (only for a server on a network the council trusts) set 'tls: {mode: disable}'")
            case .authMechanismRequiresPassword:
                return PostgresFailure(
                    url: url, message: "the server asks for a password for '\(url.user)', and none was given",
                    suggestion: "put it in a file readable only by you and name it with 'password-file:', or set ETHICS_REGISTER_PASSWORD")
            case .unsupportedAuthMechanism:
                return PostgresFailure(
                    url: url, message: "the server asks for a way of signing in the toolkit does not speak",
                    suggestion: "ask the database administrator for password (scram-sha-256) sign-in for '\(url.user)'")
            case .serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection:
                if let underlying = error.underlying, let tls = tlsProblem(underlying, url: url) { return tls }
                if connecting {
                    return PostgresFailure(
                        url: url, message: "cannot reach the register's server at \(server)\(reason(error.underlying))",
                        suggestion: "check the host and port, that the server is running, and that this machine may reach it")
                }
                return PostgresFailure(
                    url: url, message: "the connection to the register's server was lost\(reason(error.underlying)); what was being written was not kept",
                    suggestion: "run the command again once the server is back")
            default:
                if let underlying = error.underlying, let tls = tlsProblem(underlying, url: url) { return tls }
                if connecting {
                    return PostgresFailure(
                        url: url, message: "cannot connect to the register's server at \(server)\(said.isEmpty ? "" : " (\(said))")",
                        suggestion: "check the URL and the server's settings")
                }
                if !said.isEmpty {
                    return PostgresFailure(
                        url: url, message: "the server refused the command: \(said) (SQLSTATE \(state)); nothing was kept",
                        suggestion: "run the command again; if it fails the same way, show this line to the database administrator")
                }
                return error
            }
        }
        if error is ConnectionLost {
            return PostgresFailure(
                url: url, message: "the connection to the register's server was lost; what was being written was not kept",
                suggestion: "run the command again once the server is back")
        }
        if let tls = tlsProblem(error, url: url) { return tls }
        if connecting {
            return PostgresFailure(
                url: url, message: "cannot reach the register's server at \(server)\(reason(error))",
                suggestion: "check the host and port, that the server is running, and that this machine may reach it")
        }
        return error
    }

    private static func reason(_ error: (any Error)?) -> String {
        guard let error else { return "" }
        if let error = error as? IOError { return " (\(String(cString: strerror(error.errnoCode)).lowercased()))" }
        if let error = error as? NIOConnectionError, error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
            return " (no such host: its name could not be looked up)"
        }
        if error is NIOConnectionError || error is ChannelError { return " (the connection was refused or timed out)" }
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("timeout") { return " (no answer in time)" }
        if text.contains("refused") { return " (connection refused)" }
        return ""
    }

    private static func tlsProblem(_ error: any Error, url: PostgresRegisterURL) -> PostgresFailure? {
        let text = String(describing: error)
        guard error is NIOSSLError || error is NIOSSLExtraError || text.contains("SSL") || text.contains("certificate") else { return nil }
        return PostgresFailure(
            url: url, message: "the TLS connection to the server failed: its certificate could not be checked against the CA given (or the system's), or does not name \(url.host)",
            suggestion: "check 'tls: {ca-file: …}' names the CA that signed the server's certificate, and that the URL's host is the name in it")
    }
}
