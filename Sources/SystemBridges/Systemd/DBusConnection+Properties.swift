private let propertiesInterface = "org.freedesktop.DBus.Properties"

extension DBusConnection {
    /// Reads one property (`org.freedesktop.DBus.Properties.Get`); the variant around it is removed.
    public func property(
        destination: String, path: String, interface: String, name: String,
        timeout: Duration = DBusConnection.defaultTimeout
    ) async throws -> DBusValue {
        let reply = try await call(
            destination: destination, path: path, interface: propertiesInterface, member: "Get",
            arguments: [.string(interface), .string(name)], timeout: timeout)
        guard let value = reply.first else { throw DBusError.unexpectedReply("Get", reply) }
        return value.unwrapped
    }

    /// Reads every property of `interface` (`GetAll`), variants removed.
    public func allProperties(
        destination: String, path: String, interface: String,
        timeout: Duration = DBusConnection.defaultTimeout
    ) async throws -> [String: DBusValue] {
        let reply = try await call(
            destination: destination, path: path, interface: propertiesInterface, member: "GetAll",
            arguments: [.string(interface)], timeout: timeout)
        guard let properties = reply.first?.dictionaryValue else { throw DBusError.unexpectedReply("GetAll", reply) }
        return properties
    }

    /// Writes one property (`Set`); `value` is the property's own value, wrapped in a variant here.
    public func setProperty(
        destination: String, path: String, interface: String, name: String, value: DBusValue,
        timeout: Duration = DBusConnection.defaultTimeout
    ) async throws {
        _ = try await call(
            destination: destination, path: path, interface: propertiesInterface, member: "Set",
            arguments: [.string(interface), .string(name), .variant(value)], timeout: timeout)
    }
}

extension DBusError {
    static func unexpectedReply(_ member: String, _ reply: [DBusValue]) -> DBusError {
        DBusError(
            name: "org.freedesktop.DBus.Error.InvalidSignature",
            message: "Unexpected reply to \(member): (\(reply.map(\.signature).joined()))")
    }
}
