/// What every plugin shares about the council and its vocabulary, built once by the host.
public struct DataModel: Sendable {
    public var council: Council
    public var attributes: AttributeCatalog

    public init(council: Council, attributes: AttributeCatalog) {
        self.council = council
        self.attributes = attributes
    }
}
