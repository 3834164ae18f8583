import Foundation
import Hummingbird
import NIOCore

/// What the server knows about one request beyond the request itself: where it came from, the
/// session and account it belongs to, and its form, read once by the middleware that checks it.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's address, for the sign-in rate limit; nil when unknown (in-process tests).
    var remoteAddress: String?
    var session: Sessions.Session?
    var account: Account?
    /// Whether `account` was signed in by the trusted single-sign-on proxy's header on this request.
    var signedInByProxy = false
    /// The submitted form of a POST, already checked for its CSRF token.
    var form = FormBody(pairs: [])

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Forms are small; a larger body is refused before it is read.
    var maxUploadSize: Int { 256 * 1024 }
}
