import Glibc

/// A D-Bus error reply, or a local failure of the connection, with a code to match on.
public struct DBusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; `name` keeps the exact D-Bus error name.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String {
            case serviceUnknown, unknownMethod, unknownObject, unknownInterface, unknownProperty
            case invalidArgs, accessDenied, noReply, timeout, disconnected, failed, other
        }

        private let kind: Kind

        /// Nobody owns the destination name.
        public static let serviceUnknown = Code(kind: .serviceUnknown)
        public static let unknownMethod = Code(kind: .unknownMethod)
        public static let unknownObject = Code(kind: .unknownObject)
        public static let unknownInterface = Code(kind: .unknownInterface)
        public static let unknownProperty = Code(kind: .unknownProperty)
        /// The arguments did not fit the method, or a value could not be encoded.
        public static let invalidArgs = Code(kind: .invalidArgs)
        public static let accessDenied = Code(kind: .accessDenied)
        /// No reply arrived before the call's timeout, or the peer went away before replying.
        public static let noReply = Code(kind: .noReply)
        /// The peer reported its own timeout.
        public static let timeout = Code(kind: .timeout)
        /// The connection is closed or was lost.
        public static let disconnected = Code(kind: .disconnected)
        public static let failed = Code(kind: .failed)
        /// Any other error name; see `name`.
        public static let other = Code(kind: .other)

        public var description: String { kind.rawValue }

        init(errorName: String) {
            switch errorName {
            case "org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner":
                self = .serviceUnknown
            case "org.freedesktop.DBus.Error.UnknownMethod": self = .unknownMethod
            case "org.freedesktop.DBus.Error.UnknownObject": self = .unknownObject
            case "org.freedesktop.DBus.Error.UnknownInterface": self = .unknownInterface
            case "org.freedesktop.DBus.Error.UnknownProperty": self = .unknownProperty
            case "org.freedesktop.DBus.Error.InvalidArgs", "org.freedesktop.DBus.Error.InvalidSignature":
                self = .invalidArgs
            case "org.freedesktop.DBus.Error.AccessDenied", "org.freedesktop.DBus.Error.AuthFailed":
                self = .accessDenied
            case "org.freedesktop.DBus.Error.NoReply": self = .noReply
            case "org.freedesktop.DBus.Error.Timeout", "org.freedesktop.DBus.Error.TimedOut": self = .timeout
            case "org.freedesktop.DBus.Error.Disconnected", "org.freedesktop.DBus.Error.NoServer":
                self = .disconnected
            case "org.freedesktop.DBus.Error.Failed": self = .failed
            // Services built on dbus-python (python-dbusmock among them) name this error after their own interface.
            case _ where errorName.hasSuffix(".UnknownProperty"): self = .unknownProperty
            case _ where errorName.hasSuffix(".UnknownInterface"): self = .unknownInterface
            default: self = .other
            }
        }

        private init(kind: Kind) { self.kind = kind }
    }

    public let code: Code
    /// The D-Bus error name, e.g. `org.freedesktop.DBus.Error.ServiceUnknown`.
    public let name: String
    public let message: String

    /// An error with `name`; the code is derived from it.
    public init(name: String, message: String) {
        self.code = Code(errorName: name)
        self.name = name
        self.message = message
    }

    public var description: String { message.isEmpty ? name : "\(name): \(message)" }

    /// The connection is closed or was lost.
    public static func disconnected(_ message: String = "The D-Bus connection is closed") -> DBusError {
        DBusError(name: "org.freedesktop.DBus.Error.Disconnected", message: message)
    }

    /// A negative errno returned by libsystemd while doing `action` on this side of the connection.
    static func local(_ result: Int32, _ action: String) -> DBusError {
        let errorNumber = abs(result)
        let reason = "\(action): \(String(cString: strerror(errorNumber)))"
        switch errorNumber {
        case ENOTCONN, ECONNRESET, EPIPE, ESHUTDOWN, ECONNREFUSED, ENOENT:
            return .disconnected(reason)
        case EINVAL, ENXIO, EBADMSG:
            return DBusError(name: "org.freedesktop.DBus.Error.InvalidArgs", message: reason)
        default:
            return DBusError(name: "org.freedesktop.DBus.Error.Failed", message: reason)
        }
    }
}
