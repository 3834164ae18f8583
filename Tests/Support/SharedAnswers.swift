import Foundation

/// Answers files that several end-to-end tests walk, kept once under `Tests/Fixtures` so that a
/// change to the shipped flowchart is answered in one place.
public enum SharedAnswers {
    /// A walk of the shipped ethical-decision flowchart that ends at "escalate to the ethics board".
    public static let escalatePath = CommandRunner.repositoryRoot
        .appendingPathComponent("Tests/Fixtures/DecisionFlowchart/escalate.answers.yaml").path

    /// The text of ``escalatePath``, for tests that change one answer of it.
    public static func escalate() throws -> String {
        try String(contentsOfFile: escalatePath, encoding: .utf8)
    }
}
