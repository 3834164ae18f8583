import EthicsHost
import Testing

@Suite struct ExitStatusTests {
    @Test func statusesAreTheDocumentedNumbers() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.checkFailed.rawValue == 1)
        #expect(ExitStatus.badInput.rawValue == 2)
    }
}
