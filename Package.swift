// swift-tools-version:6.1
// EthicsToolkit: the `ethics` host command, its shared modules and its in-tree plugins.
//
// Plugins live under Plugins/<Name>/ and are wired in by the generated block below, which
// `Tools/register-plugins` rewrites from each Plugins/*/plugin.yaml (CI runs it with --check).
// Plain SwiftPM cannot discover a new folder on its own; nothing else in this file names a plugin.

import PackageDescription

/// One in-tree plugin, as `Tools/register-plugins` reads it from `Plugins/<folder>/plugin.yaml`.
struct PluginTarget {
    /// The plugin id users type: `ethics <id> ...`.
    var id: String
    /// The folder under Plugins/ (and under Tests/Plugins/ for its tests).
    var folder: String
    /// The Swift module the folder compiles to.
    var module: String
    /// Products of this package's own dependencies that the plugin needs beyond EthicsCore.
    var dependencies: [Target.Dependency] = []
}

// BEGIN GENERATED PLUGINS: written by Tools/register-plugins from Plugins/*/plugin.yaml; do not edit by hand.
let pluginTargets: [PluginTarget] = [
    PluginTarget(id: "canvas-builder", folder: "CanvasBuilder", module: "CanvasBuilder"),
    PluginTarget(id: "code-mapper", folder: "CodeMapper", module: "CodeMapper"),
    PluginTarget(id: "consequence-scanning", folder: "ConsequenceScanning", module: "ConsequenceScanning"),
    PluginTarget(id: "decision-flowchart", folder: "DecisionFlowchart", module: "DecisionFlowchart"),
    PluginTarget(id: "glossary", folder: "Glossary", module: "Glossary"),
    PluginTarget(id: "transparency-record", folder: "TransparencyRecord", module: "TransparencyRecord"),
]
// END GENERATED PLUGINS

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // An async function runs on its caller's executor unless it says `@concurrent`: a command
    // then runs on the main thread from start to end, rather than handing itself to a new thread
    // of the global executor at its first `await` (about a tenth of `ethics --help`). The server's
    // work still runs on Hummingbird's tasks, which call into these modules from their own.
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    // For start-up time: by default the compiler reaches a generic type it names in code (such
    // as the `KeyedDecodingContainer<CodingKeys>` of every Decodable type's `init(from:)`) by its
    // mangled name, which the runtime resolves by checking each generic requirement, a search of
    // every conformance in the program (11,000 of them) the first time. With this flag it calls
    // the type's metadata accessor and passes the conformances it already knows; the code is a
    // little larger. About a quarter of the conformance searches of a content-loading command.
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let postgres: Target.Dependency = .product(name: "PostgresNIO", package: "postgres-nio")
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let bcrypt: Target.Dependency = .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")
let zip: Target.Dependency = .product(name: "ZIPFoundation", package: "ZIPFoundation")

// How the `ethics` executable is linked, for start-up time (every command pays it; see the README's
// Speed section). The Swift toolchain links executables with --export-dynamic, which puts every
// global symbol of the program (48,000 with the static standard library) in its dynamic symbol
// table: the loader then binds them all, and the runtime's start-up `dladdr` walks them. Nothing
// looks the program's own symbols up by name (Swift finds types and conformances through their
// sections), so none are exported. (Linking at a fixed address, -no-pie, saves a further
// millisecond with the static standard library but makes the loader warn about every protected
// symbol of a shared one, as debug builds link it, so it is not used.)
let startUpLinkerSettings: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux])),
]

