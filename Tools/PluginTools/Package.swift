// swift-tools-version:6.1
// Developer tooling for in-tree plugins: Tools/register-plugins and Tools/new-plugin run it.
//
// It reads plugin.yaml through the toolkit's own YAML layer, so a bad manifest gets the same
// positioned errors as everything else. It compiles that layer's sources through symlinks
// (Sources/CYAML, EthicsDiagnostics, EthicsYAML -> Modules/) instead of depending on the root
// package: the tool must still build when the root Package.swift's generated plugin block is
// stale, since regenerating that block is its job.

import PackageDescription

/// The same upcoming features as the root package, so the shared sources mean the same here.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "PluginTools",
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "EthicsDiagnostics", path: "Sources/EthicsDiagnostics", swiftSettings: swiftSettings),
        .target(
            name: "EthicsYAML", dependencies: ["CYAML", "EthicsDiagnostics"], path: "Sources/EthicsYAML",
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "plugin-tools",
            dependencies: [
                "EthicsYAML", "EthicsDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/plugin-tools"
        ),
    ],
    swiftLanguageModes: [.v6]
)
