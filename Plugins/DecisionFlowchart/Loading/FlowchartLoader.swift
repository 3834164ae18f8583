public import EthicsCore
public import EthicsDiagnostics
public import EthicsYAML

/// Reads flowchart files and checks them.
///
/// Problems come in two kinds, because `validate` treats them differently: a file that is not
/// a flowchart at all (bad YAML, unknown keys, wrong types) is thrown as a `DiagnosticError`
/// (exit status 2, like every bad input), while a well-formed chart whose content or shape is
/// wrong is returned with its problems listed (`validate` exits 1 for those).
public struct FlowchartLoader: Sendable {
    let attributes: AttributeCatalog
    var decoder = YAMLDecoder()

    public init(attributes: AttributeCatalog) {
        self.attributes = attributes
    }

    /// The files the settings name, in order; a chart id used twice is a problem at its second place.
    public func load(_ paths: [ContentPath]) throws(DiagnosticError) -> FlowchartSet {
        var failures = DiagnosticCollector()
        var charts: [Flowchart] = []
        for reading in EachFile.map(paths, { path in ContentFile<Flowchart>.read(path, kind: Self.kind, holding: Self.contents, decoder: decoder) }) {
            failures.append(contentsOf: reading.problems)
            if reading.isClean, let chart = reading.file { charts.append(chart) }
        }
        try failures.throwIfErrors()
        return FlowchartSet(charts: charts, problems: problems(in: charts))
    }

    /// A file named on the command line, outside the configuration; messages name it as given.
    public func load(file: String) throws(DiagnosticError) -> FlowchartSet {
        let document = try YAMLParser.parse(file: file, limits: decoder.limits)
        var failures = DiagnosticCollector()
        let chart = decode(document, named: file, at: nil, into: &failures)
        try failures.throwIfErrors()
        let charts = chart.map { [$0] } ?? []
        return FlowchartSet(charts: charts, problems: problems(in: charts))
    }

    /// Decodes one parsed file; nil after collecting why it is not a flowchart.
    public func decode(
        _ document: YAMLDocument, named name: String, at location: SourceLocation?, into failures: inout DiagnosticCollector
    ) -> Flowchart? {
        let reading = ContentFile<Flowchart>.decode(document, named: name, at: location, kind: Self.kind, holding: Self.contents, decoder: decoder)
        failures.append(contentsOf: reading.problems)
        return reading.isClean ? reading.file : nil
    }

    private static let kind = "flowchart file"
    private static let contents = "one flowchart"

    /// The content and graph problems of each chart, and chart ids used twice.
    public func problems(in charts: [Flowchart]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var first: [String: SourceLocation] = [:]
        for chart in charts {
            if let earlier = first[chart.id.value] {
                problems.append(.error(
                    "flowchart id '\(chart.id.value)' is already used at \(earlier); flowchart ids must be unique across files",
                    at: chart.id.location))
            } else {
                first[chart.id.value] = chart.id.location
            }
            problems += FlowchartChecks(chart: chart, attributes: attributes).problems()
            problems += GraphValidator(chart).problems()
        }
        return problems
    }
}

/// The flowcharts read from a set of files, with every problem found in their content.
public struct FlowchartSet: Sendable {
    public var charts: [Flowchart]
    /// Content and shape problems; empty when every chart can be walked.
    public var problems: [Diagnostic]

    /// The charts, or every problem as one error when there is any.
    func requireValid() throws(DiagnosticError) -> [Flowchart] {
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return charts
    }
}
