import Foundation

/// The folder a fuzz target works in: the input file, the configuration beside it and the
/// attribute pack that configuration names. In shared memory when the machine has it, since every
/// run rewrites the input.
public struct FuzzWorkspace: Sendable {
    public let folder: String
    /// The repository, found from this source file: Tools/Fuzz/Sources/FuzzSupport/….
    public static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        return url.path
    }()

    init(for target: FuzzTarget) throws {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        folder = base + "/ethics-fuzz-\(target.rawValue)-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.repository + "/Configs/content/attributes.yaml", toPath: path("attributes.yaml"))
        try target.configuration(pluginSettings: target.pluginSettings)
            .write(toFile: path("ethics.yaml"), atomically: true, encoding: .utf8)
    }

    public func path(_ name: String) -> String {
        folder + "/" + name
    }

    /// What the host sees of the process: the toolkit, and a data folder inside the workspace so
    /// that nothing a run writes lands in the user's own.
    var environment: [String: String] {
        ["ETHICS_HOME": Self.repository, "HOME": folder, "XDG_DATA_HOME": folder + "/data", "NO_COLOR": "1",
         "ETHICS_AUTHOR": "fuzzer"]
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
