public import ArgumentParser
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

    /// The sign-offs kept in a record's history: each `approve` step, with the day it was kept.
    public static func signOffs(in history: [RecordVersion]) -> [SignOff] {
        history.compactMap { version in
            guard let step = version.step, step.action == .approve else { return nil }
            return SignOff(role: step.role ?? "", name: step.by, date: version.created.formatted(.iso8601.year().month().day()))
        }
    }

    /// The rows of the sign-off table: every sign-off, then each configured role still awaited.
    public var signOffRows: [SignOff] {
        let signed = Set(signOffs.map(\.role))
        return signOffs + roles.filter { !signed.contains($0) }.map { SignOff(role: $0, name: "Awaited", date: "") }
    }
}

/// `--report-number`, `--meeting`, `--meeting-date` and `--paper-author`: the command line's part of
/// a committee paper's frame. Given any of them, the document becomes a committee paper; the
/// council's configuration (`committee-paper:`) supplies what the command line leaves out.
public struct CommitteePaperOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("report-number"), help: ArgumentHelp("Make it a committee paper with this report number.", valueName: "number"))
    public var reportNumber: String?

    @Option(help: ArgumentHelp("The meeting the paper goes to (committee paper).", valueName: "name"))
    public var meeting: String?

    @Option(name: .customLong("meeting-date"), help: ArgumentHelp("The meeting's date (committee paper).", valueName: "YYYY-MM-DD"))
    public var meetingDate: String?

    @Option(name: .customLong("paper-author"), help: ArgumentHelp("The paper's author (committee paper).", valueName: "name"))
    public var author: String?

    public init() {}

    /// Whether any option asks for a committee paper.
    public var wantsPaper: Bool {
        reportNumber != nil || meeting != nil || meetingDate != nil || author != nil
    }

    /// The frame, the command line's values first, then the council's; nil unless asked for.
    public func paper(defaults: CommitteePaper, signOffs: [CommitteePaper.SignOff]) -> CommitteePaper? {
        guard wantsPaper else { return nil }
        return CommitteePaper(
            reportNumber: reportNumber ?? defaults.reportNumber, meeting: meeting ?? defaults.meeting,
            meetingDate: meetingDate ?? defaults.meetingDate, author: author ?? defaults.author,
            signOffs: signOffs, roles: defaults.roles)
    }
}
