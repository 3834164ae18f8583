/// How figures are written in reports: fixed precision, units spelled out, so columns compare
/// at a glance. Megabytes are decimal (10^6 bytes), as targets such as "30 MB" are stated.
///
/// Written without Foundation: a start-up benchmark that loaded it would copy its mappings into
/// every child it forks, which raises both the time and the memory floor it can measure.
public enum Format {
    public static func milliseconds(_ duration: Duration) -> String {
        fixed(duration.milliseconds, decimals: 2) + " ms"
    }

    public static func megabytes(_ bytes: Int) -> String {
        fixed(Double(bytes) / 1e6, decimals: 1) + " MB"
    }

    /// A rate in millions per second, e.g. `12.34 M events/s`.
    public static func millionsPerSecond(_ perSecond: Double, of unit: String) -> String {
        fixed(perSecond / 1e6, decimals: 2) + " M \(unit)/s"
    }

    /// `value` rounded to `decimals` places and written out in full, e.g. `fixed(2.5, 2)` is `2.50`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value.magnitude * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let fraction = String(scaled % scale)
        return sign + String(scaled / scale) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
