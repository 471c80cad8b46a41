/// Typed views of a value. Each one looks through variants, so a property read as `v` can be
/// asked for its string directly; each returns nil when the value has another type.
extension DBusValue {
    /// The value with any variant wrappers removed.
    public var unwrapped: DBusValue {
        if case .variant(let inner) = self { return inner.unwrapped }
        return self
    }

    /// The text of a string, object path or signature.
    public var stringValue: String? {
        switch unwrapped {
        case .string(let text), .objectPath(let text), .signature(let text): text
        default: nil
        }
    }

    public var boolValue: Bool? {
        if case .boolean(let value) = unwrapped { return value }
        return nil
    }

    /// Any integer type, if it fits in `Int64`.
    public var int64Value: Int64? {
        switch unwrapped {
        case .byte(let value): Int64(value)
        case .int16(let value): Int64(value)
        case .uint16(let value): Int64(value)
        case .int32(let value): Int64(value)
        case .uint32(let value): Int64(value)
        case .int64(let value): value
        case .uint64(let value): Int64(exactly: value)
        default: nil
        }
    }

    /// Any integer type, if it is not negative.
    public var uint64Value: UInt64? {
        if case .uint64(let value) = unwrapped { return value }
        return int64Value.flatMap { UInt64(exactly: $0) }
    }

    /// A double, or any integer converted to one.
    public var doubleValue: Double? {
        if case .double(let value) = unwrapped { return value }
        return int64Value.map(Double.init) ?? uint64Value.map(Double.init)
    }

    /// The elements of an array (not of a dictionary).
    public var arrayValue: [DBusValue]? {
        if case .array(_, let elements) = unwrapped { return elements }
        return nil
    }

    /// The strings of an `as`, `ao` or `ag` array.
    public var stringArrayValue: [String]? {
        guard let elements = arrayValue else { return nil }
        let strings = elements.compactMap(\.stringValue)
        return strings.count == elements.count ? strings : nil
    }

    /// The bytes of an `ay` array.
    public var bytesValue: [UInt8]? {
        guard case .array("y", let elements) = unwrapped else { return nil }
        return elements.map { if case .byte(let byte) = $0 { byte } else { 0 } }
    }

    /// The fields of a struct.
    public var structureValue: [DBusValue]? {
        if case .structure(let fields) = unwrapped { return fields }
        return nil
    }

    /// A dictionary keyed by strings or object paths, such as `a{sv}`, with variant values unwrapped.
    public var dictionaryValue: [String: DBusValue]? {
        guard case .dictionary(_, _, let entries) = unwrapped else { return nil }
        var result: [String: DBusValue] = [:]
        for entry in entries {
            guard let key = entry.key.stringValue else { return nil }
            result[key] = entry.value.unwrapped
        }
        return result
    }

    /// The entries of any dictionary, in wire order.
    public var dictionaryEntries: [DBusDictionaryEntry]? {
        if case .dictionary(_, _, let entries) = unwrapped { return entries }
        return nil
    }
}
