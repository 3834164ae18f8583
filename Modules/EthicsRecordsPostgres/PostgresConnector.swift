import EthicsDiagnostics
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
package import PostgresNIO

/// One blocking connection to the register's server. Each `ethics` command is a short
/// conversation, and the register's engine protocol is synchronous (a write's body states what to
/// keep and runs inside the transaction), so every query here waits for its answer on the calling
/// thread while SwiftNIO's own threads do the I/O.
package final class PostgresLink: @unchecked Sendable {
    // @unchecked: `connection` is used only while `lock` is held.
    package let url: PostgresRegisterURL
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private let logger: Logger

    package init(url: PostgresRegisterURL) {
        self.url = url
        var logger = Logger(label: "ethics.register.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        if let connection { _ = try? connection.close().wait() }
    }

    /// Runs `body` with the connection (connecting first when there is none), one caller at a time.
    /// A connection the server dropped is forgotten, so the next use connects again.
    package func with<T>(_ body: (Session) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        // A connection the server has since closed (a restart, an administrator ending it) is
        // replaced before use rather than asked a question it will never answer.
        if let open = self.connection, open.isClosed {
            self.connection = nil
        }
        let connection = try self.connection ?? connect()
        self.connection = connection
        do {
            return try body(Session(connection: connection, logger: logger))
        } catch {
            if connection.isClosed || PostgresFailure.isConnectionLost(error) {
                _ = try? connection.close().wait()
                self.connection = nil
            }
            throw error
        }
    }

    package func close() {
        lock.lock()
        defer { lock.unlock() }
        if let connection { _ = try? connection.close().wait() }
        connection = nil
    }

    private func connect() throws -> PostgresConnection {
        let tls: PostgresConnection.Configuration.TLS
        switch url.tls {
        case .disable:
            tls = .disable
        case .require:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            tls = .require(try sslContext(configuration))
        case .verifyFull(let caFile):
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .fullVerification
            if let caFile {
                do {
                    configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
                } catch {
                    throw PostgresFailure(
                        url: url, message: "cannot read the TLS certificate authority file \(caFile)",
                        suggestion: "check 'tls: {ca-file: …}' names the PEM file of the CA that signed the server's certificate")
                }
            }
            tls = .require(try sslContext(configuration))
        }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        if case .verifyFull = url.tls { configuration.options.tlsServerName = url.host }
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PostgresFailure.explain(error, url: url, connecting: true)
        }
    }

    private func sslContext(_ configuration: TLSConfiguration) throws -> NIOSSLContext {
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw PostgresFailure(url: url, message: "cannot set up TLS (\(error))", suggestion: "check the register's 'tls:' settings")
        }
    }

    /// Queries on the connection, each waited for.
    package struct Session {
        let connection: PostgresConnection
        let logger: Logger

        /// Runs `sql` with `binds` ($1, $2, …) and returns its rows.
        @discardableResult
        package func query(_ sql: String, _ binds: [Bind] = []) throws -> [PostgresRow] {
            try send(sql, binds).rows()
        }

        /// Sends `sql` without waiting for its answer. Queries sent one after another run in
        /// order on the connection, and their rows arrive while the caller works on the first
        /// one's: a long read (verify's journal, versions and links) then waits for the network
        /// once, not once a query.
        package func send(_ sql: String, _ binds: [Bind] = []) -> Pending {
            var bindings = PostgresBindings(capacity: binds.count)
            for bind in binds {
                switch bind {
                case .text(let text?): bindings.append(text)
                case .text(nil): bindings.appendNull()
                case .int(let number): bindings.append(number)
                }
            }
            return Pending(answer: connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger), connection: connection)
        }

        /// A query sent and not yet waited for.
        package struct Pending {
            let answer: EventLoopFuture<PostgresQueryResult>
            let connection: PostgresConnection

            /// The query's rows, waited for (or its failure, or the connection's loss).
            package func rows() throws -> [PostgresRow] {
                Array(try Session.waitUnlessClosed(answer, connection: connection))
            }
        }

        /// Waits for `future`, or fails as soon as the connection closes: a query in flight when
        /// the server goes away (a restart, `pg_terminate_backend`) is otherwise never answered.
        static func waitUnlessClosed<T: Sendable>(_ future: EventLoopFuture<T>, connection: PostgresConnection) throws -> T {
            let promise = future.eventLoop.makePromise(of: T.self)
            let settled = NIOLockedValueBox(false)
            @Sendable func settle(_ result: Result<T, any Error>) {
                guard settled.withLockedValue({ done in defer { done = true }; return !done }) else { return }
                promise.completeWith(result)
            }
            future.whenComplete { settle($0) }
            connection.closeFuture.whenComplete { _ in
                // Let an answer that arrived with the close win.
                future.eventLoop.execute { settle(.failure(ConnectionLost())) }
            }
            return try promise.futureResult.wait()
        }

        /// The first column of each row `sql` returns, as text (NULL as an empty string).
        package func texts(_ sql: String) throws -> [String] {
            try query(sql).map { try $0.decode(String?.self) ?? "" }
        }

        /// Runs `sql`, which takes no parameters and may hold several statements (DDL). The
        /// driver speaks only the extended protocol, one statement to a message, so several
        /// statements run as one anonymous PL/pgSQL block: all of them, or (on an error) none.
        package func script(_ sql: String) throws {
            let body = sql.trimmingCharacters(in: .whitespacesAndNewlines)
            if body.contains(";") {
                try query("DO $ethics_script$ BEGIN " + body + (body.hasSuffix(";") ? "" : ";") + " END $ethics_script$")
            } else {
                try query(body)
            }
        }
    }
}

/// The connection closed before the server answered.
struct ConnectionLost: Error {}

/// A query parameter: the register binds only text (maybe null) and whole numbers.
package enum Bind: Sendable {
    case text(String?)
    case int(Int64)

    package static func int(_ number: Int) -> Bind { .int(Int64(number)) }
}
