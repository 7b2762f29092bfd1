import Foundation

// `seedance-fuzz TARGET [libFuzzer options] [corpus dirs]`: picks the entry point, then hands the
// rest of the command line to libFuzzer's driver (our `main` keeps libFuzzer's own out of the link).
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzTargets.Entry
) -> Int32

let arguments = CommandLine.arguments
guard arguments.count >= 2, let entry = FuzzTargets.all[arguments[1]] else {
    let names = FuzzTargets.all.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: seedance-fuzz TARGET [libFuzzer options]; targets: \(names)\n".utf8))
    exit(64)
}
selectedTarget = entry
var driverArguments: [UnsafeMutablePointer<CChar>?] = ([arguments[0]] + arguments.dropFirst(2)).map { strdup($0) } + [nil]
var count = Int32(driverArguments.count - 1)
let status = driverArguments.withUnsafeMutableBufferPointer { buffer in
    var base = buffer.baseAddress
    return llvmFuzzerRunDriver(&count, &base, entry)
}
exit(status)
