public import Foundation

/// A fresh directory under the system's temporary folder, removed when the value is released.
/// Tests write fixtures here so that no test can see another's files.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init(prefix: String = "ethics-test") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    /// Writes `contents` (UTF-8) at `relativePath`, creating folders on the way; returns the path.
    @discardableResult
    public func write(_ contents: String, to relativePath: String) throws -> String {
        try write(Data(contents.utf8), to: relativePath)
    }

    @discardableResult
    public func write(_ data: Data, to relativePath: String) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
