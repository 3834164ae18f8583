/// How hard a committed write is pressed to disk: SQLite's `synchronous` setting for the
/// register's writer, in WAL mode.
///
/// The host always opens the register `.full`: a decision a council officer was told is recorded
/// must still be there after a power cut, and each `ethics` command writes a handful of rows, so
/// the sync (about a tenth of a millisecond here) is never felt. `.normal` exists so benchmarks can
/// show what that promise costs when thousands of records are written one transaction each.
public enum RegisterDurability: Int, Sendable, CaseIterable {
    /// The write-ahead log is synced only at checkpoints: consistent after any crash, but the last
    /// commits can be lost if the machine loses power.
    case normal = 1
    /// The write-ahead log is synced at every commit: nothing committed is lost.
    case full = 2

    var pragmaName: String {
        switch self {
        case .normal: "NORMAL"
        case .full: "FULL"
        }
    }
}
