public import EthicsDiagnostics

/// Where a rendered document goes: a file named with `--output`, or the command's output. The one
/// place that decides it, so that every command writing a document treats a binary paper (ODT,
/// DOCX) the same way: it goes to a file through ``SafeFile``, or down a pipe, and never onto a
/// terminal, where a zip archive would be noise that can upset the terminal itself.
public struct DocumentDelivery: Sendable {
    public var format: OutputFormat
    /// The file to write, or nil for the command's output (also meant by `-`, as with most tools:
    /// `-o -` never makes a file called `-`).
    public var path: String?
    /// The permissions of a new file: owner-only unless the document is meant to be published.
    public var mode: UInt32

    public init(format: OutputFormat, path: String?, mode: UInt32 = 0o600) {
        self.format = format
        self.path = path == "-" ? nil : path
        self.mode = mode
    }

    /// Checks, before any work is kept, that the document can go where it is asked to: the file's
    /// folder can be written, the file is not one the command read (``FilesRead``), standard
    /// output is open, and a binary format is not headed for a terminal. A command that
    /// keeps a record before writing its paper calls this first, so nothing is half done.
    public func check(output: OutputSink) throws(DiagnosticError) {
        if let path {
            // `-o paper.docx` without `--format docx` would otherwise be text in a file named as
            // a Word document: a committee clerk finds out only when it will not open.
            if let named = OutputFormat(fileName: path), named != format {
                throw .error(
                    "the file's name says \(named.rawValue), but the format is \(format.rawValue)", file: path,
                    suggestion: "add --format \(named.rawValue), or name the file .\(format.fileExtension)")
            }
            do {
                try SafeFile.checkOutput(path)
            } catch {
                throw DiagnosticError(error.diagnostics)
            }
            return
        }
        if output.isClosed {
            throw .error("standard output is closed, so the result would be lost", suggestion: "write it to a file with --output FILE")
        }
        guard format.isBinary, !output.takesBinary else { return }
        let why = output.isTerminal
            ? "\(format.rawValue) is a binary file (a zip archive) and is not written to a terminal"
            : "\(format.rawValue) is a binary file (a zip archive) and this output takes text only"
        throw .error(why, suggestion: "write it to a file with --output FILE, for example --output paper.\(format.fileExtension)")
    }

    /// Renders `document` and writes it: to the file, atomically, with a note on `notices`; or to
    /// `output`, as bytes for a binary format. Checks the destination first (see ``check(output:)``).
    public func write(
        _ document: Document, with renderer: any DocumentRenderer, output: OutputSink, notices: OutputSink
    ) throws {
        try check(output: output)
        if let path {
            try SafeFile.writeOutput(try renderer.renderBytes(document, as: format), to: path, mode: mode)
            notices.line("Written to \(path).")
        } else if format.isBinary {
            output.write(bytes: try renderer.renderBytes(document, as: format))
        } else {
            output.write(try renderer.render(document, as: format))
        }
    }
}

extension PluginContext {
    /// Renders `document` as `format` and writes it to `path`, or to standard output when there is
    /// none (see ``DocumentDelivery``).
    public func write(_ document: Document, as format: OutputFormat, to path: String? = nil, mode: UInt32 = 0o600) throws {
        try DocumentDelivery(format: format, path: path, mode: mode).write(document, with: renderer, output: output, notices: notices)
    }

    /// Checks before any work is kept that a document in `format` can go to `path` (or to standard
    /// output): see ``DocumentDelivery/check(output:)``.
    public func checkDestination(_ format: OutputFormat, path: String?) throws(DiagnosticError) {
        try DocumentDelivery(format: format, path: path).check(output: output)
    }
}
