import EthicsCore
import EthicsHost
import EthicsWeb
import Glibc

// The whole executable: the host does the work; the generated registry says which plugins exist.
// It runs on the main thread (the modules' async functions run where they are called from), so
// that thread must hear Ctrl-C whatever its parent blocked.
ProcessSignals.unblockEndingSignals()
OutputSink.occupyClosedStandardStreams()
let status = await EthicsMain.run(
    plugins: registeredPlugins,
    hostCommands: WebCommands.all,
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessEnvironment.current())
exit(OutputSink.standardOutputStatus(after: status))
