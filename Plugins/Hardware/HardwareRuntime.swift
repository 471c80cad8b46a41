import Logging
import Synchronization
import SupervisorKernel
import UdevBridge

/// What the plugin shares between setup, its routes and its hotplug service.
final class HardwareRuntime: Sendable {
    private struct State {
        var bus: EventBus?
        var logger = Logger(label: "supervisor.hardware")
        var monitor: UdevMonitor?
        var monitorHandedOut = false
        var stopped = false
    }

    private let state = Mutex(State())
    /// Serialises `openMonitor`: start() and the hotplug service both ask, and only one may open.
    private let opening = Mutex(())

    func configure(_ context: PluginContext) {
        state.withLock { state in
            state.bus = context.bus
            state.logger = context.logger
            state.stopped = false
        }
    }

    var logger: Logger { state.withLock { $0.logger } }
    var bus: EventBus? { state.withLock { $0.bus } }

    /// Allows the monitor to open again after a stop.
    func resume() { state.withLock { $0.stopped = false } }

    /// Opens the hotplug monitor if it is not open yet: udevd's events when udevd runs, else the
    /// kernel's. Logs and returns `false` when neither socket can be opened.
    @discardableResult
    func openMonitor() -> Bool {
        opening.withLock { _ in openMonitorOnce() }
    }

    private func openMonitorOnce() -> Bool {
        let (needed, logger) = state.withLock { ($0.monitor == nil && !$0.stopped, $0.logger) }
        guard needed else { return state.withLock { $0.monitor != nil } }
        var opened: UdevMonitor?
        let sources: [UdevMonitor.Source] = UdevMonitor.Source.preferred == .udev ? [.udev, .kernel] : [.kernel]
        for source in sources where opened == nil {
            do {
                opened = try UdevMonitor(source: source)
                logger.info("Hardware monitor started", metadata: ["source": "\(source.rawValue)"])
            } catch {
                logger.warning("Cannot open the hardware monitor", metadata: [
                    "source": "\(source.rawValue)", "error": "\(error)"])
            }
        }
        guard let opened else {
            logger.warning("No hotplug events; devices are still listed from sysfs")
            return false
        }
        let kept = state.withLock { state -> Bool in
            guard state.monitor == nil, !state.stopped else { return false }
            state.monitor = opened
            return true
        }
        if !kept { opened.cancel() }
        return true
    }

    /// The open monitor for the one service that pumps it; `nil` when there is none or it was taken.
    func takeMonitorForPump() -> UdevMonitor? {
        state.withLock { state in
            guard let monitor = state.monitor, !state.monitorHandedOut else { return nil }
            state.monitorHandedOut = true
            return monitor
        }
    }

    /// Closes the monitor, which ends the pump.
    func closeMonitor() {
        let monitor = state.withLock { state -> UdevMonitor? in
            state.stopped = true
            defer {
                state.monitor = nil
                state.monitorHandedOut = false
            }
            return state.monitor
        }
        monitor?.cancel()
    }
}
