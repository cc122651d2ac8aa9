import Foundation
import PluginABI

/// The host's services for one job, wrapped for Swift callers. Valid only during `extract`.
public struct JobHost {
    /// The C table, for services PluginKit does not wrap.
    public let host: UnsafePointer<boss_host>
    /// The job's handle, valid until `extract` returns.
    public let job: OpaquePointer

    /// The services of `job` in the table `host`.
    public init(host: UnsafePointer<boss_host>, job: OpaquePointer) {
        self.host = host
        self.job = job
    }

    /// The same table outside the job: log, settings, which services the host has.
    public var plugin: PluginHost { PluginHost(host) }

    /// Whether the user or the host cancelled the job: return `BOSS_ERR_CANCELLED` soon.
    public var isCancelled: Bool { host.pointee.is_cancelled(job) != 0 }

    /// A dry run only records the media URLs (`fetch_to_file` fetches nothing).
    public var isDryRun: Bool { host.pointee.job_flags(job) & BOSS_JOB_DRY_RUN != 0 }

    /// The job's private scratch folder (the host deletes it when extract returns).
    public var workDirectory: String? { host.pointee.work_dir(job).map { String(cString: $0) } }

    /// A line in the operator's log, tagged with the plugin's id.
    public func log(_ level: boss_log_level, _ message: String) { plugin.log(level, message) }

    /// The plugin's setting `key`, or nil.
    public func config(_ key: String) -> String? { plugin.config(key) }

    /// What the requester asked for (`audio`, `quality`, `max_bytes`); nil when unset or when the host
    /// predates `job_option`.
    public func option(_ key: String) -> String? {
        guard plugin.provides(\.job_option) else { return nil }
        return host.pointee.job_option(job, key).map { String(cString: $0) }
    }

    /// Describes the media (`title`, `author`, `source_url`, `nsfw`, `note`) for the message.
    public func setMetadata(_ key: String, _ value: String) { _ = host.pointee.set_metadata(job, key, value) }

    /// Records `detail` for the user and passes `status` through, so failures read as one line.
    public func fail(_ status: boss_status, _ detail: String) -> boss_status {
        _ = host.pointee.set_error_detail(job, detail)
        return status
    }

    /// Records why a request to `api` (e.g. "Reddit's API") failed, and passes its status through.
    public func fail(_ response: HostHTTP.Response, api: String) -> boss_status {
        let why = response.httpStatus == 0 ? "could not be reached" : "failed (HTTP \(response.httpStatus))"
        return fail(response.status, "\(api) \(why).")
    }

    /// Bytes done of the job, and expected (0: unknown).
    public func progress(_ done: UInt64, of total: UInt64 = 0) { host.pointee.progress(job, done, total) }

    /// `http_get` of `url` straight into the sink (a dry run only records it).
    public func fetchToFile(_ url: String, name: String?) -> boss_status {
        host.pointee.fetch_to_file(job, url, nil, name)
    }

    /// Hands the job to whichever plugin claims `url`; return right after.
    public func redirect(_ url: String) -> boss_status { host.pointee.redirect(job, url) }

    /// GETs `url` into memory; bodies over `limit` fail with TOO_LARGE (API answers are small).
    public func get(_ url: String, limit: UInt64 = 8 << 20) -> (HostHTTP.Response, [UInt8]) {
        var body: [UInt8] = []
        let response = request(url, method: BOSS_HTTP_GET, limit: limit) { chunk in
            body.append(contentsOf: chunk)
            return true
        }
        return (response, body)
    }

    /// A HEAD probe: whether `url` exists, its size and where it redirects to.
    public func head(_ url: String) -> HostHTTP.Response {
        request(url, method: BOSS_HTTP_HEAD, limit: 0, receive: nil)
    }

    /// Performs one request; `receive` gets the body in chunks and returns false to stop it.
    public func request(
        _ url: String, method: boss_http_method, limit: UInt64,
        receive: ((UnsafeBufferPointer<UInt8>) -> Bool)?
    ) -> HostHTTP.Response {
        HostHTTP(host: host, job: job).request(url, method: method, limit: limit, receive: receive)
    }

    /// Downloads `url` into the local file `path`, for tools that need files (ffmpeg).
    public func download(_ url: String, to path: String) -> boss_status {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { return fail(BOSS_ERR_INTERNAL, "Could not create a temporary file.") }
        defer { try? handle.close() }
        let response = request(url, method: BOSS_HTTP_GET, limit: 0) { chunk in
            (try? handle.write(contentsOf: Data(buffer: chunk))) != nil
        }
        return response.status
    }

    /// The runner of this job's tools (`run_process`), confined by the host.
    public var process: HostProcess { HostProcess(host: host, job: job) }

    /// Streams the local file `path` into the sink as one media file named `name` (by default the
    /// file's own name); `size` when the caller knows it, else it is read from the file.
    public func stream(_ path: String, name: String? = nil, size: UInt64? = nil) -> boss_status {
        SinkUpload(host: host, job: job).send(path, name: name, size: size)
    }
}
