import CCurl
import Synchronization

/// Idle libcurl easy handles kept for reuse: a handle keeps its connections open, so the next request
/// to the same origin skips the TCP and TLS handshakes (Discord's REST API gets many small requests).
/// Only for requests without address pinning: a pinned entry would stay in the handle's DNS cache.
public final class CurlHandlePool: Sendable {
    /// An idle handle; handles move between threads, but only one thread uses a handle at a time.
    private struct Handle: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }
    private let idle = Mutex<[Handle]>([])
    private let capacity: Int

    /// A pool keeping at most `capacity` idle handles.
    public init(capacity: Int = 8) { self.capacity = capacity }

    deinit {
        for handle in idle.withLock({ $0 }) { curl_easy_cleanup(handle.pointer) }
    }

    /// An idle handle with its options reset (connections and caches kept), or a new one.
    func checkOut() -> UnsafeMutableRawPointer? {
        if let handle = idle.withLock({ $0.popLast() }) {
            curl_easy_reset(handle.pointer)
            return handle.pointer
        }
        _ = CurlEasy.globalInit
        return curl_easy_init()
    }

    /// Returns a handle after its transfer; beyond the capacity it is closed.
    func checkIn(_ pointer: UnsafeMutableRawPointer) {
        let kept = idle.withLock { idle -> Bool in
            guard idle.count < capacity else { return false }
            idle.append(Handle(pointer: pointer))
            return true
        }
        if !kept { curl_easy_cleanup(pointer) }
    }
}
