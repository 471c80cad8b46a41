#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CUdev
import Foundation
import Synchronization

/// Hotplug events from a netlink socket, received on a dedicated thread.
///
/// The socket is bound before `init` returns, so every event the kernel sends afterwards is
/// delivered. The libudev handles belong to the receiving thread alone; other threads only signal
/// an eventfd to stop it.
public final class UdevMonitor: Sendable {
    /// Where events come from.
    public enum Source: String, Sendable, CaseIterable {
        /// udevd's events: after rules ran, with the database's properties and links.
        case udev
        /// The kernel's raw uevents: works without udevd, before nodes and links exist.
        case kernel

        /// `udev` when udevd runs, else `kernel`.
        public static var preferred: Source { Udev.isDaemonRunning ? .udev : .kernel }
    }

    public let source: Source
    /// The subsystems events are filtered to; empty means all.
    public let subsystems: [String]
    /// The events, for one consumer. Ends when the monitor is cancelled.
    public let events: AsyncStream<UdevEvent>

    private let core: MonitorCore

    /// Opens and binds the netlink socket and starts the receiving thread.
    ///
    /// Throws when the socket cannot be opened or bound (e.g. no permission for netlink).
    public init(
        source: Source = .preferred, subsystems: [String] = [], attributes: [String] = UdevQuery.commonAttributes,
        bufferLimit: Int = 4096
    ) throws(UdevError) {
        self.source = source
        self.subsystems = subsystems
        let core = try MonitorCore(source: source, subsystems: subsystems)
        let (stream, continuation) = AsyncStream<UdevEvent>.makeStream(bufferingPolicy: .bufferingNewest(bufferLimit))
        continuation.onTermination = { _ in core.cancel() }
        self.core = core
        self.events = stream
        let completeLinks = source == .kernel
        let thread = Thread {
            let links = completeLinks ? DevLinkIndexCache() : nil
            core.receive(attributes: attributes, links: links) { continuation.yield($0) }
            continuation.finish()
        }
        thread.name = "udev-monitor"
        thread.start()
    }

    /// Stops the receiving thread and ends `events`. Safe to call more than once, from any thread.
    public func cancel() { core.cancel() }

    deinit { core.cancel() }
}

/// The libudev context, monitor and wake fd. Only the receiving thread touches the libudev handles.
private final class MonitorCore: @unchecked Sendable {
    private let udev: OpaquePointer
    private let monitor: OpaquePointer
    private let wakeFD: Int32
    private let cancelled = Atomic<Bool>(false)

    init(source: UdevMonitor.Source, subsystems: [String]) throws(UdevError) {
        guard let udev = udev_new() else { throw UdevError("udev_new", code: errno) }
        guard let monitor = udev_monitor_new_from_netlink(udev, source.rawValue) else {
            let code = errno
            udev_unref(udev)
            throw UdevError("udev_monitor_new_from_netlink(\(source.rawValue))", code: code)
        }
        func fail(_ operation: String, _ code: Int32) -> UdevError {
            udev_monitor_unref(monitor)
            udev_unref(udev)
            return UdevError(operation, code: code)
        }
        for subsystem in subsystems {
            let status = udev_monitor_filter_add_match_subsystem_devtype(monitor, subsystem, nil)
            if status < 0 { throw fail("udev_monitor_filter_add_match_subsystem_devtype", -status) }
        }
        // A larger buffer rides out bursts (e.g. a hub with many ports); failure is harmless.
        _ = udev_monitor_set_receive_buffer_size(monitor, 4 * 1024 * 1024)
        let status = udev_monitor_enable_receiving(monitor)
        if status < 0 { throw fail("udev_monitor_enable_receiving", status == -1 ? errno : -status) }
        let wake = cudev_wake_fd_create()
        if wake < 0 { throw fail("eventfd", errno) }
        self.udev = udev
        self.monitor = monitor
        self.wakeFD = wake
    }

    func cancel() {
        guard !cancelled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        cudev_wake_fd_signal(wakeFD)
    }

    /// Receives until cancelled; runs on the monitor's own thread.
    func receive(attributes: [String], links: DevLinkIndexCache?, deliver: (UdevEvent) -> Void) {
        let fd = udev_monitor_get_fd(monitor)
        while !cancelled.load(ordering: .acquiring), cudev_wait(fd, wakeFD) == 1 {
            while let device = udev_monitor_receive_device(monitor) {
                defer { udev_device_unref(device) }
                let action = UdevDeviceReader.action(device) ?? "change"
                let index = links?.index(refresh: action == "add" || action == "remove")
                deliver(UdevEvent(
                    action: action,
                    device: UdevDeviceReader.read(device, attributes: attributes, includeParents: false, links: index)))
            }
        }
    }

    deinit {
        udev_monitor_unref(monitor)
        udev_unref(udev)
        close(wakeFD)
    }
}

/// The `/dev` link index for the kernel source, rescanned only when devices come or go.
private final class DevLinkIndexCache {
    private var current: DevLinkIndex?

    func index(refresh: Bool) -> DevLinkIndex {
        if refresh || current == nil { current = DevLinkIndex() }
        return current!
    }
}
