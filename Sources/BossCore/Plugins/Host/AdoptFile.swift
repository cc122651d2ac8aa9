import PluginABI

/// One `file_adopt` call (boss/job.h): a finished file of the job's work folder joins the job's files
/// by a link instead of a copy, after the checks every sink file passes.
struct AdoptFile {
    var path: String
    var suggestedName: String?

    func perform(in call: ExtractCall) -> boss_status {
        if let refused = call.files.admit(in: call) { return refused }
        do throws(SinkError) {
            let source = try AdoptedFile(path: path, inside: String(cString: call.workDirectory))
            if call.isDryRun {
                call.plan(PlannedDownload(url: "", suggestedName: suggestedName))
                return BOSS_OK
            }
            try call.files.adopt(source, suggestedName: suggestedName, control: call.control)
            return BOSS_OK
        } catch {
            return SinkFailure.record(error, in: call)
        }
    }
}
