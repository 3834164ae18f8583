// swift-tools-version:6.1
// Benchmarks for EthicsToolkit. A separate package so the product never links them (or Yams).
// Run them with Tools/benchmark, which builds this package in release mode and prints one table.

import PackageDescription

let package = Package(
    name: "EthicsBenchmarks",
    dependencies: [
        .package(name: "EthicsToolkit", path: "../.."),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "BenchSupport", path: "Sources/BenchSupport"),
        .executableTarget(
            name: "bench-yaml",
            dependencies: [
                "BenchSupport",
                .product(name: "EthicsYAML", package: "EthicsToolkit"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Sources/bench-yaml"
        ),
        .executableTarget(
            name: "bench-records",
            dependencies: [
                "BenchSupport",
                .product(name: "EthicsRecords", package: "EthicsToolkit"),
                .product(name: "EthicsCore", package: "EthicsToolkit"),
            ],
            path: "Sources/bench-records"
        ),
        // Issue 18: the register on PostgreSQL, beside raw INSERT+COMMIT and beside SQLite.
        .executableTarget(
            name: "bench-records-pg",
            dependencies: [
                "BenchSupport",
                .product(name: "EthicsRecords", package: "EthicsToolkit"),
                .product(name: "EthicsRecordsPostgres", package: "EthicsToolkit"),
                .product(name: "EthicsCore", package: "EthicsToolkit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/bench-records-pg"
        ),
        // Issue 16: every kind of file the toolkit reads, through the real binary.
        .executableTarget(
            name: "bench-readers",
            dependencies: ["BenchSupport"],
            path: "Sources/bench-readers"
        ),
        .executableTarget(
            name: "bench-startup",
            dependencies: ["BenchSupport"],
            path: "Sources/bench-startup"
        ),
        .executableTarget(
            name: "bench-tour",
            dependencies: ["BenchSupport"],
            path: "Sources/bench-tour"
        ),
        .executableTarget(
            name: "bench-glossary",
            dependencies: ["BenchSupport", .product(name: "Glossary", package: "EthicsToolkit")],
            path: "Sources/bench-glossary"
        ),
        .executableTarget(
            name: "bench-flowchart",
            dependencies: [
                "BenchSupport",
                .product(name: "DecisionFlowchart", package: "EthicsToolkit"),
                .product(name: "EthicsCore", package: "EthicsToolkit"),
                .product(name: "EthicsYAML", package: "EthicsToolkit"),
                .product(name: "EthicsDiagnostics", package: "EthicsToolkit"),
            ],
            path: "Sources/bench-flowchart"
        ),
        // Issue 19: a 100-page document written as ODT and DOCX.
        .executableTarget(
            name: "bench-papers",
            dependencies: [
                "BenchSupport",
                .product(name: "EthicsRender", package: "EthicsToolkit"),
                .product(name: "EthicsCore", package: "EthicsToolkit"),
            ],
            path: "Sources/bench-papers"
        ),
    ],
    swiftLanguageModes: [.v6]
)
