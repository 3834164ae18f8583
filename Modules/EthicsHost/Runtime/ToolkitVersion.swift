/// The toolkit's own version, shown by `ethics --version` and in every document's metadata.
public enum ToolkitVersion {
    public static let current = "0.1.0"
}
