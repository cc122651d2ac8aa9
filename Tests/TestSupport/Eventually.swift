/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held. The
/// default is generous: a loaded 2-core CI machine can stall a step for seconds, and a condition that
/// holds returns at once.
public func eventually(within timeout: Duration = .seconds(15), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
