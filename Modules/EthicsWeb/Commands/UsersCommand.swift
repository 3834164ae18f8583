import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsHost
import Foundation
import Glibc

/// `ethics users`: who may sign in to `ethics serve`, in which role, and for which sign-offs.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list and remove the people who may sign in to 'ethics serve'.",
        discussion: """
            Accounts are kept in accounts.sqlite in the council's workspace, beside the register \
            and apart from it. Passwords are kept as bcrypt hashes. Roles: officer (records and \
            reviews), approver (also signs off, in the sign-off roles given with --sign-off-role), \
            administrator (signs off in any of the council's roles). An account added with \
            --single-sign-on has no password: it signs in only through the council's single-sign-on \
            proxy, named in the configuration's 'serve: trusted-proxy:'.
            """,
        subcommands: [Add.self, List.self, Remove.self, Passwd.self])

    static func store(_ session: HostSession) throws -> SQLiteAccountStore {
        try SQLiteAccountStore(workspace: session.config.workspace)
    }

    /// The password from standard input (`--password-stdin`: its first line), or asked twice at
    /// the terminal without echo; never from the command line, where others could read it.
    static func readPassword(fromStandardInput: Bool) throws -> String {
        let password: String
        if fromStandardInput {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw DiagnosticError.error("--password-stdin: standard input is empty; give the password on its first line")
            }
            password = line
        } else {
            guard isatty(STDIN_FILENO) != 0 else {
                throw DiagnosticError.error(
                    "standard input is not a terminal, so the password cannot be asked",
                    suggestion: "pass --password-stdin and give the password on standard input")
            }
            guard let first = getpass("Password: ").map({ String(cString: $0) }),
                  let second = getpass("Password again: ").map({ String(cString: $0) }) else {
                throw DiagnosticError.error("no password was given")
            }
            guard first == second else { throw DiagnosticError.error("the two passwords differ; nothing was changed") }
            password = first
        }
        if let problem = Passwords.problem(with: password) { throw DiagnosticError.error(problem) }
        return password
    }

    /// The council's own spelling of each role asked for, or every unknown one reported at once.
    static func signOffRoles(_ asked: [String], session: HostSession) throws -> [String] {
        let roles = session.config.signOffRoles
        var found: [String] = []
        var problems = DiagnosticCollector()
        for role in asked {
            if let match = roles.first(where: { $0.caseInsensitiveCompare(role) == .orderedSame }) {
                if !found.contains(match) { found.append(match) }
            } else {
                problems.append(.error(
                    "'\(role)' is not a sign-off role of this council", at: nil, file: session.config.file,
                    suggestion: Suggestion.didYouMean(role, among: roles)
                        ?? "the roles are: \(roles.joined(separator: "; ")) (set them with 'sign-off-roles:')"))
            }
        }
        try problems.throwIfErrors()
        return found
    }

    struct Add: HostCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person who may sign in.")

        @Argument(help: "The name they sign in with; their records and sign-offs are kept under it.")
        var name: String

        @Option(help: "officer, approver or administrator.")
        var role: String

        @Option(name: .customLong("sign-off-role"), help: ArgumentHelp("A sign-off role an approver holds (repeatable), one of the council's 'sign-off-roles:'.", valueName: "role"))
        var signOffRoles: [String] = []

        @Flag(help: "Read the password from the first line of standard input instead of asking at the terminal.")
        var passwordStdin = false

        @Flag(help: "No password: they sign in only through the council's single-sign-on proxy (serve: trusted-proxy: in the configuration), under this name.")
        var singleSignOn = false

        func validate() throws {
            try UsersCommand.validate(name: name)
            if singleSignOn && passwordStdin {
                throw ValidationError("--single-sign-on makes an account with no password; leave out --password-stdin")
            }
            guard let role = Account.Role(rawValue: role) else {
                let roles = Account.Role.allCases.map(\.rawValue)
                throw ValidationError("'\(self.role)' is not a role; use one of \(roles.joined(separator: ", "))"
                    + (Suggestion.didYouMean(self.role, among: roles).map { "; \($0)" } ?? ""))
            }
            if role != .approver && !signOffRoles.isEmpty {
                throw ValidationError("--sign-off-role is for approvers; an \(role.rawValue) \(role == .administrator ? "holds every role" : "signs nothing off")")
            }
            if role == .approver && signOffRoles.isEmpty {
                throw ValidationError("an approver needs at least one --sign-off-role")
            }
        }

        func run(session: HostSession) async throws {
            let roles = try UsersCommand.signOffRoles(signOffRoles, session: session)
            let store = try UsersCommand.store(session)
            if try store.account(named: name) != nil {
                throw DiagnosticError.error("there is already an account named '\(name)'", file: store.path, suggestion: "change its password with 'ethics users passwd \(name)'")
            }
            let hash = singleSignOn ? nil : Passwords.hash(try UsersCommand.readPassword(fromStandardInput: passwordStdin))
            try store.add(Account(name: name, role: Account.Role(rawValue: role) ?? .officer, signOffRoles: roles, passwordHash: hash))
            session.output.line("Added \(name) (\(role)\(roles.isEmpty ? "" : "; signs off as \(roles.joined(separator: ", "))")\(singleSignOn ? "; single sign-on only" : "")).")
            if singleSignOn && session.config.trustedProxy == nil {
                session.errors.line(
                    "warning: \(session.config.file) trusts no single-sign-on proxy, so \(name) cannot sign in yet; add 'serve: trusted-proxy: {address: …, user-header: …}'")
            }
        }
    }

    struct List: HostCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts, their roles and sign-off roles.")

        func run(session: HostSession) async throws {
            let accounts = try UsersCommand.store(session).accounts()
            if accounts.isEmpty {
                session.output.line("No accounts yet; add one with 'ethics users add NAME --role officer'.")
            }
            for account in accounts {
                let roles = account.mayApprove(in: session.config.signOffRoles)
                let signIn = account.singleSignOnOnly ? "single sign-on" : "password"
                session.output.line("\(account.name)\t\(account.role.rawValue)\t\(roles.joined(separator: "; "))\t\(signIn)")
            }
        }
    }

    struct Remove: HostCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an account; what they recorded stays in the register.")

        @Argument(help: "The account's name.")
        var name: String

        func run(session: HostSession) async throws {
            let store = try UsersCommand.store(session)
            guard try store.remove(named: name) else {
                throw DiagnosticError.error("there is no account named '\(name)'", file: store.path,
                                            suggestion: Suggestion.didYouMean(name, among: try store.accounts().map(\.name)))
            }
            session.output.line("Removed \(name). Anyone signed in as \(name) is signed out when the server next checks.")
        }
    }

    struct Passwd: HostCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a new password for an account.")

        @Argument(help: "The account's name.")
        var name: String

        @Flag(help: "Read the password from the first line of standard input instead of asking at the terminal.")
        var passwordStdin = false

        func run(session: HostSession) async throws {
            let store = try UsersCommand.store(session)
            guard var account = try store.account(named: name) else {
                throw DiagnosticError.error("there is no account named '\(name)'", file: store.path,
                                            suggestion: Suggestion.didYouMean(name, among: try store.accounts().map(\.name)))
            }
            if account.singleSignOnOnly {
                throw DiagnosticError.error(
                    "\(name) signs in only through the council's single sign-on, so has no password here", file: store.path,
                    suggestion: "to give them a password instead, remove the account and add it again without --single-sign-on")
            }
            account.passwordHash = Passwords.hash(try UsersCommand.readPassword(fromStandardInput: passwordStdin))
            try store.update(account)
            session.output.line("Changed the password of \(name).")
        }
    }

    static func validate(name: String) throws {
        guard !name.allSatisfy(\.isWhitespace), name.count <= 100 else {
            throw ValidationError("a name needs 1 to 100 characters")
        }
        guard !name.contains(where: \.isNewline), !ControlCharacters.containsAnyControl(name) else {
            throw ValidationError("a name may not contain control characters or line breaks")
        }
        guard name.first?.isWhitespace != true, name.last?.isWhitespace != true else {
            throw ValidationError("a name may not begin or end with a space: '\(name)'")
        }
        // Names that look alike must not be two people on a sign-off: words are parted by one
        // plain space, with no invisible characters.
        guard !name.contains("  "), !name.unicodeScalars.contains(where: {
            ($0.properties.isWhitespace && $0 != " ") || $0.properties.generalCategory == .format
        }) else {
            throw ValidationError("a name's words are parted by single plain spaces, with no invisible characters")
        }
    }
}
