public import EthicsDiagnostics
import Foundation

/// A step in a record's life, kept as a new version of it (nothing is overwritten): who did what,
/// when, in which role and why.
///
/// A record moves from draft to review to approval, and ends superseded or withdrawn:
///
/// - `review`: looked at again, with an outcome and a note; its next review date moves on, so it
///   leaves `records due`;
/// - `approve`: signed off by a person in a role the council lists (`sign-off-roles:`);
/// - `supersede`: replaced by a newer record, which is linked to it;
/// - `withdraw`: no longer in force, with the reason.
public struct LifecycleStep: Codable, Sendable, Hashable {
    public enum Action: String, Codable, Sendable, Hashable, CaseIterable {
        case review, approve, supersede, withdraw

        /// The record's status after the step, or nil when the step leaves it as it was.
        public var status: String? {
            switch self {
            case .review: nil
            case .approve: "approved"
            case .supersede: "superseded"
            case .withdraw: "withdrawn"
            }
        }

        /// The status of a record at `current` after the step. A sign-off of a decision not to
        /// go ahead (``LifecycleStep/verdictsAgainst``) confirms it, and the record keeps saying
        /// so: a register listing a declined proposal as "approved" would say the opposite of
        /// what was decided. The sign-off itself is in the record's history either way.
        public func status(after current: String) -> String {
            if self == .approve, LifecycleStep.verdictsAgainst.contains(current) { return current }
            return status ?? current
        }
    }

    /// The statuses that say a proposal is not to go ahead: the decision flow's verdict and the
    /// words decision logs use for it.
    public static let verdictsAgainst: Set<String> = ["do-not-proceed", "declined", "rejected", "refused", "not-approved"]

    public var action: Action
    /// The person who took the step.
    public var by: String
    /// The role they signed in (`approve`).
    public var role: String?
    /// Why: the review's note, the reason for withdrawing.
    public var note: String?
    /// A review's outcome: `no-change`, `update-needed` or `escalate`.
    public var outcome: String?
    /// The record that replaces this one (`supersede`).
    public var replacedBy: String?

    public init(action: Action, by: String, role: String? = nil, note: String? = nil, outcome: String? = nil, replacedBy: String? = nil) {
        self.action = action
        self.by = by
        self.role = role
        self.note = note
        self.outcome = outcome
        self.replacedBy = replacedBy
    }

    /// Statuses no step leaves: a superseded or withdrawn record stays so.
    public static let finalStatuses: Set<String> = ["superseded", "withdrawn"]

    /// Refuses `replacement` as the record that supersedes `id` (of kind `kind`): it must be
    /// another record, of the same kind (a decision is replaced by a decision, not by a scan),
    /// and itself still in force. `option` names where the replacement was given (`--by`).
    public static func checkReplacement(
        _ replacement: RecordVersion?, named by: String, for id: String, kind: String?, option: String
    ) throws(DiagnosticError) {
        guard by != id else { throw .error("a record cannot supersede itself") }
        guard let replacement else { throw .error("\(option) names '\(by)', which is not a record in the register") }
        if let kind, replacement.kind != kind {
            throw .error("\(option) names '\(by)', a \(replacement.kind); '\(id)' is a \(kind) and is replaced only by a \(kind)")
        }
        if finalStatuses.contains(replacement.status) {
            throw .error("\(option) names '\(by)', which is itself \(replacement.status)")
        }
    }

    /// The outcomes a review may have.
    public static let reviewOutcomes = ["no-change", "update-needed", "escalate"]

    /// The furthest a review may put the next one: a record is looked at again within ten years.
    public static let longestReviewInterval = 120

    /// When a record reviewed today with `outcome` comes up again: the date `asked` (after today,
    /// and within ``longestReviewInterval`` months, so no record leaves `records due` for good),
    /// else a year on when nothing needs changing, and a month on when the review found
    /// something still to do (`update-needed`, `escalate`), so the record stays in sight until
    /// it is done. The one rule for the command line and the browser; `field` names where
    /// `asked` was given, for the message.
    public static func nextReview(
        outcome: String, asked: CalendarDate?, field: String, clock: CouncilClock
    ) throws(DiagnosticError) -> CalendarDate {
        let today = clock.today()
        guard let asked else { return clock.adding(months: outcome == "no-change" ? 12 : 1, to: today) }
        guard asked > today else { throw .error("\(field) \(asked) is not after today (\(today))") }
        let furthest = clock.adding(months: longestReviewInterval, to: today)
        guard asked <= furthest else {
            throw .error("\(field) \(asked) is more than ten years on", suggestion: "review it by \(furthest) at the latest")
        }
        return asked
    }

