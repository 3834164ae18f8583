import EthicsCore

/// Codes against attributes: how many clauses of each code serve each attribute, and what share
/// of the code that is. A clause serving several attributes counts once under each, so a row's
/// counts may add up to more than the code's clauses.
struct AttributeMatrix: Sendable {
    struct Row: Sendable {
        let code: ProfessionalCode
        let clauseCount: Int
        /// One count per attribute, in the matrix's attribute order.
        let counts: [Int]

        /// The share of the code's clauses that serve attribute `column`, from 0 to 1.
        func share(_ column: Int) -> Double {
            clauseCount == 0 ? 0 : Double(counts[column]) / Double(clauseCount)
        }

        /// How many of the attributes at least one clause serves.
        var attributesCovered: Int {
            counts.count { $0 > 0 }
        }
    }

    let attributes: [Attribute]
    let rows: [Row]

    init(codes: [ProfessionalCode], attributes: [Attribute]) {
        self.attributes = attributes
        rows = codes.map { code in
            let clauses = code.clauses
            return Row(
                code: code, clauseCount: clauses.count,
                counts: attributes.map { attribute in clauses.count { $0.serves(attribute.id) } })
        }
    }
}
