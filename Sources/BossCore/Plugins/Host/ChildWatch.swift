import PluginABI

/// What a running child is checked against at every tick: the job's cancellation (deadline
/// included), the storage quota of its work folder, and the plugin's own `on_tick`.
final class ChildWatch {
    /// Why a child was stopped early.
    enum Reason: String {
        case cancelled, quota, plugin
    }

    let reservation: WorkFolderReservation
    private let control: JobControl
    private var ticks = 0
    /// Set when the quota could not cover the work folder.
    private(set) var quotaFailure: SinkError?

    init(control: JobControl, reservation: WorkFolderReservation) {
        self.control = control
        self.reservation = reservation
    }

    /// The reason to stop the child now, or nil to let it run. The folder is measured every fourth
    /// tick (200 ms): a file cannot outgrow its size limit in between.
    func reasonToStop(tick: () -> Bool) -> String? {
        if control.isCancelled { return Reason.cancelled.rawValue }
        ticks += 1
        if ticks % 4 == 0 {
            do {
                try reservation.update()
            } catch {
                quotaFailure = error
                return Reason.quota.rawValue
            }
        }
        return tick() ? nil : Reason.plugin.rawValue
    }
}