var targets: [Target] = [
    // The distribution's libyaml (Debian: libyaml-dev), found through pkg-config; never vendored.
    .systemLibrary(
        name: "CYAML",
        path: "Modules/CYAML",
        pkgConfig: "yaml-0.1",
        providers: [.apt(["libyaml-dev"])]
    ),
    .target(
        name: "EthicsDiagnostics",
        path: "Modules/EthicsDiagnostics",
        swiftSettings: swiftSettings
    ),
    .target(
        name: "EthicsYAML",
        dependencies: ["CYAML", "EthicsDiagnostics"],
        path: "Modules/EthicsYAML",
        swiftSettings: swiftSettings
    ),
    .target(
        name: "EthicsCore",
        dependencies: ["EthicsDiagnostics", "EthicsYAML", argumentParser, logging],
        path: "Modules/EthicsCore",
        swiftSettings: swiftSettings
    ),
    // Comma-separated files as spreadsheets write them, every field with its line and column.
    .target(
        name: "EthicsCSV",
        dependencies: ["EthicsDiagnostics"],
        path: "Modules/EthicsCSV",
        swiftSettings: swiftSettings
    ),
    .target(
        name: "EthicsRender",
        // ZIPFoundation packs the ODT and DOCX papers (zip archives); it builds on zlib (zlib1g-dev).
        dependencies: ["EthicsCore", zip],
        path: "Modules/EthicsRender",
        swiftSettings: swiftSettings
    ),
    // The register: records, their versions and links, and the hash-chained journal, on SQLite.
    .target(
        name: "EthicsRecords",
        dependencies: ["EthicsCore", "EthicsCSV", "EthicsDiagnostics", grdb, crypto],
        path: "Modules/EthicsRecords",
        swiftSettings: swiftSettings
    ),
    // The register's second engine: a council's shared PostgreSQL database, same contract and chain.
    .target(
        name: "EthicsRecordsPostgres",
        dependencies: ["EthicsRecords", "EthicsCore", "EthicsDiagnostics", postgres, logging],
        path: "Modules/EthicsRecordsPostgres",
        swiftSettings: swiftSettings
    ),
    .target(
        name: "EthicsHost",
        dependencies: ["EthicsCore", "EthicsRender", "EthicsRecords", "EthicsRecordsPostgres", "EthicsYAML", "EthicsDiagnostics", argumentParser, logging],
        path: "Modules/EthicsHost",
        swiftSettings: swiftSettings
    ),
    // `ethics serve` and `ethics users`: the toolkit in a browser, over Hummingbird. A module of its
    // own so that only the executable links the server, and the host knows nothing of HTTP.
    .target(
        name: "EthicsWeb",
        dependencies: [
            "EthicsHost", "EthicsCore", "EthicsRender", "EthicsRecords", "EthicsDiagnostics", argumentParser, logging, grdb,
            hummingbird, bcrypt, crypto,
        ],
        path: "Modules/EthicsWeb",
        swiftSettings: swiftSettings
    ),
    .executableTarget(
        name: "ethics",
        dependencies: ["EthicsHost", "EthicsWeb", "EthicsCore"] + pluginTargets.map { .target(name: $0.module) },
        path: "Modules/EthicsCLI",
        swiftSettings: swiftSettings,
        linkerSettings: startUpLinkerSettings
    ),

    // Shared helpers for tests: fixtures, temporary directories, running the built binary.
    .target(
        name: "EthicsTestSupport",
        dependencies: ["EthicsCore", "EthicsYAML", "EthicsDiagnostics", "EthicsRender", "EthicsRecords", "EthicsRecordsPostgres", logging],
        path: "Tests/Support",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsDiagnosticsTests",
        dependencies: ["EthicsDiagnostics"],
        path: "Tests/Modules/EthicsDiagnostics",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsYAMLTests",
        dependencies: ["EthicsYAML", "EthicsDiagnostics", "EthicsTestSupport"],
        path: "Tests/Modules/EthicsYAML",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsCSVTests",
        dependencies: ["EthicsCSV", "EthicsDiagnostics"],
        path: "Tests/Modules/EthicsCSV",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsCoreTests",
        dependencies: ["EthicsCore", "EthicsTestSupport", logging],
        path: "Tests/Modules/EthicsCore",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsRenderTests",
        dependencies: ["EthicsRender", "EthicsCore", "EthicsTestSupport", zip, argumentParser],
        path: "Tests/Modules/EthicsRender",
        swiftSettings: swiftSettings
    ),
    // Writes records in a loop through EthicsRecords, so reliability tests can run it as a second
    // process and kill it mid-write. Only tests build it; the product never links it.
    .executableTarget(
        name: "ethics-records-writer",
        dependencies: ["EthicsRecords", "EthicsRecordsPostgres", "EthicsCore"],
        path: "Tests/RecordsWriter",
        swiftSettings: swiftSettings
    ),
    // Writes a page of sample diagrams, so the browser suite (Tests/Browser) checks the inline SVG
    // in a real browser before any plugin draws one. Only tests use it; the product never links it.
    .executableTarget(
        name: "ethics-render-sample",
        dependencies: ["EthicsRender", "EthicsCore"],
        path: "Tests/RenderSample",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsRecordsTests",
        dependencies: ["EthicsRecords", "EthicsRecordsPostgres", "EthicsCore", "EthicsDiagnostics", "EthicsTestSupport", "ethics-records-writer", grdb],
        path: "Tests/Modules/EthicsRecords",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsRecordsPostgresTests",
        dependencies: ["EthicsRecordsPostgres", "EthicsRecords", "EthicsCore", "EthicsDiagnostics", "EthicsTestSupport", "ethics-records-writer"],
        path: "Tests/Modules/EthicsRecordsPostgres",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsHostTests",
        dependencies: ["EthicsHost", "EthicsCore", "EthicsRecords", "EthicsRecordsPostgres", "EthicsTestSupport", argumentParser, logging, grdb],
        path: "Tests/Modules/EthicsHost",
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "EthicsWebTests",
        dependencies: [
            "EthicsWeb", "EthicsHost", "EthicsCore", "EthicsRecords", "EthicsTestSupport", hummingbird, zip,
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ] + pluginTargets.map { .target(name: $0.module) },
        path: "Tests/Modules/EthicsWeb",
        swiftSettings: swiftSettings
    ),
    // Runs the built `ethics` binary as a user would; depends on it so `swift test` builds it first.
    .testTarget(
        name: "EndToEndTests",
        dependencies: ["ethics", "EthicsTestSupport", "EthicsYAML", "EthicsCore", "EthicsRecordsPostgres"],
        path: "Tests/EndToEnd",
        swiftSettings: swiftSettings
    ),
]

