import EthicsCore
import EthicsHost
import EthicsDiagnostics
import EthicsRecords
import Foundation
import Hummingbird
import HTTPTypes
import Logging
import NIOCore

/// `ethics serve`'s application: the enabled plugins, the register and the accounts behind a
/// Hummingbird router. Built from parts so tests drive it in-process (HummingbirdTesting) and
/// the command runs it on a socket.
struct WebServer: Sendable {
    let session: HostSession
    let plugins: [String: any EthicsPlugin]
    let operations: [WebOperation]
    let baseContext: PluginContext
    let accounts: any AccountStore
    let sessions: Sessions
    let throttle: LoginThrottle
    let composer: PageComposer
    let seal = ProgressSeal()
    let finishedRuns = FinishedRuns()
    /// Whether cookies are marked Secure: the server sits behind a TLS-terminating proxy.
    let secureCookies: Bool
    let styleHash: String

    /// Starts the enabled plugins once (their hooks, such as glossary linking, then apply to every
    /// page) and gathers their operations.
    init(
        session: HostSession, accounts: any AccountStore, sessions: Sessions = Sessions(), throttle: LoginThrottle = LoginThrottle(),
        secureCookies: Bool = false
    ) throws {
        self.session = session
        let model = try session.loadModel()
        var context = session.context(model: model)
        // The browser is never a terminal; notices are collected per request.
        context.terminal = nil
        context.actor = nil
        let plugins = try session.startPlugins(context: context)
        self.plugins = plugins
        baseContext = context
        operations = session.config.enabledPluginIDs.compactMap { plugins[$0] }.flatMap(WebOperation.all(of:))
        session.hooks.add(CommandPages.hook(paths: Dictionary(
            operations.map { ("\($0.pluginID)/\($0.name)", $0.path) }, uniquingKeysWith: { first, _ in first })))
        session.hooks.add(RecordPages.hook(kinds: session.recordKinds))
        self.accounts = accounts
        self.sessions = sessions
        self.throttle = throttle
        self.secureCookies = secureCookies
        composer = PageComposer(renderer: session.renderer, recordKinds: session.recordKinds)
        styleHash = try composer.styleHash()
    }

    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.middlewares.add(LogRequestsMiddleware(.info))
        router.middlewares.add(SecurityHeadersMiddleware(styleHash: styleHash))
        router.middlewares.add(ErrorPageMiddleware { title, message, context, status in
            try self.problemPage(title, [message], context, status: status)
        })
        router.middlewares.add(SessionMiddleware(
            sessions: sessions, accounts: accounts, proxy: session.config.trustedProxy, cookie: { self.cookie($0) }))

