import EthicsCore
public import EthicsDiagnostics

/// Which configuration file a run uses: `--config`, then `$ETHICS_CONFIG`, then `./ethics.yaml`,
/// then the toolkit's default `Configs/toolkit.yaml`.
public struct ConfigDiscovery: Sendable {
    public enum Source: String, Sendable {
        case option = "--config"
        case environment = "ETHICS_CONFIG"
        case workingDirectory = "./ethics.yaml"
        case toolkitDefault = "the toolkit default"
    }

    public var explicitPath: String?
    public var environment: [String: String]
    /// The toolkit's folder, if found (`ToolkitHome.locate`).
    public var toolkitHome: String?

    public init(explicitPath: String?, environment: [String: String], toolkitHome: String?) {
        self.explicitPath = explicitPath
        self.environment = environment
        self.toolkitHome = toolkitHome
    }

    public func locate() throws(DiagnosticError) -> (path: String, source: Source) {
        if let explicitPath {
            return (explicitPath, .option)
        }
        if let path = environment["ETHICS_CONFIG"], !path.isEmpty {
            return (path, .environment)
        }
        if ToolkitHome.fileExists("ethics.yaml") {
            return ("ethics.yaml", .workingDirectory)
        }
        guard let home = toolkitHome else {
            throw .error("no configuration found: pass --config FILE, set ETHICS_CONFIG, create ./ethics.yaml, or set ETHICS_HOME to the toolkit's folder")
        }
        return (home + "/" + ToolkitHome.defaultConfigRelativePath, .toolkitDefault)
    }

    /// An `ethics.yaml` in a folder above the working one, which a run falling back to the
    /// toolkit's default does not use: run from a project's subfolder, the council's
    /// configuration (and so its register) is not the one in use, and the person should know.
    static func configurationAbove(_ directory: String = ContentPath.currentDirectory()) -> String? {
        var folder = directory
        while folder != "/", !folder.isEmpty {
            folder = ContentPath.directory(of: folder)
            let candidate = (folder == "/" ? "" : folder) + "/ethics.yaml"
            if ToolkitHome.fileExists(candidate) { return candidate }
        }
        return nil
    }
}
