// swift-tools-version:6.1
// Developer tooling for in-tree plugins: Tools/register-plugins and Tools/new-plugin run it.
// A separate package so the product never links it; it reads plugin.yaml through the
// toolkit's own strict YAML layer, so a bad manifest gets the same positioned errors.

import PackageDescription

let package = Package(
    name: "PluginTools",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "EthicsToolkit", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "plugin-tools",
            dependencies: [
                .product(name: "EthicsYAML", package: "EthicsToolkit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/plugin-tools"
        ),
    ],
    swiftLanguageModes: [.v6]
)
