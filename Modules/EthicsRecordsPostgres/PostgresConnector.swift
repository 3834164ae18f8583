import EthicsDiagnostics
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization
package import PostgresNIO

/// One blocking connection to the register's server. Each `ethics` command is a short
/// conversation, and the register's engine protocol is synchronous (a write's body states what to
/// keep and runs inside the transaction), so every query here waits for its answer on the calling
/// thread while SwiftNIO's own threads do the I/O.
package final class PostgresLink: @unchecked Sendable {
    // @unchecked: `open` is used only while `lock` is held.
    package let url: PostgresRegisterURL
    private let lock = NSLock()
    private var open: Session?
    private let logger: Logger

    package init(url: PostgresRegisterURL) {
        self.url = url
        var logger = Logger(label: "ethics.register.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        if let open { _ = try? open.connection.close().wait() }
    }

    /// Runs `body` with the connection (connecting first when there is none), one caller at a time.
    /// A connection the server dropped is forgotten, so the next use connects again.
    package func with<T>(_ body: (Session) throws -> T) throws -> T {
        lock.lock()
        return try withLockHeld(body)
    }

    /// Runs `body` as ``with(_:)`` does if no other caller is using the connection; nil (and
    /// `body` not run) if one is.
    package func withIfFree<T>(_ body: (Session) throws -> T) throws -> T? {
        guard lock.try() else { return nil }
        return try withLockHeld(body)
    }

    private func withLockHeld<T>(_ body: (Session) throws -> T) throws -> T {
        defer { lock.unlock() }
        // A connection the server has since closed (a restart, an administrator ending it) is
        // replaced before use rather than asked a question it will never answer.
        if let open, open.connection.isClosed {
            self.open = nil
        }
        let session = try open ?? connect()
        open = session
        do {
            return try body(session)
        } catch {
            if session.connection.isClosed || PostgresFailure.isConnectionLost(error) {
                _ = try? session.connection.close().wait()
                open = nil
            }
            throw error
        }
    }

    /// How many queries the current connection has sent, and how many are unanswered (for tests:
    /// a write's round trips, and that answered queries leave nothing behind).
    package var queryCounts: (sent: Int, inFlight: Int) {
        lock.lock()
        defer { lock.unlock() }
        return open?.watch.counts ?? (0, 0)
    }

    package func close() {
        lock.lock()
        defer { lock.unlock() }
        if let open { _ = try? open.connection.close().wait() }
        open = nil
    }

    private func connect() throws -> Session {
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
            let connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
            return Session(connection: connection, watch: QueryWatch(connection: connection), logger: logger)
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
        let watch: QueryWatch
        let logger: Logger

        /// Runs `sql` with `binds` ($1, $2, …) and returns its rows.
        @discardableResult
        package func query(_ sql: String, _ binds: [Bind] = []) throws -> [PostgresRow] {
            try send(sql, binds).rows()
        }

        /// Sends `sql` without waiting for its answer. Queries sent one after another run in
        /// order on the connection (PostgresNIO sends each once the last is answered, so every
        /// statement is still a round trip on the wire), and their rows arrive while the caller
        /// works on the first one's: a long read (verify's journal, versions and links) then
        /// checks while the rest arrive.
        ///
        /// The query is started, and its answer handed over, on the connection's event loop in
        /// one hop from the calling thread: a write's handful of statements each cost a thread
        /// wake-up or two on a busy server, not the four that separate calls to PostgresNIO's
        /// `query`, `whenComplete` and `wait` would make.
        ///
        /// Rows are gathered one at a time into an array of our own. PostgresNIO's collecting
        /// `query` keeps its rows in an enum case and appends to a copy of them, so every batch off
        /// the socket copied every row before it: verify of a 100,000-entry journal spent half its
        /// time there, on the event loop, copying rows.
        package func send(_ sql: String, _ binds: [Bind] = []) -> Pending {
            var bindings = PostgresBindings(capacity: binds.count)
            for bind in binds {
                switch bind {
                case .text(let text?): bindings.append(text)
                case .text(nil): bindings.appendNull()
                case .int(let number): bindings.append(number)
                }
            }
            let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
            let answer = Answer()
            let (connection, watch, logger) = (connection, watch, logger)
            connection.eventLoop.execute {
                guard let ticket = watch.enter(answer) else {
                    answer.settle(.failure(ConnectionLost()))
                    return
                }
                let gathered = GatheredRows()
                connection.query(query, logger: logger) { row in gathered.rows.append(row) }.whenComplete { result in
                    watch.leave(ticket)
                    answer.settle(result.map { _ in gathered.rows })
                }
            }
            return Pending(answer: answer)
        }

        /// A query sent and not yet waited for.
        package struct Pending {
            let answer: Answer

            /// The query's rows, waited for (or its failure, or the connection's loss).
            package func rows() throws -> [PostgresRow] {
                try answer.wait()
            }
        }

        /// The first column of each row `sql` returns, as text (NULL as an empty string).
        package func texts(_ sql: String, _ binds: [Bind] = []) throws -> [String] {
            try query(sql, binds).map { try $0.decode(String?.self) ?? "" }
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

/// A few connections to one register, for callers on several threads at once (`ethics serve`):
/// each caller takes a connection no one is using, or waits its turn for one. A connection is
/// made on first use, so a command that asks one thing at a time opens one.
package final class PostgresLinks: Sendable {
    private let links: [PostgresLink]
    private let turn = Atomic<Int>(0)

    package init(url: PostgresRegisterURL, count: Int) {
        links = (0..<max(1, count)).map { _ in PostgresLink(url: url) }
    }

    package func with<T>(_ body: (PostgresLink.Session) throws -> T) throws -> T {
        for link in links {
            if let answer = try link.withIfFree(body) { return answer }
        }
        let next = turn.add(1, ordering: .relaxed).oldValue
        return try links[next % links.count].with(body)
    }

    /// The first connection's counts: the one a caller asking one thing at a time always gets.
    package var queryCounts: (sent: Int, inFlight: Int) { links[0].queryCounts }

    package func close() {
        for link in links { link.close() }
    }
}

/// The connection closed before the server answered.
struct ConnectionLost: Error {}

/// One query's rows as they arrive.
final class GatheredRows: @unchecked Sendable {
    // @unchecked: `rows` is appended to only on the connection's event loop, where PostgresNIO
    // calls a query's row handler and then its completion; the completion hands the rows over
    // through ``Answer``, whose lock orders that hand-over before the waiting thread reads them.
    var rows: [PostgresRow] = []
}

/// One query's answer, handed from the connection's event loop to the thread waiting for it.
final class Answer: @unchecked Sendable {
    // @unchecked: `result` is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var result: Result<[PostgresRow], any Error>?

    /// Settles the answer; the first settlement wins (an answer that arrives with the
    /// connection's close, and the close itself).
    func settle(_ settlement: Result<[PostgresRow], any Error>) {
        condition.lock()
        defer { condition.unlock() }
        guard result == nil else { return }
        result = settlement
        condition.broadcast()
    }

    func wait() throws -> [PostgresRow] {
        condition.lock()
        while result == nil { condition.wait() }
        let settled = result!
        condition.unlock()
        return try settled.get()
    }
}

/// The queries in flight on one connection, failed together when it closes: PostgresNIO leaves
/// a query in flight when the server goes away (a restart, `pg_terminate_backend`) unanswered.
/// One watch a connection, rather than a callback on its close for every query, which piled up
/// for as long as the connection lived (the whole of `ethics serve`).
final class QueryWatch: Sendable {
    private struct State {
        var closed = false
        /// How many queries have been sent on the connection (also each query's ticket).
        var next = 0
        var waiting: [Int: Answer] = [:]
    }

    private let state = NIOLockedValueBox(State())

    init(connection: PostgresConnection) {
        let (state, loop) = (self.state, connection.eventLoop)
        connection.closeFuture.whenComplete { _ in
            // A tick later, so that an answer that arrived with the close wins.
            loop.execute {
                let waiting = state.withLockedValue { state in
                    state.closed = true
                    defer { state.waiting = [:] }
                    return state.waiting
                }
                for answer in waiting.values { answer.settle(.failure(ConnectionLost())) }
            }
        }
    }

    /// Registers `answer` as in flight; nil when the connection has already closed.
    func enter(_ answer: Answer) -> Int? {
        state.withLockedValue { state in
            guard !state.closed else { return nil }
            state.next += 1
            state.waiting[state.next] = answer
            return state.next
        }
    }

    func leave(_ ticket: Int) {
        state.withLockedValue { _ = $0.waiting.removeValue(forKey: ticket) }
    }

    /// How many queries have been sent, and how many of them are still unanswered.
    var counts: (sent: Int, inFlight: Int) {
        state.withLockedValue { ($0.next, $0.waiting.count) }
    }
}

/// A query parameter: the register binds only text (maybe null) and whole numbers.
package enum Bind: Sendable {
    case text(String?)
    case int(Int64)

    package static func int(_ number: Int) -> Bind { .int(Int64(number)) }
}
