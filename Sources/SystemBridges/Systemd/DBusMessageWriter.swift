import CSystemd

/// Appends `DBusValue`s to an sd-bus message that is being built. Owner thread only.
struct DBusMessageWriter {
    let message: OpaquePointer

    func append(_ values: [DBusValue]) throws(DBusError) {
        for value in values { try append(value) }
    }

    func append(_ value: DBusValue) throws(DBusError) {
        switch value {
        case .byte(var number): try appendBasic("y", &number)
        case .boolean(let flag):
            var number: Int32 = flag ? 1 : 0
            try appendBasic("b", &number)
        case .int16(var number): try appendBasic("n", &number)
        case .uint16(var number): try appendBasic("q", &number)
        case .int32(var number): try appendBasic("i", &number)
        case .uint32(var number): try appendBasic("u", &number)
        case .int64(var number): try appendBasic("x", &number)
        case .uint64(var number): try appendBasic("t", &number)
        case .double(var number): try appendBasic("d", &number)
        case .string(let text): try appendString("s", text)
        case .objectPath(let text): try appendString("o", text)
        case .signature(let text): try appendString("g", text)
        case .array(let elementSignature, let elements):
            try inContainer("a", elementSignature) { () throws(DBusError) in try append(elements) }
        case .dictionary(let keySignature, let valueSignature, let entries):
            let entrySignature = keySignature + valueSignature
            try inContainer("a", "{" + entrySignature + "}") { () throws(DBusError) in
                for entry in entries {
                    try inContainer("e", entrySignature) { () throws(DBusError) in
                        try append(entry.key)
                        try append(entry.value)
                    }
                }
            }
        case .structure(let fields):
            try inContainer("r", fields.map(\.signature).joined()) { () throws(DBusError) in try append(fields) }
        case .variant(let inner):
            try inContainer("v", inner.signature) { () throws(DBusError) in try append(inner) }
        }
    }

    private func appendBasic<Number>(_ type: Unicode.Scalar, _ number: inout Number) throws(DBusError) {
        try check(withUnsafePointer(to: &number) { sd_bus_message_append_basic(message, CChar(type.value), $0) }, type)
    }

    /// For string types libsystemd wants the characters themselves, not a pointer to a pointer.
    private func appendString(_ type: Unicode.Scalar, _ text: String) throws(DBusError) {
        try check(text.withCString { sd_bus_message_append_basic(message, CChar(type.value), $0) }, type)
    }

    private func inContainer(
        _ type: Unicode.Scalar, _ contents: String, _ body: () throws(DBusError) -> Void
    ) throws(DBusError) {
        try check(sd_bus_message_open_container(message, CChar(type.value), contents), type)
        try body()
        try check(sd_bus_message_close_container(message), type)
    }

    private func check(_ result: Int32, _ type: Unicode.Scalar) throws(DBusError) {
        guard result < 0 else { return }
        throw DBusError.local(result, "could not encode a value of type '\(type)' (does it match its signature?)")
    }
}
