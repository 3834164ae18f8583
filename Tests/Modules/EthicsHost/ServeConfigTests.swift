import EthicsCore
import EthicsDiagnostics
import EthicsHost
import EthicsTestSupport
import Foundation
import Testing

/// `serve:` in a council's configuration: the single-sign-on proxy `ethics serve` trusts, pinned
/// by its IP address, checked strictly with every problem at its line and column.
@Suite struct ServeConfigTests {
    private static let header = "extends: default\ncouncil: {id: anytown, name: Anytown Borough Council}\n"

    private func load(_ config: String) throws -> (LoadedConfig, String) {
        let host = try HostHarness()
        let path = try host.write(Self.header + config, to: "council/anytown.yaml")
        let loader = ConfigLoader(environment: ["HOME": host.directory.path], toolkitHome: host.home, compiledPluginIDs: ["fixture"])
        return (try loader.load(path), host.directory.path + "/council/anytown.yaml")
    }

    private func messages(_ config: LoadedConfig) -> [String] {
        config.problems.map(\.description)
    }

    @Test func withoutServeNoProxyIsTrusted() throws {
        let (config, _) = try load("")
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.trustedProxy == nil)
        let (empty, _) = try load("serve: {}\n")
        #expect(empty.problems.isEmpty && empty.trustedProxy == nil, "\(empty.problems)")
    }

    @Test func aProxyIsTrustedByItsAddressAndHeader() throws {
        let (config, _) = try load("""
            serve:
              trusted-proxy:
                address: 10.0.4.12
                user-header: X-Remote-User
            """)
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.trustedProxy == TrustedProxy(address: "10.0.4.12", userHeader: "X-Remote-User"))
        let (six, _) = try load("serve: {trusted-proxy: {address: \"::1\", user-header: X-Forwarded-User}}\n")
        #expect(six.problems.isEmpty, "\(six.problems)")
        #expect(six.trustedProxy == TrustedProxy(address: "::1", userHeader: "X-Forwarded-User"))
    }

    @Test func theProxyIsKnownByItsAddressHoweverTheSocketWritesIt() {
        let proxy = TrustedProxy(address: "127.0.0.1", userHeader: "X-Remote-User")
        #expect(proxy.isProxy("127.0.0.1"))
        #expect(proxy.isProxy("::ffff:127.0.0.1"), "IPv4 on a dual-stack socket")
        #expect(!proxy.isProxy("127.0.0.2"))
        #expect(!proxy.isProxy("::1"))
        #expect(!proxy.isProxy(nil), "an unknown peer is never the proxy")
        #expect(!proxy.isProxy("localhost"))
        let six = TrustedProxy(address: "2001:db8::1", userHeader: "X-Remote-User")
        #expect(six.isProxy("2001:0db8:0000::0001"))
        #expect(!six.isProxy("2001:db8::2"))
    }

    @Test func everyMistakeIsReportedAtItsLineAndColumn() throws {
        let (config, file) = try load("""
            serve:
              trusted-proxy:
                address: sso.anytown.gov.uk
                user-header: X Remote User
            """)
        #expect(messages(config) == [
            "\(file):5:14: error: 'sso.anytown.gov.uk' is not an IP address; the proxy is pinned by its address, such as 127.0.0.1 or \"::1\" (at serve.trusted-proxy.address); write the proxy's own IPv4 or IPv6 address, not a host name or a range",
            "\(file):6:18: error: 'X Remote User' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~, no spaces or colons) (at serve.trusted-proxy.user-header); such as X-Remote-User",
        ], "\(messages(config))")
        #expect(config.trustedProxy == nil, "nothing is trusted from a configuration with problems")

        let (unknown, unknownFile) = try load("""
            serve:
              trusted-proxy:
                adress: 127.0.0.1
                user-header: X-Remote-User
            """)
        #expect(messages(unknown).contains("\(unknownFile):5:5: error: unknown key 'adress' (at serve.trusted-proxy.adress); did you mean 'address'?"),
                "\(messages(unknown))")
        #expect(messages(unknown).contains { $0.hasPrefix("\(unknownFile):4:3: error: the trusted proxy needs its 'address'") }, "\(messages(unknown))")

        let (missing, missingFile) = try load("serve:\n  trusted-proxy: {address: 127.0.0.1}\n")
        #expect(messages(missing) == [
            "\(missingFile):4:3: error: the trusted proxy needs its 'user-header': the header it sets to the signed-in person's name (at serve.trusted-proxy.user-header); add user-header: X-Remote-User",
        ], "\(messages(missing))")

        let (reserved, _) = try load("serve: {trusted-proxy: {address: 127.0.0.1, user-header: Cookie}}\n")
        #expect(messages(reserved).first?.contains("'Cookie' is a header every browser or proxy sends for its own reasons") == true, "\(messages(reserved))")

        let (nothing, nothingFile) = try load("serve:\n  trusted-proxy:\n")
        #expect(messages(nothing).first?.hasPrefix("\(nothingFile):4:17: error: 'trusted-proxy' has nothing under it") == true, "\(messages(nothing))")

        let (notMapping, notMappingFile) = try load("serve: yes\n")
        #expect(messages(notMapping) == ["\(notMappingFile):3:8: error: expected a mapping of keys to values, found a single value (at serve)"], "\(messages(notMapping))")

        let (topLevel, topLevelFile) = try load("serv: {}\n")
        #expect(messages(topLevel) == ["\(topLevelFile):3:1: error: unknown key 'serv' (at serv); did you mean 'serve'?"], "\(messages(topLevel))")
    }
}
