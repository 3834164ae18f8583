import ArgumentParser
import EthicsCore
import EthicsRecords
import Foundation

/// The lifecycle of a record: review, approve (sign off), supersede, withdraw. Each step is a new
/// version of the record with who, when, in which role and why, kept in one transaction with the
/// step's fact; nothing is overwritten.
extension RecordsCommand {
    /// The acting person, who each step is kept under.
    static func actor(_ session: HostSession) throws(DiagnosticError) -> Person {
        guard let actor = session.actor else {
            throw .error("who is acting? Nobody is named", suggestion: "pass --as NAME, or set ETHICS_AUTHOR")
        }
        return actor
    }

    static func report(_ version: RecordVersion, _ what: String, session: HostSession) {
        // A superseded or withdrawn record is never due again, whatever review date it carries.
        let review = LifecycleStep.finalStatuses.contains(version.status) ? nil : version.reviewBy
        session.output.line("\(version.id): \(what) (version \(version.version), by \(version.step?.by ?? version.author)); status \(version.status)\(review.map { ", next review \($0)" } ?? "")")
    }

    struct Review: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Record a review of a record: its outcome, a note, and when to look again.",
            discussion: "The record leaves 'records due' until its next review date: 12 months on after no-change, a month on after update-needed or escalate (the record stays in sight until that is done), unless --next-review says (at most ten years on).")

        @Argument(help: "The record's id, such as dec-2026-0001.")
        var id: String

        @Option(help: ArgumentHelp("What the review found: \(LifecycleStep.reviewOutcomes.joined(separator: ", ")).", valueName: "outcome"))
        var outcome: String

        @Option(help: "What was looked at and why this outcome.")
        var note: String

        @Option(help: ArgumentHelp("When to review it next (default: 12 months from today after no-change, a month otherwise).", valueName: "YYYY-MM-DD"),
                transform: RecordsCommand.calendarDate)
        var nextReview: CalendarDate?

        func validate() throws {
            guard LifecycleStep.reviewOutcomes.contains(outcome) else {
                throw ValidationError("'\(outcome)' is not a review outcome; use one of \(LifecycleStep.reviewOutcomes.joined(separator: ", "))"
                    + (Suggestion.didYouMean(outcome, among: LifecycleStep.reviewOutcomes).map { "; \($0)" } ?? ""))
            }
            if note.allSatisfy(\.isWhitespace) { throw ValidationError("--note needs the reason for the outcome") }
        }

        func run(session: HostSession) async throws {
            let actor = try RecordsCommand.actor(session)
            let next = try LifecycleStep.nextReview(outcome: outcome, asked: nextReview, field: "--next-review", clock: session.clock)
            let step = LifecycleStep(action: .review, by: actor.name, note: note, outcome: outcome)
            let version = try session.records.store().keep(step, of: id, reviewBy: .some(next)) { version in
                RecordReviewed(recordID: version.id, version: version.version, by: actor.name, outcome: outcome, nextReview: next)
            }
            RecordsCommand.report(version, "reviewed, \(outcome)", session: session)
        }
    }

    struct Approve: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Sign a record off, as the acting person (--as) in one of the council's sign-off roles.",
            discussion: "The roles are listed under 'sign-off-roles:' in the configuration.")

        @Argument(help: "The record's id, such as dec-2026-0001.")
        var id: String

        @Option(help: "The role you sign in, e.g. \"Data Protection Officer\".")
        var role: String

        @Option(help: "Anything the sign-off depends on.")
        var note: String?

        func run(session: HostSession) async throws {
            let actor = try RecordsCommand.actor(session)
            let roles = session.config.signOffRoles
            guard let role = roles.first(where: { $0.caseInsensitiveCompare(self.role) == .orderedSame }) else {
                throw DiagnosticError.error(
                    "'\(self.role)' is not a sign-off role of this council", file: session.config.file,
                    suggestion: Suggestion.didYouMean(self.role, among: roles)
                        ?? "the roles are: \(roles.joined(separator: "; ")) (set them with 'sign-off-roles:')")
            }
            let store = try session.records.store()
            try LifecycleStep.checkNotSigned(role: role, of: id, history: try store.history(of: id))
            let step = LifecycleStep(action: .approve, by: actor.name, role: role, note: note)
            let version = try store.keep(step, of: id) { version in
                RecordApproved(recordID: version.id, version: version.version, by: actor.name, role: role)
            }
            RecordsCommand.report(version, "signed off as \(role)", session: session)
        }
    }

    struct Supersede: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "supersede",
            abstract: "Mark a record as replaced by a newer one, which is linked to it.")

        @Argument(help: "The record being replaced.")
        var id: String

        @Option(help: ArgumentHelp("The record that replaces it.", valueName: "id"))
        var by: String

        @Option(help: "Why it is replaced.")
        var note: String?

        func run(session: HostSession) async throws {
            let actor = try RecordsCommand.actor(session)
            let store = try session.records.store()
            try LifecycleStep.checkReplacement(try store.fetch(by), named: by, for: id, kind: try store.fetch(id)?.kind, option: "--by")
            let step = LifecycleStep(action: .supersede, by: actor.name, note: note, replacedBy: by)
            let version = try store.keep(step, of: id, link: RecordLink(from: by, to: id, relation: .supersedes)) { version in
                RecordSuperseded(recordID: version.id, version: version.version, by: actor.name, replacedBy: by)
            }
            RecordsCommand.report(version, "superseded by \(by)", session: session)
        }
    }

    struct Withdraw: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Withdraw a record: it stays in the register, marked as no longer in force.")

        @Argument(help: "The record's id.")
        var id: String

        @Option(help: "Why it is withdrawn.")
        var reason: String

        func validate() throws {
            if reason.allSatisfy(\.isWhitespace) { throw ValidationError("--reason needs the reason") }
        }

        func run(session: HostSession) async throws {
            let actor = try RecordsCommand.actor(session)
            let step = LifecycleStep(action: .withdraw, by: actor.name, note: reason)
            let version = try session.records.store().keep(step, of: id) { version in
                RecordWithdrawn(recordID: version.id, version: version.version, by: actor.name, reason: reason)
            }
            RecordsCommand.report(version, "withdrawn", session: session)
        }
    }
}
