import ArgumentParser

/// What `ethics glossary export --format` can write.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    /// A page to publish, with every entry anchored.
    case markdown
    case html
    /// One row per entry, for a spreadsheet.
    case csv
    /// The glossary's data, for other tools.
    case json
    /// The W3C Simple Knowledge Organization System vocabulary, for linked-data catalogues.
    case skos
    /// The page to publish as an OpenDocument or Word paper, with every entry bookmarked.
    case odt
    case docx
}

/// The RDF syntax of a SKOS export.
enum SKOSSyntax: String, CaseIterable, ExpressibleByArgument {
    case turtle
    case jsonLD = "json-ld"
}
