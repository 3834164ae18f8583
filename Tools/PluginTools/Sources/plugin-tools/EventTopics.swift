import EthicsDiagnostics
import EthicsYAML
import Foundation

/// Compares what the manifests say about facts with the event types the sources declare: every
/// event type a plugin declares is one it publishes, so its topic must be under `publishes`; and
/// every topic a manifest names under `publishes` or `listens` must be declared by some event type
/// (in a plugin or in EthicsCore), so a misspelt topic is caught here rather than never heard.
///
/// The register refuses an undeclared topic at run time too (`RegisterWrite.publish`,
/// `PluginActivation.listen`); this check finds it before anything runs.
struct EventTopics {
    let root: String

    func problems(in plugins: [ScannedPlugin]) -> [Diagnostic] {
        var declaredByPlugin: [String: [String]] = [:]
        for plugin in plugins {
            declaredByPlugin[plugin.folder] = topics(in: "\(root)/Plugins/\(plugin.folder)")
        }
        let known = Set(declaredByPlugin.values.joined()).union(topics(in: "\(root)/Modules/EthicsCore"))
        var problems: [Diagnostic] = []
        for plugin in plugins {
            let manifest = plugin.manifest
            for topic in declaredByPlugin[plugin.folder] ?? [] where !manifest.publishes.contains(topic) {
                problems.append(.error(
                    "Plugins/\(plugin.folder) declares the event '\(topic)' but its plugin.yaml does not list it under 'publishes'",
                    at: plugin.document?.root?["publishes"]?.location, file: plugin.path))
            }
            for (key, topics) in [("publishes", manifest.publishes), ("listens", manifest.listens)] {
                for (index, topic) in topics.enumerated() where !covers(topic, known) {
                    problems.append(.error(
                        "'\(topic)' under '\(key)' is not the topic of any event type",
                        at: plugin.document?.root?[key]?.elements[index].location, file: plugin.path,
                        suggestion: Suggestion.didYouMean(topic, among: known)))
                }
            }
        }
        return problems
    }

    /// Whether `pattern` (a topic, `decision.*` or `*`) names at least one known topic.
    private func covers(_ pattern: String, _ known: Set<String>) -> Bool {
        if pattern == "*" { return true }
        if pattern.hasSuffix(".*") { return known.contains { $0.hasPrefix(String(pattern.dropLast())) } }
        return known.contains(pattern)
    }

    /// The topics of the event types declared under `folder`: `static let topic = "…"`.
    private func topics(in folder: String) -> [String] {
        guard let files = FileManager.default.enumerator(atPath: folder) else { return [] }
        var topics: [String] = []
        for case let file as String in files where file.hasSuffix(".swift") {
            guard let text = try? String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8) else { continue }
            var rest = text[...]
            while let range = rest.range(of: "static let topic = \"") {
                rest = rest[range.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                topics.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return topics
    }
}
