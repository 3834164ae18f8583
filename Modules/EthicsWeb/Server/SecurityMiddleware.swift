import EthicsCore
import EthicsHost
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The headers every response carries, whatever made it (a page, a redirect, an error):
/// a Content-Security-Policy that allows no script at all, no frame ancestors and no inline style
/// but the renderer's own (by its hash); nosniff; no referrer; and no caching of pages that may
/// hold a council's records.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let contentSecurityPolicy: String

    init(styleHash: String) {
        contentSecurityPolicy = [
            "default-src 'none'", "script-src 'none'", "style-src 'self' \(styleHash)", "img-src 'self' data:",
            "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
        ].joined(separator: "; ")
    }

    @concurrent func handle(_ request: Request, context: WebContext, next: @concurrent (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

/// Sessions and CSRF for every request, so no route can forget them:
/// - the session cookie names the session; a signed-in session whose account has gone is ended;
/// - when the configuration trusts the council's single-sign-on proxy, a request from the proxy's
///   address that carries its user header is signed in as the account the header names (an
///   account an administrator added; an unknown name is refused), and the same header from any
///   other address is refused outright; a session the proxy began counts only while the proxy
///   keeps naming the same person;
/// - every POST must carry the session's CSRF token in its form, or it is refused (403) before
///   any route sees it; the form is read here once and handed on in the context;
/// - every page but the sign-in page, the stylesheet and the health check needs a signed-in user.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "ethics_session"
    let sessions: Sessions
    let accounts: any AccountStore
    /// The council's single-sign-on proxy (`serve.trusted-proxy:`); nil: passwords only.
    let proxy: TrustedProxy?
    /// The session cookie as the server sets it, for a session the proxy's header began.
    let cookie: @Sendable (String) -> Cookie
    static let publicPaths: Set<String> = ["/login", "/health", WebStylesheet.path]

    @concurrent func handle(_ request: Request, context: WebContext, next: @concurrent (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let session = sessions.session(request.cookies[Self.cookieName]?.value)
        var begun: Sessions.Session?
        if let name = try proxiedUser(request, context) {
            guard let account = try accounts.account(named: name) else {
                context.logger.warning("single sign-on for an unknown account", metadata: ["user": .string(name)])
                throw HTTPError(.forbidden, message: "You are signed in to the council as '\(name)', but there is no account of that name here. An administrator must add it with: ethics users add NAME --role officer --single-sign-on")
            }
            if let session, session.user == account.name {
                context.session = session
            } else {
                // Whoever the browser was signed in as before, the proxy now vouches for this person.
                if let session { sessions.end(session.token) }
                begun = sessions.start(user: account.name, viaProxy: true)
                context.session = begun
                context.logger.info("signed in through single sign-on", metadata: ["user": .string(account.name)])
            }
            context.account = account
            context.signedInByProxy = true
        } else if let session {
            if let user = session.user {
                if session.viaProxy {
                    // The proxy did not vouch for anyone on this request: its session does not count.
                } else if let account = try accounts.account(named: user), account.passwordHash == session.credential {
                    context.account = account
                    context.session = session
                } else {
                    // The account was removed, or given a new password: whoever holds this
                    // session is signed out.
                    sessions.end(session.token)
                }
            } else {
                context.session = session
            }
        }
        if request.method == .post {
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            let form = FormBody(String(buffer: buffer))
            guard let session = context.session, let token = form["csrf"], Sessions.same(token, session.csrf) else {
                throw HTTPError(.forbidden, message: "This form has expired or did not come from this site. Go back, reload the page and try again.")
            }
            context.form = form
        }
        if context.account == nil && !Self.publicPaths.contains(request.uri.path) {
            if request.method == .get || request.method == .head {
                // Back to the page asked for once signed in (a link to a record sent by email).
                let asked = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                let next = asked == "/" ? "" : "?next=" + (asked.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return .redirect(to: "/login" + next, type: .found)
            }
            throw HTTPError(.forbidden, message: "Sign in first.")
        }
        var response = try await next(request, context)
        if let begun { response.setCookie(cookie(begun.token)) }
        return response
    }

    /// The account name the trusted proxy's header gives, or nil when the request carries no
    /// such header (or no proxy is trusted). The header from any address but the proxy's is
    /// refused: anyone could send it, and only the proxy is known to strip and set it.
    func proxiedUser(_ request: Request, _ context: WebContext) throws -> String? {
        guard let proxy, let header = HTTPField.Name(proxy.userHeader) else { return nil }
        let values = request.headers[values: header]
        guard !values.isEmpty else { return nil }
        guard proxy.isProxy(context.remoteAddress) else {
            context.logger.warning(
                "refused a single-sign-on header from an address that is not the trusted proxy",
                metadata: ["from": .string(context.remoteAddress ?? "unknown"), "header": .string(proxy.userHeader)])
            throw HTTPError(.forbidden, message: "This request carries the \(proxy.userHeader) header but did not come from the council's sign-in proxy. That header is trusted only from the proxy's own address; sign in through the council's sign-in page.")
        }
        let names = values.map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count == 1, let name = names.first, !name.isEmpty else {
            throw HTTPError(.forbidden, message: "The council's sign-in proxy sent \(names.count == 1 ? "an empty" : "more than one") \(proxy.userHeader) header, so who is signed in is not clear.")
        }
        return name
    }
}

/// An error a page gives (an unknown record, a refused request, a page that does not exist) shown
/// as a page in the site's own chrome, with its status, rather than as the JSON Hummingbird writes
/// by default: the person reading is in a browser.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let page: @Sendable (_ title: String, _ message: String, _ context: WebContext, _ status: HTTPResponse.Status) throws -> Response

    @concurrent func handle(_ request: Request, context: WebContext, next: @concurrent (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let title = switch error.status {
            case .notFound: "Page not found"
            case .forbidden: "Not allowed"
            case .conflict: "Already done"
            default: "There is a problem"
            }
            var response = try page(title, error.body ?? error.status.reasonPhrase, context, error.status)
            for field in error.headers { response.headers.append(field) }
            return response
        } catch is NIOTooManyBytesError {
            // A form far larger than any answer (a pasted file): a page that says so, not a blank one.
            return try page(
                "Too much to send", "What was sent is larger than this server takes (\(context.maxUploadSize / 1024) KB); nothing was kept.",
                context, .contentTooLarge)
        }
    }
}
