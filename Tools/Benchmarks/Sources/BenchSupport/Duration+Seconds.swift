extension Duration {
    /// The duration as a floating-point number of seconds, for rates and for printing.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    public var milliseconds: Double {
        seconds * 1_000
    }
}
