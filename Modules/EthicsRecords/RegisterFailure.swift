public import EthicsDiagnostics
import GRDB

/// A database error that is the user's to deal with (a damaged file, a full disk, a register they
/// may not write), said plainly with the register's path and what to do: exit status 2, never
/// "SQLite error 11" and exit 70.
public struct RegisterFailure: UserFacingError, CustomStringConvertible {
    public let path: String
    public let message: String
    public let suggestion: String?

    init(_ error: DatabaseError, path: String) {
        self.path = path
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            message = "the register is damaged (\(error.message ?? "SQLite error \(error.resultCode.rawValue)")); it was left as it is"
            suggestion = "restore it from a backup ('ethics records backup FILE' makes one)"
        case .SQLITE_FULL:
            message = "the disk is full, so nothing was kept; the register is as it was"
            suggestion = "free some space and run the command again"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            message = "the register cannot be written here (\(error.message ?? "read-only")); nothing was kept"
            suggestion = "ask whoever keeps the register, or set 'workspace:' to a folder of your own"
        case .SQLITE_CANTOPEN, .SQLITE_IOERR:
            message = "the register cannot be read or written (\(error.message ?? "I/O error")); nothing was kept"
            suggestion = "check the disk and the folder's permissions"
        default:
            message = "the register cannot be used: \(error.message ?? "SQLite error \(error.resultCode.rawValue)"); it was left as it is"
            suggestion = nil
        }
    }

    public var diagnostics: [Diagnostic] { [.error(message, file: path, suggestion: suggestion)] }
    public var description: String { "\(path): \(message)" }

    /// `error` as a user-facing failure when it is a database error of the register at `path`.
    public static func explain(_ error: any Error, path: String) -> (any UserFacingError)? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH,
             .SQLITE_CANTOPEN, .SQLITE_IOERR:
            return RegisterFailure(error, path: path)
        default:
            return nil
        }
    }
}
