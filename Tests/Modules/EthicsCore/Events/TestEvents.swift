import EthicsCore
import Foundation

// Small events for the bus tests. Their topics are chosen to exercise pattern matching:
// `decision.recorded` and `decision.step.completed` sit under `decision.*` at two depths,
// `canvas.updated` sits outside it.

struct DecisionRecorded: Event, Equatable {
    static let topic = "decision.recorded"
    var id: String
    var title = ""
    var recordedAt: Date?
}

struct DecisionStepCompleted: Event, Equatable {
    static let topic = "decision.step.completed"
    var step: Int
}

struct CanvasUpdated: Event, Equatable {
    static let topic = "canvas.updated"
    var area: String
}

/// Identifies one event among many publishers, for the concurrency test.
struct Numbered: Event, Hashable {
    static let topic = "test.numbered"
    var publisher: Int
    var sequence: Int
}

/// What a deliberately failing subscriber throws.
struct Refusal: Error, Equatable {
    var reason: String
}
