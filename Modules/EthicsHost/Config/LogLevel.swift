public import EthicsYAML
public import Logging

/// The `log-level` setting, named as swift-log names its levels.
public enum LogLevel: String, YAMLStringEnum {
    case trace, debug, info, notice, warning, error, critical

    public var loggerLevel: Logger.Level { Logger.Level(rawValue: rawValue) ?? .warning }
}
