import BossNet
import BossProcess
import Foundation
import Logging
import PluginABI
import Synchronization

/// The child processes of one plugin call, run confined (see `ChildConfinement`): the job's egress
/// grant, opened on first use and revoked when the call ends, and the supervised runs themselves.
final class JobChildren: Sendable {
    private let job: JobID
    private let pluginID: String
    private let control: JobControl
    private let quota: StorageQuota
    private let workFolder: String
    private let confinement: ChildConfinement
    private let logger: Logger
    private let egress = Mutex<(grant: EgressGrant, url: String)?>(nil)

    init(
        job: JobID, pluginID: String, control: JobControl, quota: StorageQuota, workFolder: String,
        confinement: ChildConfinement, logger: Logger
    ) {
        self.job = job
        self.pluginID = pluginID
        self.control = control
        self.quota = quota
        self.workFolder = workFolder
        self.confinement = confinement
        self.logger = logger
    }

    deinit { close() }

    /// The proxy URL with this job's credentials; nil when there is no proxy or it cannot start.
    func proxyURL() -> String? {
        guard let proxy = confinement.proxy else { return nil }
        return egress.withLock { current in
            if let current { return current.url }
            do {
                let opened = try proxy.grant(
                    job: "\(job)", plugin: pluginID, byteBudget: confinement.byteBudget
                ) { [control] in control.isCancelled }
                current = opened
                return opened.url
            } catch {
                logger.error("egress proxy could not start: \(error)")
                return nil
            }
        }
    }

    /// Revokes the job's egress grant: its tunnels close, its credentials stop working.
    func close() {
        guard let grant = egress.withLock({ $0.take() })?.grant else { return }
        confinement.proxy?.revoke(grant)
    }

    /// Runs the call's child to its end under the confinement; the status, and the child's exit code
    /// when it ran.
    func run(_ call: PluginProcessCall) -> ChildRunReport {
        for folder in [workFolder] + ChildEnvironment.folders(workFolder: workFolder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let proxy = call.usesNetwork ? proxyURL() : nil
        if call.usesNetwork && proxy == nil {
            return .failed(BOSS_ERR_DEPENDENCY, "The bot could not give this tool network access.")
        }
        let command = ChildCommand(
            executable: call.arguments[0], arguments: Array(call.arguments.dropFirst()),
            environment: ChildEnvironment.make(
                workFolder: workFolder, searchPath: confinement.searchPath, proxy: proxy),
            workingDirectory: workFolder, standardOutput: call.standardOutput.map(inWorkFolder),
            standardError: call.standardError.map(inWorkFolder), fileSizeLimit: confinement.fileSizeLimit)
        let tool = (call.arguments[0] as NSString).lastPathComponent
        let watch = ChildWatch(
            control: control, reservation: WorkFolderReservation(folder: workFolder, quota: quota))
        let supervise = { ChildSupervisor().run(command) { watch.reasonToStop(tick: call.tick) } }
        let outcome =
            ToolGate.mediaToolNames.contains(tool)
            ? ToolGate.mediaTools.run(isCancelled: { [control] in control.isCancelled }, supervise)
            : supervise()
        watch.reservation.releaseAll()
        var report = ChildRunReport(
            outcome: outcome, tool: tool,
            oversized: ChildRunReport.hasFile(in: workFolder, atLeast: confinement.fileSizeLimit),
            limitBytes: confinement.fileSizeLimit)
        if report.status == BOSS_OK, report.exitCode != 0,
            let host = egress.withLock({ $0?.grant.refusedHost })
        {
            report = .failed(
                BOSS_ERR_BLOCKED_ADDRESS,
                "The link led \(tool) to \(host), a private or local network address.")
        }
        logger.debug("\(tool) ended: \(report)", metadata: ["job": "\(job)"])
        if report.status != BOSS_OK && report.status != BOSS_ERR_CANCELLED {
            removeWorkFiles(
                keeping: [call.standardOutput, call.standardError].compactMap { $0.map(inWorkFolder) })
        }
        return report
    }

    private func inWorkFolder(_ path: String) -> String {
        path.hasPrefix("/") ? path : workFolder + "/" + path
    }

    /// What the child wrote is gone when its run failed (its output logs stay, for the plugin to read).
    private func removeWorkFiles(keeping kept: [String]) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: workFolder)) ?? [] {
            let path = workFolder + "/" + entry
            if !kept.contains(path) { try? FileManager.default.removeItem(atPath: path) }
        }
    }
}
