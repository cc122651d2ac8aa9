import PluginABI

extension ExtractCall {
    func beginFile(suggestedName: String?, expectedSize: Int64?) -> (boss_status, OpenSinkFile?) {
        let admitted = state.withLock { state in
            guard state.filesBegun < limits.maxFiles else { return false }
            state.filesBegun += 1
            return true
        }
        guard admitted else {
            return (record(BOSS_ERR_TOO_MANY_FILES, "more than \(limits.maxFiles) files in one job"), nil)
        }
        do {
            let file =
                isDryRun ? nil : try sink.begin(suggestedName: suggestedName, expectedSize: expectedSize)
            let open = PluginHandles.files.insert { handle in
                OpenSinkFile(
                    handle: handle, file: file, expectedSize: UInt64(max(expectedSize ?? 0, 0)), context: self
                )
            }
            if isDryRun {
                state.withLock { $0.planned.append(PlannedDownload(url: "", suggestedName: suggestedName)) }
            }
            state.withLock { $0.openFiles[open.handle] = open }
            return (BOSS_OK, open)
        } catch {
            logIfRejected(error)
            return (record(StatusMapping.status(for: error), "\(error)"), nil)
        }
    }

    func write(_ open: OpenSinkFile, _ bytes: UnsafeRawBufferPointer) -> boss_status {
        guard control.isCancelled == false else { return BOSS_ERR_CANCELLED }
        do {
            try open.file?.write(bytes)
        } catch {
            // The sink deleted the partial file: the handle is finished (host.h), later uses are refused.
            forget(open)
            logIfRejected(error)
            return record(StatusMapping.status(for: error), "\(error)")
        }
        let done = open.bytesWritten.add(UInt64(bytes.count), ordering: .relaxed).newValue
        reportProgress(done: done, total: open.expectedSize)
        return BOSS_OK
    }

    /// Ends the file and frees its handle (a no-op when the plugin's call already freed it).
    func end(_ open: OpenSinkFile) -> boss_status {
        forget(open)
        do {
            let stored = try open.file?.finish()
            let size = UInt64(stored?.size ?? 0)
            state.withLock { $0.bytesOfEndedFiles += size }
            return BOSS_OK
        } catch {
            logIfRejected(error)
            return record(StatusMapping.status(for: error), "\(error)")
        }
    }

    /// Aborts the file and frees its handle (a no-op when the plugin's call already freed it).
    func abort(_ open: OpenSinkFile) {
        forget(open)
        open.file?.abort()
    }

    /// Called when extract returned: files the plugin neither ended nor aborted are aborted, and the
    /// job's handle is closed (a plugin that kept it gets BOSS_ERR_INVALID_ARGUMENT from then on).
    func abortOpenFiles() {
        PluginHandles.jobs.remove(handle)
        let leftovers = state.withLock { state in
            defer { state.openFiles.removeAll() }
            return Array(state.openFiles.values)
        }
        if !leftovers.isEmpty {
            logger.warning(
                "plugin left \(leftovers.count) file(s) open; aborted", metadata: ["job": "\(jobID)"])
        }
        for open in leftovers {
            PluginHandles.files.remove(open.handle)
            open.file?.abort()
        }
    }

    private func forget(_ open: OpenSinkFile) {
        state.withLock { _ = $0.openFiles.removeValue(forKey: open.handle) }
        PluginHandles.files.remove(open.handle)
    }

    /// A file the sink refuses for its size or content is a security event for the operator: a site or
    /// a plugin sent something other than what it claimed.
    private func logIfRejected(_ error: any Error) {
        switch error as? SinkError {
        case .tooLarge, .badType:
            logger.warning(
                "security: rejected file: \(error)",
                metadata: ["security_event": "file_rejected", "job": "\(jobID)"])
        default: break
        }
    }
}
