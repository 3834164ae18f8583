import EthicsCore
import EthicsDiagnostics
import EthicsYAML
import Foundation

/// The `branding:` section of a configuration, as written, before its logo is read and its
/// colour checked.
///
/// ```yaml
/// branding:
///   name: Anytown Borough Council   # optional; the council's name by default
///   logo: local/anytown-logo.svg    # relative to this file; PNG, JPEG, GIF, WebP or SVG
///   accent: "#00703c"               # quoted: an unquoted # starts a YAML comment
/// ```
struct BrandingSettings: Decodable {
    var name: String?
    var logo: ContentPath?
    /// Kept as a node so a bad colour is reported where it was written.
    var accent: YAMLNode?

    /// A logo is embedded in every page the toolkit writes, so it is kept small.
    static let maxLogoBytes = 256 * 1024

    /// The branding a run uses. Problems (a missing or oversized logo, a file that is not an
    /// image, a colour that is not `#rrggbb` or is too light for text) are collected with the
    /// rest of the configuration's, and the run falls back to the toolkit's defaults for that key.
    ///
    /// `node` is the section as written: `accent: #00703c` is a YAML comment, so the colour
    /// decodes as absent, and only the node shows that the key was there.
    static func resolve(_ settings: BrandingSettings?, node: YAMLNode?, council: Council,
                        problems: inout DiagnosticCollector) -> Branding {
        var branding = Branding(name: council.name)
        guard let settings else { return branding }
        if settings.accent == nil, let written = node?["accent"], written.isNull {
            problems.collecting { () throws(DiagnosticError) in _ = try checkAccent(written) }
        }
        if let name = settings.name {
            branding.name = name
        }
        if let logo = settings.logo, !logo.path.isEmpty {
            branding.logo = problems.collecting { () throws(DiagnosticError) in try readLogo(logo) }
        }
        if let accent = settings.accent {
            branding.accent = problems.collecting { () throws(DiagnosticError) in try checkAccent(accent) }
        }
        return branding
    }

    static func readLogo(_ path: ContentPath) throws(DiagnosticError) -> Branding.Logo {
        func refuse(_ message: String, suggestion: String? = nil) -> DiagnosticError {
            .error("cannot use '\(path.written)' as the logo: \(message)", at: path.location,
                   keyPath: "branding.logo", suggestion: suggestion)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw refuse("there is no file at \(path.path)")
        }
        guard !isDirectory.boolValue else { throw refuse("\(path.path) is a folder") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path.path)[.size] as? Int) ?? nil
        if let size, size > maxLogoBytes {
            throw refuse("it is \(size / 1024) KB; a logo may be at most \(maxLogoBytes / 1024) KB because every page embeds it",
                         suggestion: "export it smaller, or as SVG")
        }
        // Through TextFile for its refusal of FIFOs and devices, which would block or never end.
        let image = TextFile.Format(name: "logo", fileExtension: ".png", saveAsUTF8: "")
        let data: Data
        do {
            data = Data(try TextFile.bytes(of: path.path, as: image, maxSize: maxLogoBytes, source: .regularFile))
        } catch {
            throw refuse(error.diagnostics.first?.message ?? "\(path.path) cannot be read")
        }
        guard data.count <= maxLogoBytes else {
            throw refuse("it is larger than \(maxLogoBytes / 1024) KB")
        }
        guard let mediaType = imageType(of: data) else {
            throw refuse("it is not a PNG, JPEG, GIF, WebP or SVG image")
        }
        return Branding.Logo(mediaType: mediaType, base64: data.base64EncodedString())
    }

    /// The image type the bytes say they are, whatever the file is called: raster formats by
    /// their signatures, SVG by being UTF-8 text with an `<svg` element near the start.
    static func imageType(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(1024))
        func starts(with prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if starts(with: Array("RIFF".utf8)) && starts(with: Array("WEBP".utf8), at: 8) { return "image/webp" }
        if String(validating: data, as: UTF8.self)?.prefix(1024).contains("<svg") == true {
            return "image/svg+xml"
        }
        return nil
    }

    static func checkAccent(_ node: YAMLNode) throws(DiagnosticError) -> HexColour {
        guard node.kind == .scalar, let text = node.text, !node.isNull, !text.isEmpty else {
            throw .error("'accent' must be a colour written as \"#rrggbb\"", at: node.location, keyPath: "branding.accent",
                         suggestion: "put the colour in quotes, since an unquoted # starts a YAML comment: accent: \"#1d70b8\"")
        }
        guard let colour = HexColour(text) else {
            throw .error("'\(text)' is not a colour written as \"#rrggbb\" or \"#rgb\"", at: node.location, keyPath: "branding.accent")
        }
        let ratio = colour.contrastRatio(against: .white)
        guard ratio >= HexColour.minimumTextContrast else {
            let shade = colour.darkened(toContrast: HexColour.minimumTextContrast, against: .white)
            let shown = (ratio * 100).rounded(.down) / 100
            throw .error("the accent \(colour) has a contrast of \(shown):1 against white; links in this colour need at least 4.5:1 (WCAG 2.2 AA)",
                         at: node.location, keyPath: "branding.accent",
                         suggestion: "a darker shade of it that passes: \"\(shade)\"")
        }
        return colour
    }
}
