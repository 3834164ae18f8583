// swift-tools-version:6.1
// Fuzz targets for EthicsToolkit: one executable per kind of input a user hands to `ethics`.
// A separate package so the product never links them. Run them with Tools/fuzz, which builds this
// package with libFuzzer (`-sanitize=fuzzer,address -DFUZZING`) into .build-fuzz/.
// Built without those flags, each target replays the files it is given, once each.

import PackageDescription

let targets = ["yaml", "config", "code", "glossary", "flowchart", "canvas", "dec-json", "records-import"]

let package = Package(
    name: "EthicsFuzz",
    dependencies: [.package(name: "EthicsToolkit", path: "../..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "EthicsYAML", package: "EthicsToolkit"),
                .product(name: "EthicsDiagnostics", package: "EthicsToolkit"),
                .product(name: "EthicsCore", package: "EthicsToolkit"),
                .product(name: "EthicsHost", package: "EthicsToolkit"),
                .product(name: "CodeMapper", package: "EthicsToolkit"),
                .product(name: "Glossary", package: "EthicsToolkit"),
                .product(name: "DecisionFlowchart", package: "EthicsToolkit"),
                .product(name: "CanvasBuilder", package: "EthicsToolkit"),
            ],
            path: "Sources/FuzzSupport",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ] + targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)", dependencies: ["FuzzSupport"], path: "Sources/fuzz-\(name)",
            swiftSettings: [.swiftLanguageMode(.v6)])
    }
)
