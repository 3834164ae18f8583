/// What an ODI `.dec.json` object held beyond what the toolkit maps into its own fields: the
/// order of all its keys and the values of the keys the toolkit does not take over.
///
/// Export walks `keys` in order, writing the toolkit's value for a key it took over (a status,
/// notes, the title) and the kept value for any other, so an unknown field, a null and the key
/// order all come back as they were.
struct ODIPassthrough: Sendable, Hashable {
    var keys: [String]
    var fields: JSONObject

    /// Splits `object`: the keys in `taken` are left to the toolkit, the rest are kept.
    init(_ object: JSONObject, taking taken: Set<String>) {
        keys = object.keys
        fields = JSONObject(object.members.filter { !taken.contains($0.key) })
    }

    init(keys: [String], fields: JSONObject) {
        self.keys = keys
        self.fields = fields
    }

    /// The object again, with `values` for the keys the toolkit took (nil: leave the key out).
    /// A taken key the original did not have is added at the end when it has a value.
    func rebuild(_ values: [(key: String, value: JSONValue?)]) -> JSONObject {
        var object = JSONObject()
        for key in keys {
            if let value = fields[key] {
                object[key] = value
            } else if let value = values.first(where: { $0.key == key })?.value {
                object[key] = value
            } else if values.contains(where: { $0.key == key }) {
                object[key] = .null
            }
        }
        for (key, value) in values where !keys.contains(key) {
            if let value { object[key] = value }
        }
        return object
    }
}
