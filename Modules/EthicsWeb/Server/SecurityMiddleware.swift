import EthicsCore
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

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
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
/// - every POST must carry the session's CSRF token in its form, or it is refused (403) before
///   any route sees it; the form is read here once and handed on in the context;
/// - every page but the sign-in page, the stylesheet and the health check needs a signed-in user.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "ethics_session"
    let sessions: Sessions
    let accounts: any AccountStore
    static let publicPaths: Set<String> = ["/login", "/health", WebStylesheet.path]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let session = sessions.session(request.cookies[Self.cookieName]?.value) {
            if let user = session.user {
                if let account = try accounts.account(named: user) {
                    context.account = account
                    context.session = session
                } else {
                    // The account was removed: whoever holds this session is signed out.
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
                return .redirect(to: "/login", type: .found)
            }
            throw HTTPError(.forbidden, message: "Sign in first.")
        }
        return try await next(request, context)
    }
}