for plugin in pluginTargets {
    targets.append(.target(
        name: plugin.module,
        dependencies: ["EthicsCore", "EthicsYAML", "EthicsDiagnostics", argumentParser, logging] + plugin.dependencies,
        path: "Plugins/\(plugin.folder)",
        exclude: ["plugin.yaml"],
        swiftSettings: swiftSettings
    ))
    targets.append(.testTarget(
        name: "\(plugin.module)Tests",
        dependencies: [
            .target(name: plugin.module), "EthicsCore", "EthicsYAML", "EthicsDiagnostics", "EthicsRender",
            "EthicsTestSupport", argumentParser, logging,
        ],
        path: "Tests/Plugins/\(plugin.folder)",
        swiftSettings: swiftSettings
    ))
}

let package = Package(
    name: "EthicsToolkit",
    products: [
        .executable(name: "ethics", targets: ["ethics"]),
        // Exposed so the packages under Tools/ (benchmarks, plugin tooling) can link the YAML layer.
        .library(name: "EthicsDiagnostics", targets: ["EthicsDiagnostics"]),
        .library(name: "EthicsYAML", targets: ["EthicsYAML"]),
        .library(name: "EthicsCore", targets: ["EthicsCore"]),
        .library(name: "EthicsRender", targets: ["EthicsRender"]),
        .library(name: "EthicsRecords", targets: ["EthicsRecords"]),
        .library(name: "EthicsRecordsPostgres", targets: ["EthicsRecordsPostgres"]),
        .library(name: "EthicsHost", targets: ["EthicsHost"]),
    ] + pluginTargets.map { .library(name: $0.module, targets: [$0.module]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
