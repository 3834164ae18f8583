import EthicsCore
import EthicsDiagnostics
import Foundation
import Testing

/// The rules of a record's life that every front end applies the same way.
@Suite struct LifecycleTests {
    static func version(_ id: String, kind: String, status: String = "draft") -> RecordVersion {
        RecordVersion(
            id: id, kind: kind, version: 1, title: "T", author: "A", status: status, reviewBy: nil, tags: [], attributes: [],
            body: Data("{}".utf8), created: Date(), updated: Date(), step: nil)
    }

    /// A review that finds work still to do keeps the record in sight; no review puts the next
    /// one more than ten years on, so no record leaves `records due` for good.
    @Test func theNextReviewFollowsWhatTheReviewFound() throws {
        let clock = CouncilClock.fixed(try #require(ISO8601DateFormatter().date(from: "2026-12-08T10:00:00Z")))
        func next(_ outcome: String, _ asked: String? = nil) throws -> CalendarDate {
            try LifecycleStep.nextReview(outcome: outcome, asked: asked.flatMap(CalendarDate.init), field: "--next-review", clock: clock)
        }
        #expect(try next("no-change") == CalendarDate("2027-12-08"))
        #expect(try next("update-needed") == CalendarDate("2027-01-08"))
        #expect(try next("escalate") == CalendarDate("2027-01-08"))
        #expect(try next("update-needed", "2027-06-01") == CalendarDate("2027-06-01"))
        #expect(try next("no-change", "2036-12-08") == CalendarDate("2036-12-08"))
        for (asked, message) in [
            ("2026-12-08", "--next-review 2026-12-08 is not after today (2026-12-08)"),
            ("2036-12-09", "--next-review 2036-12-09 is more than ten years on"),
            ("9999-12-31", "--next-review 9999-12-31 is more than ten years on"),
        ] {
            let error = #expect(throws: DiagnosticError.self) { try next("no-change", asked) }
            #expect(error?.diagnostics.first?.message == message)
        }
    }

    @Test func aRecordIsReplacedOnlyByAnotherInForceOfItsOwnKind() throws {
        func refusal(_ replacement: RecordVersion?, _ by: String) -> String? {
            do {
                try LifecycleStep.checkReplacement(replacement, named: by, for: "dec-2026-0001", kind: "decision", option: "--by")
                return nil
            } catch {
                return error.diagnostics.first?.message
            }
        }
        #expect(refusal(Self.version("dec-2026-0002", kind: "decision"), "dec-2026-0002") == nil)
        #expect(refusal(nil, "dec-2026-0001") == "a record cannot supersede itself")
        #expect(refusal(nil, "dec-2026-0009") == "--by names 'dec-2026-0009', which is not a record in the register")
        #expect(refusal(Self.version("csc-2026-0001", kind: "scan"), "csc-2026-0001")
                == "--by names 'csc-2026-0001', a scan; 'dec-2026-0001' is a decision and is replaced only by a decision")
        #expect(refusal(Self.version("dec-2026-0003", kind: "decision", status: "withdrawn"), "dec-2026-0003")
                == "--by names 'dec-2026-0003', which is itself withdrawn")
    }
}
