/// One D-Bus value with its full type, so that empty containers still carry a signature.
public enum DBusValue: Sendable, Hashable {
    case byte(UInt8)
    case boolean(Bool)
    case int16(Int16)
    case uint16(UInt16)
    case int32(Int32)
    case uint32(UInt32)
    case int64(Int64)
    case uint64(UInt64)
    case double(Double)
    case string(String)
    case objectPath(String)
    case signature(String)
    /// An array whose elements all have `elementSignature` (not used for dictionaries).
    case array(elementSignature: String, [DBusValue])
    /// An array of dictionary entries, `a{KV}`; `keySignature` is a basic type.
    case dictionary(keySignature: String, valueSignature: String, [DBusDictionaryEntry])
    /// A struct, `(…)`, with at least one field.
    case structure([DBusValue])
    /// A value that carries its own signature, `v`.
    indirect case variant(DBusValue)
}

/// One key/value pair of a D-Bus dictionary; the order of entries on the wire is kept.
public struct DBusDictionaryEntry: Sendable, Hashable {
    public var key: DBusValue
    public var value: DBusValue

    public init(_ key: DBusValue, _ value: DBusValue) {
        self.key = key
        self.value = value
    }
}

extension DBusValue {
    /// The D-Bus type signature of this value, e.g. `a{sv}`.
    public var signature: String {
        switch self {
        case .byte: "y"
        case .boolean: "b"
        case .int16: "n"
        case .uint16: "q"
        case .int32: "i"
        case .uint32: "u"
        case .int64: "x"
        case .uint64: "t"
        case .double: "d"
        case .string: "s"
        case .objectPath: "o"
        case .signature: "g"
        case .array(let elementSignature, _): "a" + elementSignature
        case .dictionary(let keySignature, let valueSignature, _): "a{" + keySignature + valueSignature + "}"
        case .structure(let fields): "(" + fields.map(\.signature).joined() + ")"
        case .variant: "v"
        }
    }

    /// An `a{sv}` dictionary, the usual shape of D-Bus options and property maps; keys are sorted.
    public static func variantDictionary(_ values: [String: DBusValue]) -> DBusValue {
        .dictionary(
            keySignature: "s", valueSignature: "v",
            values.sorted { $0.key < $1.key }.map { DBusDictionaryEntry(.string($0.key), .variant($0.value)) }
        )
    }

    /// An `as` array.
    public static func stringArray(_ strings: [String]) -> DBusValue {
        .array(elementSignature: "s", strings.map(DBusValue.string))
    }

    /// An `ay` array.
    public static func bytes(_ bytes: [UInt8]) -> DBusValue {
        .array(elementSignature: "y", bytes.map(DBusValue.byte))
    }
}

extension DBusValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
