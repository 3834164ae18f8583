/// An error that is the user's to fix: bad input, a missing record, a file that cannot be
/// written. The host prints its diagnostics, one `path:line:column: error: …` line each, and exits
/// with status 2; any other error is a fault of the toolkit and exits 70.
///
/// This is the toolkit's one error protocol: a module with its own error type conforms here and
/// says what the user should read, and the host never has to know the type.
public protocol UserFacingError: Error {
    /// What to print, with positions where the problem has one.
    var diagnostics: [Diagnostic] { get }
}

extension DiagnosticError: UserFacingError {}
