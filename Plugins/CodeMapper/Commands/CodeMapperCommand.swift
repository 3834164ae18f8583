import ArgumentParser
import EthicsCore

/// `ethics code-mapper`: the plugin's command tree.
struct CodeMapperCommand: ParsableCommand {
    static let configuration = CommandConfiguration.plugin(
        CodeMapperPlugin.self,
        discussion: """
            Codes are identified by their ids, such as nolan, bcs, acm, uksa3 or daief (with the \
            earlier editions uksa and def, and any local code the configuration adds); clauses by \
            ids such as bcs.1.a or uksa.T4. 'code-mapper list' shows every code the configuration \
            loads; 'code-mapper crosswalk uksa uksa3' pairs two editions.
            """,
        subcommands: [
            ListCommand.self, ShowCommand.self, MatrixCommand.self, CrosswalkCommand.self,
            GapsCommand.self, ForRoleCommand.self, SearchCommand.self,
        ])
}
