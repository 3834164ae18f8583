import Foundation
import HummingbirdBcrypt

/// Passwords as the server keeps and checks them: bcrypt, a deliberately slow hash with a salt of
/// its own per password, so a copied accounts file does not give the passwords away.
enum Passwords {
    /// bcrypt's cost: 2^cost rounds. 12 takes about a quarter of a second, which a person signing
    /// in does not notice and someone guessing offline does.
    static let cost: UInt8 = 12

    /// The fewest characters a password may have (NCSC: length matters more than complexity).
    static let minimumLength = 10

    static func hash(_ password: String, cost: UInt8 = cost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Why `password` will not do, or nil.
    static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "a password needs at least \(minimumLength) characters" }
        if password.utf8.count > 72 { return "a password may have at most 72 bytes (bcrypt reads no further)" }
        return nil
    }

    /// A hash to check against when there is no such account, so that signing in as nobody takes
    /// as long as a wrong password and does not tell which names exist.
    static let decoy = Bcrypt.hash("no such account: a decoy to spend the same time", cost: cost)
}
