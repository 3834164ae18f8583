import Foundation
public import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsHost
import Hummingbird
import Logging
import NIOCore

/// `ethics serve`: the same plugins, configuration and register as the command line, in a browser.
struct ServeCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the toolkit to a browser: the enabled plugins, the register and sign-off.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise; put a TLS-terminating reverse proxy in \
            front of it for anything beyond this machine, and pass --behind-tls so its cookies are \
            marked Secure. People sign in with accounts made by 'ethics users add', or, when the \
            configuration names the council's single-sign-on proxy ('serve: trusted-proxy:'), through \
            it: its user header is trusted from its own address and no other. Logs each request \
            to standard error; stops cleanly on SIGTERM or Ctrl-C.
            """)

    @Option(help: "The port to listen on (0: any free port, printed when listening).")
    var port: Int = 8080

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Flag(help: "The server is reached through HTTPS (a reverse proxy): mark cookies Secure.")
    var behindTLS = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes a number from 0 to 65535; \(port) is out of range") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address, such as 127.0.0.1") }
    }

    func run(session: HostSession) async throws {
        let accounts = try SQLiteAccountStore(workspace: session.config.workspace)
        if let proxy = session.config.trustedProxy {
            session.errors.line("Single sign-on: trusting \(proxy.userHeader) from \(proxy.address) only; the same header from anywhere else is refused.")
        }
        if try accounts.accounts().isEmpty {
            session.errors.line("warning: nobody can sign in yet; add an account with 'ethics users add NAME --role administrator'"
                + (session.config.trustedProxy == nil ? "" : " (--single-sign-on for one that signs in through the proxy)"))
        }
        let server = try WebServer(session: session, accounts: accounts, secureCookies: behindTLS)
        var logger = session.logger
        // Every request is logged at info, whatever the configuration's level for the command line.
        if logger.logLevel > .info { logger.logLevel = .info }
        let errors = session.errors
        let host = host
        let app = server.application(host: host, port: port, logger: logger) { port in
            errors.line("Serving \(session.config.council.name) at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (stop with Ctrl-C or SIGTERM)")
        }
        if !behindTLS, !WebAddress.isLoopback(host: host) {
            errors.line("warning: serving \(host) over plain HTTP: passwords and records would cross the network unencrypted; "
                + "put a TLS-terminating reverse proxy in front and pass --behind-tls")
        }
        do {
            try await app.runService()
        } catch let error as IOError {
            throw Self.cannotListen(host: host, port: port, errno: error.errnoCode)
        } catch let error where error is SocketAddressError || error is SocketAddressError.UnknownHost {
            throw DiagnosticError.error(
                "cannot listen on \(host): it is neither an address nor a name this machine can look up",
                suggestion: "use 127.0.0.1 (this machine only), or an address of this machine")
        }
        errors.line("Stopped.")
    }

    /// The socket could not be opened where asked: the person's choice of address or port, not
    /// a fault of the toolkit.
    static func cannotListen(host: String, port: Int, errno code: Int32) -> DiagnosticError {
        let place = "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        switch code {
        case EADDRINUSE:
            return .error("cannot listen on \(place): the port is in use (another server?)",
                          suggestion: "choose another with --port, or --port 0 for any free port")
        case EADDRNOTAVAIL:
            return .error("cannot listen on \(place): this machine has no such address",
                          suggestion: "use 127.0.0.1 (this machine only), or an address of this machine")
        case EACCES:
            return .error("cannot listen on \(place): ports below 1024 need privileges this process does not have",
                          suggestion: "choose a port from 1024 up, and let a reverse proxy take 443")
        default:
            return .error("cannot listen on \(place): \(String(cString: strerror(code)))")
        }
    }
}

/// The host commands this module adds: the executable passes them to the host.
public enum WebCommands {
    public static let all: [any ParsableCommand.Type] = [ServeCommand.self, UsersCommand.self]
}
