/// A hotplug event from a `UdevMonitor`.
public struct UdevEvent: Sendable, Hashable {
    /// The action as the kernel or udevd sent it: `add`, `remove`, `change`, `move`, `bind`, `unbind`, …
    public var action: String
    /// The device as the event describes it (for `remove`, what it was).
    public var device: UdevDevice

    public init(action: String, device: UdevDevice) {
        self.action = action
        self.device = device
    }
}
