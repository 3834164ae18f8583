public import EthicsDiagnostics

/// A format that cannot carry the document (CSV for a page without a table) is a usage mistake.
extension RenderError: UserFacingError {
    public var diagnostics: [Diagnostic] { [.error(description)] }
}
