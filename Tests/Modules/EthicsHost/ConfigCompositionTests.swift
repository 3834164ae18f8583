import Foundation
import EthicsHost
import EthicsTestSupport
import EthicsYAML
import Testing

@Suite struct ConfigCompositionTests {
    @Test func discoveryPrefersTheOptionThenTheEnvironmentThenTheDefault() async throws {
        let host = try HostHarness()
        let option = try host.write("extends: default\ncouncil: {id: option, name: From option}\n", to: "option.yaml")
        let environment = try host.write("extends: default\ncouncil: {id: env, name: From environment}\n", to: "env.yaml")
        let both = await host.run(["--config", option, "fixture", "greet"], environment: ["ETHICS_CONFIG": environment])
        #expect(both.stdout.contains("(From option)"), "\(both)")
        let onlyEnvironment = await host.run(["fixture", "greet"], environment: ["ETHICS_CONFIG": environment])
        #expect(onlyEnvironment.stdout.contains("(From environment)"), "\(onlyEnvironment)")
        let neither = await host.run(["fixture", "greet"])
        #expect(neither.stdout.contains("(Fixture default)"))
        let equalsForm = await host.run(["fixture", "greet", "--config=\(option)"])
        #expect(equalsForm.stdout.contains("(From option)"))
    }

    @Test func aChildOverridesItsParentAndPlusAppendsToAList() async throws {
        let host = try HostHarness()
        try host.write("title: local\n", to: "council/local.yaml")
        let config = try host.write("""
            extends: default
            council: {id: anytown, name: Anytown Borough Council}
            plugins:
              fixture:
                greeting: Good morning
                files+: [local.yaml]
            """, to: "council/anytown.yaml")
        let result = await host.run(["--config", config, "fixture", "greet"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "Good morning, council (Anytown Borough Council)",
            "file: \(host.home)/Configs/content/attributes.yaml",
            "file: \(host.directory.path)/council/local.yaml",
        ])
    }

    @Test func switchingAPluginOffAndOnAgainKeepsTheSettingsItInherits() async throws {
        let host = try HostHarness()
        let off = try host.write("extends: default\nplugins:\n  fixture: false\n", to: "off.yaml")
        let on = try host.write("extends: off.yaml\nplugins:\n  fixture: true\n", to: "on.yaml")
        let offResult = await host.run(["--config", off, "plugins", "--format", "csv"])
        #expect(offResult.stdout.contains("fixture,1.2.3,no (switched off at \(off):3:3),"), "\(offResult)")
        let onResult = await host.run(["--config", on, "fixture", "greet"])
        #expect(onResult.status == 0, "\(onResult)")
        #expect(onResult.stdout.hasPrefix("Hello, council"), "the greeting set in the default is still there")
    }

    @Test func listsWithoutPlusReplaceTheParents() async throws {
        let host = try HostHarness()
        try host.write("title: local\n", to: "local.yaml")
        let config = try host.write("extends: default\nplugins:\n  fixture:\n    files: [local.yaml]\n", to: "c.yaml")
        let result = await host.run(["--config", config, "fixture", "greet"])
        #expect(result.stdout.split(separator: "\n").map(String.init) == ["Hello, council (Fixture default)", "file: \(host.directory.path)/local.yaml"])
    }

    @Test func showPrintsTheMergedConfigurationAndWhereEachSettingCameFrom() async throws {
        let host = try HostHarness()
        let config = try host.write("extends: default\ncouncil: {id: anytown, name: Anytown}\n", to: "c.yaml")
        let shown = await host.run(["--config", config, "config", "show"])
        #expect(shown.status == 0, "\(shown)")
        let reparsed = try YAMLParser.parse(shown.stdout)
        #expect(reparsed.root?["council"]?["name"]?.text == "Anytown")
        #expect(reparsed.root?["plugins"]?["fixture"]?["greeting"]?.text == "Hello")
        #expect(reparsed.root?["extends"] == nil)
        let origins = await host.run(["--config", config, "config", "show", "--origins"])
        #expect(origins.stdout.contains("council.name = Anytown    # \(config):2:"))
        #expect(origins.stdout.contains("plugins.fixture.greeting = Hello    # \(host.defaultConfig):"))
    }
}

