import EthicsCore
import EthicsRecords
import EthicsTestSupport
import Foundation
import GRDB
import Testing

/// A record's life: each step a new version with who, when, role and why, kept with its fact; a
/// superseded or withdrawn record takes no further step; a changed step is caught by verify.
@Suite struct LifecycleTests {
    let directory: TemporaryDirectory
    let store: RecordStore
    let id: String
    let other: String

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-lifecycle")
        store = try RecordStore(path: directory.path + "/register.sqlite")
        id = try store.record(RecordDraft(kind: .decision, title: "Repairs", author: "Jo", status: "escalate")).id
        other = try store.record(RecordDraft(kind: .decision, title: "Repairs, again", author: "Jo")).id
    }

    @Test func aSignOffIsANewVersionWithItsFact() throws {
        let step = LifecycleStep(action: .approve, by: "Sam", role: "Data Protection Officer")
        let version = try store.keep(step, of: id) { RecordApproved(recordID: $0.id, version: $0.version, by: "Sam", role: "Data Protection Officer") }
        #expect(version.version == 2 && version.status == "approved" && version.author == "Sam")
        let history = try store.history(of: id)
        #expect(history.map(\.step) == [nil, step])
        #expect(history[0].status == "escalate", "the earlier version is untouched")
        #expect(try store.journalEntries().suffix(2).map(\.topic) == ["record.versioned", "record.approved"])
        #expect(try store.verify().isIntact)
    }

    /// A sign-off of a decision not to go ahead confirms it: the record keeps saying so, since a
    /// register listing a declined proposal as "approved" would say the opposite.
    @Test func aSignOffOfADecisionNotToGoAheadKeepsItsStatus() throws {
        for verdict in ["declined", "do-not-proceed"] {
            let declined = try store.record(RecordDraft(kind: .decision, title: "Pupil transport model", author: "Jo", status: verdict)).id
            let version = try store.keep(LifecycleStep(action: .approve, by: "Sam", role: "Senior Responsible Owner"), of: declined) {
                RecordApproved(recordID: $0.id, version: $0.version, by: "Sam", role: "Senior Responsible Owner")
            }
            #expect(version.status == verdict && version.step?.action == .approve)
            #expect(LifecycleStep.standingSignOffs(in: try store.history(of: declined)).count == 1)
        }
        #expect(LifecycleStep.Action.approve.status(after: "proceed") == "approved")
        #expect(LifecycleStep.Action.review.status(after: "declined") == "declined")
        #expect(LifecycleStep.Action.withdraw.status(after: "declined") == "withdrawn")
        #expect(try store.verify().isIntact)
    }

    @Test func aReviewMovesTheNextReviewAndLeavesDue() throws {
        let next = CalendarDate("2027-12-01")!
        _ = try store.keep(LifecycleStep(action: .review, by: "Sam", note: "Still right", outcome: "no-change"), of: id, reviewBy: .some(next)) {
            RecordReviewed(recordID: $0.id, version: $0.version, by: "Sam", outcome: "no-change", nextReview: next)
        }
        #expect(try store.fetch(id)?.reviewBy == next)
        #expect(try store.fetch(id)?.status == "escalate", "a review leaves the status as it was")
        #expect(try store.due(by: CalendarDate("2027-11-30")!).isEmpty)
    }

    @Test func supersedingLinksTheNewRecordAndEndsTheOld() throws {
        let step = LifecycleStep(action: .supersede, by: "Sam", replacedBy: other)
        _ = try store.keep(step, of: id, link: RecordLink(from: other, to: id, relation: .supersedes)) {
            RecordSuperseded(recordID: $0.id, version: $0.version, by: "Sam", replacedBy: other)
        }
        #expect(try store.links(of: id) == [RecordLink(from: other, to: id, relation: .supersedes)])
        #expect(throws: RecordRegisterError.self) {
            try store.keep(LifecycleStep(action: .withdraw, by: "Sam", note: "x"), of: id) {
                RecordWithdrawn(recordID: $0.id, version: $0.version, by: "Sam", reason: "x")
            }
        }
        #expect(try store.history(of: id).count == 2, "the refused step kept nothing")
        #expect(try store.verify().isIntact)
    }

    @Test func aChangedSignOffIsCaught() throws {
        _ = try store.keep(LifecycleStep(action: .approve, by: "Sam", role: "Monitoring Officer"), of: id) {
            RecordApproved(recordID: $0.id, version: $0.version, by: "Sam", role: "Monitoring Officer")
        }
        let queue = try DatabaseQueue(path: store.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER record_version_refuses_update")
            try db.execute(sql: "UPDATE record_version SET step = replace(step, 'Monitoring Officer', 'Chief Executive') WHERE version = 2")
        }
        try queue.close()
        let problem = try RecordStore(path: store.path, migrate: false, readOnly: true).verify().problem?.message
        #expect(problem == "record \(id) version 2 was altered: it no longer matches journal entry 3")
    }
}