        router.get("/health") { _, _ in "ok\n" }
        router.get("/assets/web.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: WebStylesheet.css)))
        }
        router.get("/login") { request, context in try self.loginPage(request, context) }
        router.post("/login") { request, context in try self.login(request, context) }
        router.post("/logout") { _, context in self.logout(context) }
        router.post("/drafts/:id/discard") { _, context in try self.discardDraft(context) }
        router.get("/") { _, context in try self.home(context) }
        router.get("/plugins/:plugin/:operation") { request, context in try await self.operationPage(request, context) }
        router.post("/plugins/:plugin/:operation") { request, context in try await self.operationStep(request, context) }
        router.get("/records") { request, context in try await self.recordList(request, context) }
        router.get("/records/due") { request, context in try await self.duePage(request, context) }
        router.get("/records/:id") { request, context in try await self.recordPage(request, context) }
        router.get("/records/:id/history") { request, context in try await self.historyPage(request, context) }
        router.get("/records/:id/paper") { request, context in try await self.paper(request, context) }
        router.post("/records/:id/:step") { request, context in try await self.lifecycleStep(request, context) }
        return router
    }

    /// The application listening on `host:port`, logging through `logger`.
    func application(host: String, port: Int, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "EthicsToolkit"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    // MARK: - Pages

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func page(_ document: Document, _ context: WebContext, status: HTTPResponse.Status = .ok, notice: String? = nil,
              before: String = "", after: String = "") throws -> Response {
        let chrome = PageComposer.Chrome(
            user: context.account?.name, csrf: context.session?.csrf ?? "", singleSignOn: context.signedInByProxy, notice: notice,
            afterContent: after, beforeContent: before)
        return html(try composer.page(document, chrome: chrome), status: status)
    }

    /// A page saying what was wrong, in the command line's words.
    func problemPage(_ title: String, _ messages: [String], _ context: WebContext, status: HTTPResponse.Status = .badRequest) throws -> Response {
        try page(Document(title: title), context, status: status, before: Self.errorSummary(messages))
    }

    /// "There is a problem" and the messages, as every page shows them.
    static func errorSummary(_ messages: [String]) -> String {
        "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul>\n"
            + messages.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n</div>\n"
    }

    /// What a refused request says in the browser: each problem with its suggestion, except a
    /// suggestion to run a command or pass an option (`'ethics records list'`, `--as NAME`),
    /// which is the command line's way and a dead end here.
    static func messages(of error: any Error) -> [String]? {
        guard let error = error as? any UserFacingError else { return nil }
        return error.diagnostics.map { diagnostic in
            let suggestion = diagnostic.suggestion.flatMap { Self.namesACommand($0) ? nil : $0 }
            return diagnostic.message + (suggestion.map { "; \($0)" } ?? "")
        }
    }

    static func namesACommand(_ text: String) -> Bool {
        text.contains("'ethics ") || text.contains("`ethics ") || text.contains(" --") || text.hasPrefix("--")
    }

    /// The context an operation runs with: the signed-in person acting, notices collected.
    func pluginContext(for account: Account) -> (PluginContext, @Sendable () -> String) {
        var context = baseContext
        context.actor = Person(name: account.name, source: "signed in")
        let (notices, read) = OutputSink.buffer()
        let (output, _) = OutputSink.buffer()
        context.notices = notices
        context.output = output
        return (context, read)
    }

    // MARK: - Signing in

    /// `text` when it is a path on this server (`/records/dec-2026-0001`), never another site
    /// (`//evil.example`, `https://…`, a backslash some browsers read as a slash): where to go
    /// once signed in.
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
              !ControlCharacters.containsAnyControl(text) else { return nil }
        return text
    }

    func loginPage(_ request: Request, _ context: WebContext, problem: String? = nil, name: String = "", status: HTTPResponse.Status = .ok) throws -> Response {
        let next = Self.localPath(context.form["next"] ?? FormBody(request.uri.query ?? "")["next"])
        if context.account != nil, problem == nil { return .redirect(to: next ?? "/", type: .found) }
        // A session before signing in, so the sign-in form carries a CSRF token too.
        let visit = context.session ?? sessions.start(user: nil)
        var before = ""
        if let problem {
            before = "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul><li><a href=\"#name\">\(e(problem))</a></li></ul>\n</div>\n"
        }
        let form = """
            <form class="web-form" method="post" action="/login" novalidate>
            <input type="hidden" name="csrf" value="\(e(visit.csrf))">\(next.map { "\n<input type=\"hidden\" name=\"next\" value=\"\(e($0))\">" } ?? "")
            <div class="field"><label class="label" for="name">Name</label>
            <input class="input" type="text" id="name" name="name" value="\(e(name))" autocomplete="username" spellcheck="false"></div>
            <div class="field"><label class="label" for="password">Password</label>
            <input class="input" type="password" id="password" name="password" autocomplete="current-password"></div>
            <div class="button-group"><button type="submit" class="button">Sign in</button></div>
            </form>

            """
        let council = session.config.council.name
        let document = Document(title: "Sign in", subtitle: council.isEmpty ? nil : council)
        let chrome = PageComposer.Chrome(user: nil, csrf: visit.csrf, afterContent: form, beforeContent: before)
        var response = html(try composer.page(document, chrome: chrome), status: status)
        if context.session?.token != visit.token { response.setCookie(cookie(visit.token)) }
        return response
    }

    func cookie(_ token: String, expire: Bool = false) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, maxAge: expire ? 0 : Int(sessions.lifetime), path: "/",
               secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    func login(_ request: Request, _ context: WebContext) throws -> Response {
        // Signed in already by the council's single-sign-on proxy, which a password cannot override.
        if context.signedInByProxy { return .redirect(to: "/", type: .normal) }
        let name = (context.form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = context.form["password"] ?? ""
        // Everyone who comes through the single-sign-on proxy comes from its address: counting
        // failures by that address would let five wrong passwords lock everyone out.
        let address = context.remoteAddress.flatMap { self.session.config.trustedProxy?.isProxy($0) == true ? nil : $0 }
        let keys = LoginThrottle.keys(name: name, address: address)
        if let wait = throttle.wait(for: keys) {
            context.logger.notice("sign-in refused: too many failed attempts", metadata: ["user": .string(name), "address": .string(address ?? "")])
            let minutes = (wait + 59) / 60
            return try loginPage(request, context, problem: "Too many attempts to sign in. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").", name: name, status: .tooManyRequests)
        }
        let account = try accounts.account(named: name)
        // Checked against a decoy hash when there is no such account, or it has no password (it
        // signs in only through single sign-on), so all take as long and answer alike.
        let hash = account?.passwordHash
        let matches = Passwords.verify(password, hash: hash ?? Passwords.decoy)
        guard let account, hash != nil, matches else {
            // An administrator sees password guessing in the log, by name and address.
            context.logger.notice("sign-in failed", metadata: ["user": .string(name), "address": .string(address ?? "")])
            throttle.failed(keys)
            return try loginPage(request, context, problem: "The name or the password is not right.", name: name, status: .unauthorized)
        }
        throttle.succeeded(keys[0])
        if let old = context.session { sessions.end(old.token) }
        let session = sessions.start(user: account.name, credential: account.passwordHash)
        var response = Response.redirect(to: Self.localPath(context.form["next"]) ?? "/", type: .normal)
        response.setCookie(cookie(session.token))
        context.logger.info("signed in", metadata: ["user": .string(account.name)])
        return response
    }

    func logout(_ context: WebContext) -> Response {
        if let session = context.session { sessions.end(session.token) }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(cookie("", expire: true))
        return response
    }

    // MARK: - Home

    func home(_ context: WebContext) throws -> Response {
        guard let account = context.account else { return .redirect(to: "/login", type: .found) }
        var document = Document(title: session.config.council.name.isEmpty ? "EthicsToolkit" : session.config.council.name,
                                subtitle: "Digital ethics in daily practice")
        document.append(.heading(level: 2, [.text("The register")]))
        document.append(.list(.unordered, items: [
            [.paragraph([.link("All records", url: "/records")])],
            [.paragraph([.link("Reviews due", url: "/records/due")])],
        ]))
        for id in session.config.enabledPluginIDs {
            guard let plugin = plugins[id] else { continue }
            let descriptor = type(of: plugin).descriptor
            let operations = operations.filter { $0.pluginID == id }
            document.append(.heading(level: 2, [.text(descriptor.name)]))
            document.append(.paragraph([.text(descriptor.summary)]))
            if operations.isEmpty {
                document.append(.paragraph([.text("This plugin has no operations for the browser yet; use 'ethics \(id)' on the command line.")]))
            } else {
                document.append(.list(.unordered, items: operations.map { operation in
                    [.paragraph([.link(operation.summary, url: operation.path)])]
                }))
            }
        }
        // The person's unfinished work first, each to carry on with or discard.
        let drafts = try accounts.drafts(of: account.name)
        var saved = ""
        if !drafts.isEmpty {
            saved = "<section class=\"drafts\" aria-labelledby=\"drafts-title\">\n<h2 id=\"drafts-title\">Saved to finish later</h2>\n<ul>\n"
            for draft in drafts {
                let operation = operations.first { "\($0.pluginID)/\($0.name)" == draft.operation }
                saved += "<li><a href=\"/plugins/\(e(draft.operation))?draft=\(e(draft.id))\">\(e(draft.title))</a>"
                    + " (\(e(operation?.summary ?? draft.operation)), saved \(e(Self.stamp(ISO8601DateFormatter().date(from: draft.saved) ?? Date()))))\n"
                    + "<form class=\"inline-form\" method=\"post\" action=\"/drafts/\(e(draft.id))/discard\">"
                    + "<input type=\"hidden\" name=\"csrf\" value=\"\(e(context.session?.csrf ?? ""))\">"
                    + "<button type=\"submit\" class=\"button button-secondary\">Discard<span class=\"visually-hidden\"> \(e(draft.title))</span></button></form></li>\n"
            }
            saved += "</ul>\n</section>\n"
        }
        return try page(document, context, before: saved)
    }

    /// Discards one of the signed-in person's saved drafts (nobody else's), then shows the home page.
    func discardDraft(_ context: WebContext) throws -> Response {
        guard let account = context.account else { return .redirect(to: "/login", type: .found) }
        let id = context.parameters.get("id") ?? ""
        guard try accounts.draft(id, of: account.name) != nil else {
            throw HTTPError(.notFound, message: "There is no such saved draft.")
        }
        try accounts.removeDraft(id, of: account.name)
        return .redirect(to: "/", type: .normal)
    }
}
