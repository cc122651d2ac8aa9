import Synchronization

/// Opaque handles for host objects a plugin holds, in place of pointers. A handle is a slot index and
/// the slot's generation: once freed, a handle finds nothing (the slot's generation moved on), and a
/// forged one finds nothing either, so a plugin's mistake can never make the host touch freed memory.
final class HandleTable<Object: AnyObject & Sendable>: Sendable {
    private struct Slot {
        var generation: UInt32 = 1
        var object: Object?
    }

    private struct State {
        var slots: [Slot] = []
        var free: [Int] = []
    }

    private let state = Mutex(State())

    /// An empty table.
    init() {}

    /// Stores the object `make` builds for its new handle (never 0, which plugins read as NULL).
    func insert(_ make: (UInt64) -> Object) -> Object {
        state.withLock { state in
            let index: Int
            if let reused = state.free.popLast() {
                index = reused
            } else {
                index = state.slots.count
                state.slots.append(Slot())
            }
            let object = make(UInt64(state.slots[index].generation) << 32 | UInt64(index + 1))
            state.slots[index].object = object
            return object
        }
    }

    /// Stores an existing object; returns its new handle.
    func add(_ object: Object) -> UInt64 {
        var handle: UInt64 = 0
        _ = insert { new in
            handle = new
            return object
        }
        return handle
    }

    /// The live object behind `handle`, when `accept` takes it.
    func lookup(_ handle: UInt64, if accept: (Object) -> Bool = { _ in true }) -> Object? {
        state.withLock { state in
            Self.locate(handle, in: state).flatMap { state.slots[$0].object }.flatMap {
                accept($0) ? $0 : nil
            }
        }
    }

    /// Frees `handle` when it is live and `accept` takes its object, which it returns.
    @discardableResult
    func remove(_ handle: UInt64, if accept: (Object) -> Bool = { _ in true }) -> Object? {
        state.withLock { state in
            guard let index = Self.locate(handle, in: state), let object = state.slots[index].object,
                accept(object)
            else { return nil }
            state.slots[index].object = nil
            state.slots[index].generation = max(state.slots[index].generation &+ 1, 1)
            state.free.append(index)
            return object
        }
    }

    /// Live handles (for tests and leak checks).
    var count: Int { state.withLock { $0.slots.count - $0.free.count } }

    private static func locate(_ handle: UInt64, in state: State) -> Int? {
        let index = Int(handle & 0xFFFF_FFFF) - 1
        guard index >= 0, index < state.slots.count, state.slots[index].generation == UInt32(handle >> 32),
            state.slots[index].object != nil
        else { return nil }
        return index
    }
}
