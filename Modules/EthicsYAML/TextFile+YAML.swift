import EthicsDiagnostics

extension TextFile.Format {
    /// YAML files: configurations and content packs, written in a text editor.
    static let yaml = TextFile.Format(name: "YAML", fileExtension: ".yaml", saveAsUTF8: "save the file as UTF-8")
}
