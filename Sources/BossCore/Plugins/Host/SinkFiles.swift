import Logging
import PluginABI
import Synchronization

/// The sink files one extract call opened (`file_begin` .. `file_end`/`file_abort`) or took in whole
/// (`file_adopt`): their handles, the per-job file limit, and the progress they add up to. In a dry run no file is written: bytes are
/// counted and dropped, and each file is noted as planned.
final class SinkFiles: Sendable {
    private let sink: MediaSink
    private let maxFiles: Int
    private let state = Mutex(State())

    private struct State {
        var open: [UInt64: OpenSinkFile] = [:]
        var begun = 0
        var bytesOfEndedFiles: UInt64 = 0
    }

    init(sink: MediaSink, maxFiles: Int) {
        self.sink = sink
        self.maxFiles = maxFiles
    }

    func begin(suggestedName: String?, expectedSize: Int64?, in call: ExtractCall) -> (
        boss_status, OpenSinkFile?
    ) {
        if let refused = admit(in: call) { return (refused, nil) }
        do {
            let file =
                call.isDryRun ? nil : try sink.begin(suggestedName: suggestedName, expectedSize: expectedSize)
            let open = PluginHandles.files.insert { handle in
                OpenSinkFile(
                    handle: handle, file: file, expectedSize: UInt64(max(expectedSize ?? 0, 0)), call: call)
            }
            if call.isDryRun { call.plan(PlannedDownload(url: "", suggestedName: suggestedName)) }
            state.withLock { $0.open[open.handle] = open }
            return (BOSS_OK, open)
        } catch {
            return (SinkFailure.record(error, in: call), nil)
        }
    }

    func write(_ open: OpenSinkFile, _ bytes: UnsafeRawBufferPointer, in call: ExtractCall) -> boss_status {
        guard call.control.isCancelled == false else { return BOSS_ERR_CANCELLED }
        do {
            try open.file?.write(bytes)
        } catch {
            // The sink deleted the partial file: the handle is finished (host.h), later uses are refused.
            forget(open)
            return SinkFailure.record(error, in: call)
        }
        reportProgress(done: open.wrote(bytes.count), total: open.expectedSize, control: call.control)
        return BOSS_OK
    }

    /// Ends the file and frees its handle (a no-op when the plugin's call already freed it).
    func end(_ open: OpenSinkFile, in call: ExtractCall) -> boss_status {
        forget(open)
        do {
            let stored = try open.file?.finish()
            state.withLock { $0.bytesOfEndedFiles += UInt64(stored?.size ?? 0) }
            return BOSS_OK
        } catch {
            return SinkFailure.record(error, in: call)
        }
    }

    /// Takes a finished file in whole (`file_adopt`, through `AdoptFile`): counted like an ended file.
    func adopt(_ source: AdoptedFile, suggestedName: String?, control: JobControl) throws(SinkError) {
        let stored = try sink.adopt(source, suggestedName: suggestedName)
        state.withLock { $0.bytesOfEndedFiles += UInt64(stored.size) }
        reportProgress(done: 0, total: 0, control: control)
    }

    /// Aborts the file and frees its handle (a no-op when the plugin's call already freed it).
    func abort(_ open: OpenSinkFile) {
        forget(open)
        open.file?.abort()
    }

    /// Progress of the job: the ended files plus `done` of the current one.
    func reportProgress(done: UInt64, total: UInt64, control: JobControl) {
        let base = state.withLock { $0.bytesOfEndedFiles }
        control.report(JobProgress(done: base + done, total: total == 0 ? 0 : base + total))
    }

    /// Aborts the files the plugin neither ended nor aborted (extract returned).
    func abortAll(logger: Logger, job: JobID) {
        let leftovers = state.withLock { state in
            defer { state.open.removeAll() }
            return Array(state.open.values)
        }
        if !leftovers.isEmpty {
            logger.warning(
                "plugin left \(leftovers.count) file(s) open; aborted", metadata: ["job": "\(job)"])
        }
        for open in leftovers {
            PluginHandles.files.remove(open.handle)
            open.file?.abort()
        }
    }

    /// Counts one more file of the job, or the status refusing it (the job's file limit).
    func admit(in call: ExtractCall) -> boss_status? {
        let admitted = state.withLock { state in
            guard state.begun < maxFiles else { return false }
            state.begun += 1
            return true
        }
        return admitted ? nil : call.record(BOSS_ERR_TOO_MANY_FILES, "more than \(maxFiles) files in one job")
    }

    private func forget(_ open: OpenSinkFile) {
        state.withLock { _ = $0.open.removeValue(forKey: open.handle) }
        PluginHandles.files.remove(open.handle)
    }
}