    /// The sign-offs that stand in a record's `history` (oldest first): the `approve` steps since
    /// its content last changed. A sign-off is of the content its signer saw; a new version of
    /// the content (one without a step) needs signing again.
    public static func standingSignOffs(in history: [RecordVersion]) -> [RecordVersion] {
        let lastContent = history.lastIndex { $0.step == nil } ?? -1
        return history[(lastContent + 1)...].filter { $0.step?.action == .approve }
    }

    /// The standing sign-off in `role` (its case aside), if there is one.
    public static func signOff(as role: String, in history: [RecordVersion]) -> RecordVersion? {
        standingSignOffs(in: history).first { ($0.step?.role ?? "").caseInsensitiveCompare(role) == .orderedSame }
    }

    /// Refuses a sign-off in `role` when one in that role already stands (see
    /// ``standingSignOffs(in:)``): a role signs a version of the content once.
    public static func checkNotSigned(role: String, of id: String, history: [RecordVersion]) throws(DiagnosticError) {
        guard let earlier = signOff(as: role, in: history) else { return }
        throw .error(
            "\(id) is already signed off as \(role), by \(earlier.step?.by ?? earlier.author) (version \(earlier.version))",
            suggestion: "a sign-off stands until the record's content changes")
    }
}

/// A record was reviewed. Journalled with the version that keeps the review.
public struct RecordReviewed: Event, Hashable {
    public static let topic = "record.reviewed"
    public var recordID: String
    public var version: Int
    public var by: String
    public var outcome: String
    public var nextReview: CalendarDate?

    public init(recordID: String, version: Int, by: String, outcome: String, nextReview: CalendarDate?) {
        self.recordID = recordID
        self.version = version
        self.by = by
        self.outcome = outcome
        self.nextReview = nextReview
    }
}

/// A record was signed off by a person in a role.
public struct RecordApproved: Event, Hashable {
    public static let topic = "record.approved"
    public var recordID: String
    public var version: Int
    public var by: String
    public var role: String

    public init(recordID: String, version: Int, by: String, role: String) {
        self.recordID = recordID
        self.version = version
        self.by = by
        self.role = role
    }
}

/// A record was replaced by a newer one.
public struct RecordSuperseded: Event, Hashable {
    public static let topic = "record.superseded"
    public var recordID: String
    public var version: Int
    public var by: String
    public var replacedBy: String

    public init(recordID: String, version: Int, by: String, replacedBy: String) {
        self.recordID = recordID
        self.version = version
        self.by = by
        self.replacedBy = replacedBy
    }
}

/// A record was withdrawn.
public struct RecordWithdrawn: Event, Hashable {
    public static let topic = "record.withdrawn"
    public var recordID: String
    public var version: Int
    public var by: String
    public var reason: String

    public init(recordID: String, version: Int, by: String, reason: String) {
        self.recordID = recordID
        self.version = version
        self.by = by
        self.reason = reason
    }
}

/// A decision referred to the ethics board: the decision flow keeps it with the verdict
/// `escalate`, and its own advice is to record the board's answer as a new decision citing it.
extension RecordVersion {
    /// The status the decision flow gives a decision that is the ethics board's to take.
    public static let escalatedStatus = "escalate"

    /// Whether this version still waits for the ethics board: it was kept as `escalate`, nobody
    /// has signed it off since (an approval makes it `approved`; supersede and withdraw end it
    /// too), and no record cites it with the board's answer.
    /// - Parameter links: the record's links, in both directions (only those citing it count).
    public func isAwaitingBoard(links: [RecordLink]) -> Bool {
        status == Self.escalatedStatus && !links.contains { $0.to == id && $0.relation == .cites }
    }

    /// The status as people read it: `escalate: awaiting the board` while ``isAwaitingBoard(links:)``.
    public func statusShown(links: [RecordLink]) -> String {
        isAwaitingBoard(links: links) ? "\(status): awaiting the board" : status
    }
}
