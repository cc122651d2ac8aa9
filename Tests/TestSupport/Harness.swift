/// Something a test starts (a server, the fake Discord, a bot, a runtime over temporary folders) and
/// must stop before the test ends.
public protocol Stoppable: Sendable {
    /// Releases what the value holds: sockets, child processes, folders.
    func stop() async
}

/// Runs `body` with `harness`, then awaits `harness.stop()`, also when `body` throws.
///
/// A stop spawned from a `defer` as an unawaited `Task` would let the next test start while this
/// one's servers and processes are still going.
public func withHarness<Harness: Stoppable, Value>(
    _ harness: Harness, isolation: isolated (any Actor)? = #isolation,
    _ body: (Harness) async throws -> Value
) async throws -> Value {
    let result: Value
    do {
        result = try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
    return result
}

extension Stoppable {
    /// `self` once `setup` has run, or, when `setup` throws, `self` stopped and the error rethrown: for
    /// factories that start a harness and then configure it, so a failed set-up leaves nothing running.
    public func configured(
        isolation: isolated (any Actor)? = #isolation, _ setup: (Self) async throws -> Void
    ) async throws -> Self {
        do {
            try await setup(self)
        } catch {
            await stop()
            throw error
        }
        return self
    }
}

extension TestHTTPServer: Stoppable {}
extension FakeDiscord: Stoppable {}