/// Every configuration mistake: one line with its position, exit status 2, nothing written.
@Suite struct ConfigBadInputTests {
    private func refuse(_ contents: String?, bytes: [UInt8]? = nil, named name: String = "c.yaml",
                        extra: [(String, String)] = [], expect prefix: (HostHarness, String) -> String) async throws {
        let host = try HostHarness()
        for (path, text) in extra { try host.write(text, to: path) }
        var config = host.directory.path + "/" + name
        if let contents { config = try host.write(contents, to: name) }
        if let bytes { config = try host.directory.write(Data(bytes), to: name) }
        let before = host.files()
        let result = await host.run(["--config", config, "fixture", "greet"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result)")
        #expect(result.stderr.hasPrefix(prefix(host, config)), "\(result)")
        #expect(host.files() == before, "a refused configuration writes nothing")
    }

    @Test func malformedYAML() async throws {
        try await refuse("council: {id: x\nplugins: [\n", expect: { _, c in "\(c):2:8: error: the mapping opened with '{' at line 1, column 10 is not closed" })
    }

    @Test func unknownKey() async throws {
        try await refuse("extends: default\nplugin: {}\n", expect: { _, c in "\(c):2:1: error: unknown key 'plugin' (at plugin); did you mean 'plugins'?" })
    }

    @Test func misspeltPluginID() async throws {
        try await refuse("extends: default\nplugins: {fixtrue: {greeting: x}}\n", expect: { _, c in "\(c):2:11: error: unknown plugin 'fixtrue' (at plugins.fixtrue); did you mean 'fixture'?" })
    }

    @Test func wrongType() async throws {
        try await refuse("extends: default\nattributes: content/attributes.yaml\n", expect: { _, c in "\(c):2:13: error: expected a list, found a single value (at attributes)" })
    }

    @Test func missingFile() async throws {
        try await refuse(nil, named: "absent.yaml", expect: { _, c in "\(c): error: cannot read the file: no such file or directory" })
    }

    @Test func missingParent() async throws {
        try await refuse("extends: parent.yaml\n", expect: { _, c in "\(c):1:10: error: cannot use 'parent.yaml' as the parent configuration: cannot read the file" })
    }

    @Test func pathThatEscapesTheConfigurationsFolder() async throws {
        try await refuse("extends: default\nattributes: [../../etc/passwd]\n", named: "council/c.yaml",
                         expect: { h, c in "\(c):2:14: error: the path '../../etc/passwd' leads outside the configuration's folder \(h.directory.path)/council" })
    }

    @Test func aSymbolicLinkDoesNotLetAPathEscape() async throws {
        let host = try HostHarness()
        try FileManager.default.createDirectory(atPath: host.directory.path + "/council", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: host.directory.path + "/council/etc", withDestinationPath: "/etc")
        let config = try host.write("extends: default\nattributes: [etc/hostname]\n", to: "council/c.yaml")
        let result = await host.run(["--config", config, "fixture", "greet"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(config):2:14: error: the path 'etc/hostname' leads outside the configuration's folder"), "\(result)")
    }

    @Test func extendsThatEscapesTheConfigurationsFolder() async throws {
        try await refuse("extends: ../c.yaml\n", named: "council/c.yaml", expect: { _, c in "\(c):1:10: error: 'extends: ../c.yaml' leads outside the configuration's folder" })
    }

    @Test func extendsCycle() async throws {
        try await refuse("extends: b.yaml\n", named: "a.yaml", extra: [("b.yaml", "extends: a.yaml\n")],
                         expect: { h, _ in "\(h.directory.path)/b.yaml:1:10: error: 'extends' makes a cycle: \(h.directory.path)/a.yaml -> \(h.directory.path)/b.yaml -> \(h.directory.path)/a.yaml" })
    }

    @Test func emptyFile() async throws {
        try await refuse("", expect: { _, c in "\(c): error: the configuration file is empty" })
    }

    @Test func binaryFile() async throws {
        try await refuse(nil, bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], expect: { _, c in "\(c):1:1: error: invalid UTF-8 byte 0x89" })
    }

    @Test func aFolderInsteadOfAFile() async throws {
        try await refuse(nil, named: "home", expect: { _, c in "\(c): error: this is a folder, not a YAML file" })
    }

    @Test func pluginEntryOfTheWrongKind() async throws {
        try await refuse("extends: default\nplugins: {fixture: [a]}\n", expect: { _, c in "\(c):2:20: error: expected true, false or a mapping of settings for plugin 'fixture', found a list" })
    }
}
