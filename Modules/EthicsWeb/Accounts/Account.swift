import Foundation

/// A person who may sign in to `ethics serve`, and what they may do there.
///
/// Officers record decisions, canvases and scans and review records; approvers may also sign off,
/// but only in the sign-off roles their account holds; administrators may do everything an
/// approver may, in any of the council's roles. Accounts are managed with `ethics users`.
struct Account: Sendable, Hashable {
    enum Role: String, Sendable, Hashable, CaseIterable {
        case officer, approver, administrator
    }

    /// The name people sign in with, and the name every record, review and sign-off they make is
    /// kept under.
    var name: String
    var role: Role
    /// The council's sign-off roles (`sign-off-roles:`) this person may sign in.
    var signOffRoles: [String]
    /// The password's bcrypt hash; the password itself is never kept. Nil for an account that
    /// signs in only through the council's single-sign-on proxy (`ethics users add --single-sign-on`).
    var passwordHash: String?

    /// Whether this person signs in only through the council's single-sign-on proxy.
    var singleSignOnOnly: Bool { passwordHash == nil }

    init(name: String, role: Role, signOffRoles: [String], passwordHash: String?) {
        self.name = name
        self.role = role
        self.signOffRoles = signOffRoles
        self.passwordHash = passwordHash
    }

    /// The sign-off roles this person may sign in, among the council's: an administrator holds
    /// every one, an approver those of the account, an officer none.
    func mayApprove(in councilRoles: [String]) -> [String] {
        switch role {
        case .officer: []
        case .administrator: councilRoles
        case .approver: councilRoles.filter { role in signOffRoles.contains { $0.caseInsensitiveCompare(role) == .orderedSame } }
        }
    }
}

/// Where accounts are kept. Separate from the register on purpose: the register is the council's
/// evidence, hash-chained and exported; who may sign in is the server's own business, and a
/// council moving its register to PostgreSQL keeps its accounts where they were.
protocol AccountStore: Sendable {
    func account(named name: String) throws -> Account?
    func accounts() throws -> [Account]
    /// Adds a new account; an account of the same name is an error.
    func add(_ account: Account) throws
    /// Replaces the account of the same name.
    func update(_ account: Account) throws
    /// Removes the account; false when there was none.
    func remove(named name: String) throws -> Bool

    /// A walk or form saved part way by `owner`, to resume later; keyed by an id the server gave it.
    func saveDraft(_ draft: SavedDraft) throws
    func drafts(of owner: String) throws -> [SavedDraft]
    func draft(_ id: String, of owner: String) throws -> SavedDraft?
    func removeDraft(_ id: String, of owner: String) throws
}

/// An operation left part way through in the browser ("Save and come back later").
struct SavedDraft: Sendable, Hashable, Codable {
    var id: String
    var owner: String
    /// `plugin-id/operation`.
    var operation: String
    var title: String
    /// The progress as the operation pages carry it (``OperationProgress``, JSON).
    var progress: String
    var saved: String

    init(id: String, owner: String, operation: String, title: String, progress: String, saved: String) {
        self.id = id
        self.owner = owner
        self.operation = operation
        self.title = title
        self.progress = progress
        self.saved = saved
    }
}
