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
