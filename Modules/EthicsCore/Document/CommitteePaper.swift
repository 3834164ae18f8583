public import ArgumentParser
public import EthicsDiagnostics
import Foundation

/// The frame that makes a document a committee paper: its report number, the meeting it goes to
/// and when, its author, and who signed it off. Written by every renderer the same way (see
/// `framed` in EthicsRender): the details under the title and a sign-off table before the body;
/// JSON keeps it as it is.
public struct CommitteePaper: Hashable, Sendable, Codable {
    /// One sign-off: the role, the person and the day (`YYYY-MM-DD`), from `records approve`.
    public struct SignOff: Hashable, Sendable, Codable {
        public var role: String
        public var name: String
        public var date: String

        public init(role: String, name: String, date: String) {
            self.role = role
            self.name = name
            self.date = date
        }
    }

    public var reportNumber: String?
    public var meeting: String?
    /// The meeting's date, as written (`2027-01-14`).
    public var meetingDate: String?
    public var author: String?
    public var signOffs: [SignOff]
    /// The register's journal head (`SEQ:HASH`) when the paper was made, for a reader to check the
    /// register against later (`ethics records verify --expect-head`); nil where it is not known.
    public var registerHead: String?
    /// The roles a paper of this council is signed in (`sign-off-roles:`); a role without a
    /// sign-off yet is shown as awaited, so a missing signature is visible.
    public var roles: [String]

    public init(
        reportNumber: String? = nil, meeting: String? = nil, meetingDate: String? = nil, author: String? = nil,
        signOffs: [SignOff] = [], roles: [String] = []
    ) {
        self.reportNumber = reportNumber
        self.meeting = meeting
        self.meetingDate = meetingDate
        self.author = author
        self.signOffs = signOffs
        self.roles = roles
    }

    /// The sign-offs that stand in a record's history (``LifecycleStep/standingSignOffs(in:)``:
    /// those since its content last changed), each dated the council's day it was kept.
    public static func signOffs(in history: [RecordVersion], clock: CouncilClock) -> [SignOff] {
        LifecycleStep.standingSignOffs(in: history).compactMap { version in
            version.step.map { SignOff(role: $0.role ?? "", name: $0.by, date: clock.day(of: version.updated).description) }
        }
    }

    /// This frame (the details a front end was given) completed by the council's: each detail
    /// given wins, the configuration supplies the rest, and the council's roles list the
    /// sign-offs awaited.
    public func completed(by defaults: CommitteePaper, signOffs: [SignOff]) -> CommitteePaper {
        CommitteePaper(
            reportNumber: reportNumber ?? defaults.reportNumber, meeting: meeting ?? defaults.meeting,
            meetingDate: meetingDate ?? defaults.meetingDate, author: author ?? defaults.author,
            signOffs: signOffs, roles: defaults.roles)
    }

    /// This frame completed by the council's `defaults`, signed off as `history` (a record's
    /// versions) stood at `version`: the one way every front end frames a record's paper.
    public func completed(by defaults: CommitteePaper, history: [RecordVersion], through version: Int, clock: CouncilClock) -> CommitteePaper {
        completed(by: defaults, signOffs: Self.signOffs(in: history.filter { $0.version <= version }, clock: clock))
    }

    /// The rows of the sign-off table: every sign-off, then each configured role still awaited.
    public var signOffRows: [SignOff] {
        let signed = Set(signOffs.map(\.role))
        return signOffs + roles.filter { !signed.contains($0) }.map { SignOff(role: $0, name: "Awaited", date: "") }
    }
}

/// The options that ask for a committee paper, one list for the command line's commands
/// (``CommitteePaperOptions``) and for operations (``OperationArguments``), so both take the same
/// names with the same help.
public enum CommitteePaperOption: String, CaseIterable, Sendable {
    case reportNumber = "report-number"
    case meeting
    case meetingDate = "meeting-date"
    case author = "paper-author"

    public var help: ArgumentHelp {
        switch self {
        case .reportNumber: ArgumentHelp("Make it a committee paper with this report number.", valueName: "number")
        case .meeting: ArgumentHelp("The meeting the paper goes to (committee paper).", valueName: "name")
        case .meetingDate: ArgumentHelp("The meeting's date (committee paper).", valueName: "YYYY-MM-DD")
        case .author: ArgumentHelp("The paper's author (committee paper).", valueName: "name")
        }
    }

    /// Sets this detail of `paper` to `value`; a meeting date that is not a date is refused.
    public func set(_ value: String, in paper: inout CommitteePaper) throws(DiagnosticError) {
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .error("--\(rawValue) is empty", suggestion: "give it a value, or leave the option out for the council's")
        }
        switch self {
        case .reportNumber: paper.reportNumber = value
        case .meeting: paper.meeting = value
        case .meetingDate:
            guard CalendarDate(value) != nil else {
                throw .error("--meeting-date: '\(value)' is not a date", suggestion: "write it as YYYY-MM-DD, such as 2027-01-14")
            }
            paper.meetingDate = value
        case .author: paper.author = value
        }
    }
}

/// `--report-number`, `--meeting`, `--meeting-date` and `--paper-author`: the command line's part of
/// a committee paper's frame. Given any of them, the document becomes a committee paper; the
/// council's configuration (`committee-paper:`) supplies what the command line leaves out.
public struct CommitteePaperOptions: ParsableArguments, Sendable {
    @Option(name: .customLong(CommitteePaperOption.reportNumber.rawValue), help: CommitteePaperOption.reportNumber.help)
    var reportNumber: String?

    @Option(name: .customLong(CommitteePaperOption.meeting.rawValue), help: CommitteePaperOption.meeting.help)
    var meeting: String?

    @Option(name: .customLong(CommitteePaperOption.meetingDate.rawValue), help: CommitteePaperOption.meetingDate.help)
    var meetingDate: String?

    @Option(name: .customLong(CommitteePaperOption.author.rawValue), help: CommitteePaperOption.author.help)
    var author: String?

    public init() {}

    /// The frame these options ask for, or nil when none is given: the document stays as it is.
    /// Read it before any work is kept, so a bad meeting date stops the command first.
    public var asked: CommitteePaper? {
        get throws(DiagnosticError) {
            let given: [(CommitteePaperOption, String?)] = [
                (.reportNumber, reportNumber), (.meeting, meeting), (.meetingDate, meetingDate), (.author, author),
            ]
            guard given.contains(where: { $0.1 != nil }) else { return nil }
            var paper = CommitteePaper()
            for case (let option, let value?) in given { try option.set(value, in: &paper) }
            return paper
        }
    }
}

extension PluginContext {
    /// `document` made a committee paper with the details `asked` gives, completed from the
    /// council's configuration; the sign-offs are those the register keeps for the record version
    /// the document shows (``Document/record``), up to that version. Unchanged when nothing is asked.
    public func framed(_ document: Document, as asked: CommitteePaper?) async throws -> Document {
        guard let asked else { return document }
        var framed = document
        if let shown = document.record {
            framed.paper = asked.completed(
                by: model.paperDefaults, history: try await register.history(of: shown.id), through: shown.version, clock: clock)
        } else {
            framed.paper = asked.completed(by: model.paperDefaults, signOffs: [])
        }
        return framed
    }
}
