// Measures writing a generated 100-page document as an ODT and as a DOCX paper.
//
//   bench-papers [--sections N] [--rounds N] [--soffice PATH]
//
// The document has --sections sections (default 100), each with a heading, three paragraphs of
// about 120 words with emphasis, a link and a glossary term, a five-item list, a ten-row table and,
// every tenth section, a twelve-step diagram: about one A4 page each. Each format is rendered
// --rounds times (default 7) through the toolkit's Renderer; the figure is the median.
// Target: at most 500 ms each. With --soffice, LibreOffice converts the ODT to PDF once (untimed)
// and pdfinfo counts its pages, so the "100 pages" is measured, not assumed.
import BenchSupport
import EthicsCore
import EthicsRender
import Foundation

var sections = 100
var rounds = 7
var soffice: String?
var arguments = CommandLine.arguments.dropFirst()[...]
while let option = arguments.popFirst() {
    switch option {
    case "--sections": sections = Int(arguments.popFirst() ?? "") ?? 0
    case "--rounds": rounds = Int(arguments.popFirst() ?? "") ?? 0
    case "--soffice": soffice = arguments.popFirst()
    default: ExitStatus.usage.exit("bench-papers: unknown option '\(option)'\nusage: bench-papers [--sections N] [--rounds N] [--soffice PATH]")
    }
}
guard sections > 0, rounds > 0 else { ExitStatus.usage.exit("bench-papers: --sections and --rounds take positive numbers") }

var random = SplitMix64(seed: 0x0D7_D0C5)
let words = [
    "council", "service", "residents", "data", "decision", "model", "risk", "review", "officer", "public",
    "housing", "repairs", "fairness", "consent", "purpose", "evidence", "harm", "benefit", "board", "record",
    "the", "of", "and", "to", "in", "for", "with", "that", "is", "be", "by", "on", "as", "each", "where",
]
@MainActor func sentence(_ count: Int) -> String {
    var text = (0..<count).map { _ in words[random.below(words.count)] }.joined(separator: " ")
    text.replaceSubrange(text.startIndex...text.startIndex, with: text.prefix(1).uppercased())
    return text + "."
}
var blocks: [Block] = []
for section in 1...sections {
    blocks.append(.heading(level: 2, "Section \(section): \(sentence(4).dropLast())", anchor: "section-\(section)"))
    for _ in 0..<3 {
        blocks.append(.paragraph([
            .text(sentence(40) + " "), .emphasis(sentence(6)), .text(" " + sentence(30) + " See "),
            .link("the guidance", url: "https://www.gov.uk/data-ethics-framework"), .text(" and the "),
            .termReference("DPIA", termID: "dpia"), .text(". " + sentence(35)),
        ]))
    }
    blocks.append(.list(section % 2 == 0 ? .ordered : .unordered, (0..<5).map { _ in sentence(9) }))
    blocks.append(.table(Table(
        caption: [.text("Measures for section \(section)")],
        header: ["Measure", "Owner", "Due", "Status", "Score"],
        rows: (0..<10).map { row in
            [Table.Cell(stringLiteral: sentence(5)), Table.Cell(stringLiteral: "Officer \(row)"), "2027-0\(1 + row % 9)-15",
             row % 3 == 0 ? "open" : "done", Table.Cell(intensity: Double(row) / 10)]
        },
        hasRowHeaders: true)))
    if section % 10 == 0 {
        let nodes = (0..<12).map { Graph.Node(id: "n\($0)", label: sentence(5), shape: $0 % 3 == 0 ? .diamond : .box) }
        let edges = (1..<12).map { Graph.Edge(from: "n\(($0 - 1) / 2)", to: "n\($0)", label: $0 % 2 == 0 ? "yes" : "no") }
        blocks.append(.graph(Graph(title: "Flow \(section)", nodes: nodes, edges: edges)))
    }
}
blocks.append(.heading(level: 2, "Terms used in this document", anchor: "terms-used"))
blocks.append(.definitions([.init("DPIA", "Data protection impact assessment.", anchor: Inline.anchor(forTerm: "dpia"))]))
let document = Document(
    title: "A generated committee paper", subtitle: "\(sections) sections", metadata: [.init("Report number", "CAB-2027-001")], blocks: blocks)
let renderer = Renderer(branding: Branding(name: "Anytown Borough Council"))

var table = ResultsTable()
var sizes: [OutputFormat: Int] = [:]
var odt: [UInt8] = []
for format in [OutputFormat.odt, .docx] {
    var bytes: [UInt8] = []
    _ = try renderer.renderBytes(document, as: format)  // warm up
    let times = try (0..<rounds).map { _ in try Stopwatch.time { bytes = try renderer.renderBytes(document, as: format) } }
    sizes[format] = bytes.count
    if format == .odt { odt = bytes }
    let median = Distribution(times).median
    table.append(ResultRow(
        benchmark: "papers", subject: "\(sections)-section document to \(format.rawValue) (\(Format.megabytes(bytes.count)))",
        figure: Format.milliseconds(median), target: "<= 500.00 ms", verdict: Verdict(met: median <= .milliseconds(500))))
}

if let soffice {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-papers-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("paper.odt")
    try Data(odt).write(to: file)
    let convert = Process()
    convert.executableURL = URL(fileURLWithPath: soffice)
    convert.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf", "--outdir", folder.path, file.path]
    convert.standardOutput = FileHandle.nullDevice
    convert.standardError = FileHandle.nullDevice
    try convert.run()
    convert.waitUntilExit()
    let info = Process()
    let pipe = Pipe()
    info.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
    info.arguments = [folder.appendingPathComponent("paper.pdf").path]
    info.standardOutput = pipe
    info.standardError = FileHandle.nullDevice
    try info.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    info.waitUntilExit()
    let pages = output.split(separator: "\n").first { $0.hasPrefix("Pages:") }.map { $0.split(separator: " ").last.map(String.init) ?? "?" } ?? "?"
    table.append(ResultRow(benchmark: "papers", subject: "A4 pages of the ODT, as LibreOffice lays it out", figure: pages))
}

print("papers: a generated document of \(sections) sections, median of \(rounds) renders each")
print(table.render())
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
