import EthicsCore
import EthicsHost
import EthicsYAML
import Foundation
import Synchronization

/// Runs one fuzz target: under libFuzzer when built with `-DFUZZING -sanitize=fuzzer`, otherwise
/// as a replayer of the files (or folders of files) named on its command line, which is how a
/// crash libFuzzer saved is checked again after a fix.
public enum FuzzDriver {
    public static func main(_ target: FuzzTarget) -> Never {
        let runner: FuzzRunner
        do {
            runner = try FuzzRunner(target: target)
        } catch {
            FileHandle.standardError.write(Data("fuzz-\(target.rawValue): cannot set up its workspace: \(error)\n".utf8))
            exit(2)
        }
        #if FUZZING
        current.withLock { $0 = runner }
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let runner = current.withLock { $0 }!
            runner.run(UnsafeBufferPointer(start: data, count: size))
            return 0
        }
        runner.workspace.remove()
        exit(status)
        #else
        var replayed = 0
        for argument in CommandLine.arguments.dropFirst() {
            for file in files(at: argument) {
                guard let bytes = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("fuzz-\(target.rawValue): cannot read \(file)\n".utf8))
                    exit(2)
                }
                let status = Array(bytes).withUnsafeBufferPointer { runner.run($0) }
                print("\(file): exit \(status)")
                replayed += 1
            }
        }
        runner.workspace.remove()
        print("fuzz-\(target.rawValue): \(replayed) inputs replayed, none crashed")
        exit(0)
        #endif
    }

    /// The files at `path`: the file itself, or every file in the folder, in name order.
    static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }
    }
}

#if FUZZING
/// The runner libFuzzer's C callback reaches, set once before the driver starts.
private let current = Mutex<FuzzRunner?>(nil)

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
