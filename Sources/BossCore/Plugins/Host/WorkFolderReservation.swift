import Foundation

/// Keeps a work folder counted against the storage quota while a child writes into it: the
/// reservation follows what the folder holds, so a tool cannot fill the disk past the quota
/// behind the sink's back.
final class WorkFolderReservation {
    private let folder: String
    private let quota: StorageQuota
    private var reserved: Int64 = 0

    init(folder: String, quota: StorageQuota) {
        self.folder = folder
        self.quota = quota
    }

    /// Measures the folder and reserves what it grew by (or releases what it shrank by); throws when
    /// the quota cannot cover it.
    func update() throws(SinkError) {
        let size = StorageQuota.measure(directory: folder)
        if size > reserved {
            try quota.reserve(size - reserved)
        } else if size < reserved {
            quota.release(reserved - size)
        }
        reserved = size
    }

    /// Gives the whole reservation back (the child has ended).
    func releaseAll() {
        quota.release(reserved)
        reserved = 0
    }

    deinit { quota.release(reserved) }
}
