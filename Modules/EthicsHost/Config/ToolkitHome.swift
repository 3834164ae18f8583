import EthicsCore
import Glibc

/// Finds the toolkit's own folder (the one holding `Configs/toolkit.yaml`), which supplies the
/// default configuration and the shipped content.
///
/// Looked for, in order: `$ETHICS_HOME`; the folders above the running executable (a binary
/// built in the repository lives in `.build/` below it); the repository this host was compiled
/// from. A binary copied elsewhere sets `ETHICS_HOME`.
public enum ToolkitHome {
    public static let defaultConfigRelativePath = "Configs/toolkit.yaml"

    public static func locate(environment: [String: String]) -> String? {
        if let home = environment["ETHICS_HOME"], !home.isEmpty {
            return ContentPath.resolve(home, relativeTo: ContentPath.currentDirectory())
        }
        for start in [executableDirectory(), compiledRepository()].compactMap({ $0 }) {
            var directory = start
            while directory != "/" {
                if fileExists(directory + "/" + defaultConfigRelativePath) { return directory }
                directory = ContentPath.directory(of: directory)
            }
        }
        return nil
    }

    static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return ContentPath.directory(of: path)
    }

    /// Modules/EthicsHost/Config/ToolkitHome.swift -> the repository root.
    static func compiledRepository() -> String? {
        var path = #filePath
        for _ in 0..<4 { path = ContentPath.directory(of: path) }
        return path
    }

    static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}
