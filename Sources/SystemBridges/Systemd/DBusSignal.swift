import CSystemd

/// A signal received from the bus.
public struct DBusSignal: Sendable, Hashable {
    /// The unique name of the sender, e.g. `:1.42`.
    public var sender: String?
    public var path: String
    public var interface: String
    public var member: String
    public var arguments: [DBusValue]

    public init(sender: String?, path: String, interface: String, member: String, arguments: [DBusValue]) {
        self.sender = sender
        self.path = path
        self.interface = interface
        self.member = member
        self.arguments = arguments
    }

    /// Reads a received signal message; nil if its body cannot be decoded. Owner thread only.
    init?(message: OpaquePointer) {
        func text(_ characters: UnsafePointer<CChar>?) -> String { characters.map { String(cString: $0) } ?? "" }
        guard let arguments = try? DBusMessageReader(message: message).readAll() else { return nil }
        self.init(
            sender: sd_bus_message_get_sender(message).map { String(cString: $0) },
            path: text(sd_bus_message_get_path(message)),
            interface: text(sd_bus_message_get_interface(message)),
            member: text(sd_bus_message_get_member(message)),
            arguments: arguments)
    }
}

/// One `org.freedesktop.DBus.Properties.PropertiesChanged` signal.
public struct DBusPropertiesChange: Sendable, Hashable {
    public var path: String
    public var interface: String
    /// New values, variants removed.
    public var changed: [String: DBusValue]
    /// Properties that changed without their new value being sent.
    public var invalidated: [String]

    public init(path: String, interface: String, changed: [String: DBusValue], invalidated: [String]) {
        self.path = path
        self.interface = interface
        self.changed = changed
        self.invalidated = invalidated
    }

    /// Nil unless `signal` has the `sa{sv}as` body PropertiesChanged is defined with.
    init?(_ signal: DBusSignal) {
        guard signal.arguments.count == 3, let interface = signal.arguments[0].stringValue,
              let changed = signal.arguments[1].dictionaryValue,
              let invalidated = signal.arguments[2].stringArrayValue
        else { return nil }
        self.init(path: signal.path, interface: interface, changed: changed, invalidated: invalidated)
    }
}
