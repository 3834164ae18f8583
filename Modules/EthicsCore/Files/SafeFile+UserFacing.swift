public import EthicsDiagnostics

/// A file the user asked for that cannot be written is theirs to fix: a wrong folder, a full disk.
extension SafeFile.WriteError: UserFacingError {
    public var diagnostics: [Diagnostic] { [.error(reason, file: path.isEmpty ? nil : path)] }
}
