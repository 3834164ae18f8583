public import EthicsCore
import EthicsDiagnostics
import EthicsYAML

extension CodeMapperPlugin {
    /// The plugin's section of the configuration:
    ///
    /// ```yaml
    /// plugins:
    ///   code-mapper:
    ///     codes: [content/codes/nolan.yaml, content/codes/bcs.yaml]
    ///     clauses-per-code: 3
    /// ```
    ///
    /// A council that extends the default adds its own code with `codes+: [local/our-code.yaml]`,
    /// which appends to the shipped list rather than replacing it.
    public struct Settings: Decodable, Sendable {
        /// The code files, each resolved against the configuration file that lists it.
        public var codes: [ContentPath]
        /// How many clauses of each code a decision record lists for the decision's attributes
        /// (clauses the flowchart cites are always listed).
        public var clausesPerCode: Int

        public static let defaultClausesPerCode = 3
        static let clausesPerCodeRange = 1...20

        public init(codes: [ContentPath], clausesPerCode: Int = defaultClausesPerCode) {
            self.codes = codes
            self.clausesPerCode = clausesPerCode
        }

        private enum CodingKeys: String, CodingKey {
            case codes
            case clausesPerCode = "clauses-per-code"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            codes = try ContentPath.list(in: container, forKey: .codes, keyPath: "plugins.code-mapper.codes")
            clausesPerCode = try container.decodeIfPresent(Int.self, forKey: .clausesPerCode) ?? Self.defaultClausesPerCode
            if !Self.clausesPerCodeRange.contains(clausesPerCode) {
                let node = try container.decodeIfPresent(YAMLNode.self, forKey: .clausesPerCode)
                throw DiagnosticError.error(
                    "clauses-per-code must be between \(Self.clausesPerCodeRange.lowerBound) and \(Self.clausesPerCodeRange.upperBound), not \(clausesPerCode)",
                    at: node?.location, keyPath: "clauses-per-code")
            }
        }
    }
}
