/// The explicit tags the toolkit understands: the YAML 1.2 core schema's own (`!!str`, `!!int`, …)
/// and the non-specific `!`. Any other tag is refused when the file is read, since nothing in the
/// toolkit would know what to make of it.
public enum YAMLTag: UInt8, Sendable, Hashable {
    case none, nonSpecific, str, int, float, bool, null, seq, map

    init?(libyamlTag text: String) {
        switch text {
        case "!": self = .nonSpecific
        case "tag:yaml.org,2002:str": self = .str
        case "tag:yaml.org,2002:int": self = .int
        case "tag:yaml.org,2002:float": self = .float
        case "tag:yaml.org,2002:bool": self = .bool
        case "tag:yaml.org,2002:null": self = .null
        case "tag:yaml.org,2002:seq": self = .seq
        case "tag:yaml.org,2002:map": self = .map
        default: return nil
        }
    }
}
