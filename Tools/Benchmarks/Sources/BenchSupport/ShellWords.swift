/// Splits a command line written as one string (`"/path/ethics --config 'My Council.yaml' --help"`)
/// into arguments, so benchmarks can take a command as a single option value without running it
/// through a shell, whose own start-up and memory would be measured along with the command.
///
/// Understands what such a command needs and no more: blanks separate words, single quotes keep
/// text literally, double quotes keep blanks, and a backslash outside single quotes escapes the
/// next character. No variables, globs or redirections.
public enum ShellWords {
    public struct UnterminatedQuote: Error, CustomStringConvertible {
        public let line: String
        public var description: String { "unterminated quote in command: \(line)" }
    }

    public static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaping = false

        for character in line {
            if escaping {
                word.append(character)
                escaping = false
            } else if character == "\\" && quote != "'" {
                escaping = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        guard quote == nil, !escaping else { throw UnterminatedQuote(line: line) }
        if inWord { words.append(word) }
        return words
    }
}
