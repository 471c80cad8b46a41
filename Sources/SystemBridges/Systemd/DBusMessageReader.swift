import CSystemd

/// Reads a received sd-bus message into `DBusValue`s by peeking at each type. Owner thread only.
struct DBusMessageReader {
    let message: OpaquePointer

    /// Every value left in the current container (the whole body, at the top level).
    func readAll() throws(DBusError) -> [DBusValue] {
        var values: [DBusValue] = []
        while let value = try readNext() { values.append(value) }
        return values
    }

    /// The next value, or nil at the end of the current container.
    func readNext() throws(DBusError) -> DBusValue? {
        var type: CChar = 0
        var contents: UnsafePointer<CChar>?
        let peeked = sd_bus_message_peek_type(message, &type, &contents)
        try check(peeked, "peek")
        guard peeked > 0 else { return nil }
        switch Unicode.Scalar(UInt8(bitPattern: type)) {
        case "y": return .byte(try readBasic(type, UInt8(0)))
        case "b": return .boolean(try readBasic(type, Int32(0)) != 0)
        case "n": return .int16(try readBasic(type, Int16(0)))
        case "q": return .uint16(try readBasic(type, UInt16(0)))
        case "i": return .int32(try readBasic(type, Int32(0)))
        case "u": return .uint32(try readBasic(type, UInt32(0)))
        case "x": return .int64(try readBasic(type, Int64(0)))
        case "t": return .uint64(try readBasic(type, UInt64(0)))
        case "d": return .double(try readBasic(type, Double(0)))
        case "s": return .string(try readString(type))
        case "o": return .objectPath(try readString(type))
        case "g": return .signature(try readString(type))
        case "a":
            let elementSignature = contents.map { String(cString: $0) } ?? ""
            return try inContainer(type, contents) { () throws(DBusError) in
                guard elementSignature.hasPrefix("{") else {
                    return .array(elementSignature: elementSignature, try readAll())
                }
                let entrySignature = elementSignature.dropFirst().dropLast()
                return .dictionary(
                    keySignature: String(entrySignature.prefix(1)), valueSignature: String(entrySignature.dropFirst()),
                    try readDictionaryEntries()
                )
            }
        case "r":
            return try inContainer(type, contents) { () throws(DBusError) in .structure(try readAll()) }
        case "v":
            return try inContainer(type, contents) { () throws(DBusError) in
                guard let inner = try readNext() else { throw DBusError.undecodable("an empty variant") }
                return .variant(inner)
            }
        default:
            throw DBusError.undecodable("values of type '\(Unicode.Scalar(UInt8(bitPattern: type)))'")
        }
    }

    private func readDictionaryEntries() throws(DBusError) -> [DBusDictionaryEntry] {
        var entries: [DBusDictionaryEntry] = []
        while true {
            var type: CChar = 0
            var contents: UnsafePointer<CChar>?
            let peeked = sd_bus_message_peek_type(message, &type, &contents)
            try check(peeked, "peek")
            guard peeked > 0 else { return entries }
            let entry = try inContainer(type, contents) { () throws(DBusError) -> DBusDictionaryEntry in
                guard let key = try readNext(), let value = try readNext() else {
                    throw DBusError.undecodable("an incomplete dictionary entry")
                }
                return DBusDictionaryEntry(key, value)
            }
            entries.append(entry)
        }
    }

    private func readBasic<Number>(_ type: CChar, _ initial: Number) throws(DBusError) -> Number {
        var number = initial
        try check(withUnsafeMutablePointer(to: &number) { sd_bus_message_read_basic(message, type, $0) }, "read")
        return number
    }

    /// The characters belong to the message, so they are copied out right away.
    private func readString(_ type: CChar) throws(DBusError) -> String {
        var characters: UnsafePointer<CChar>?
        try check(sd_bus_message_read_basic(message, type, &characters), "read")
        return characters.map { String(cString: $0) } ?? ""
    }

    private func inContainer<Result>(
        _ type: CChar, _ contents: UnsafePointer<CChar>?, _ body: () throws(DBusError) -> Result
    ) throws(DBusError) -> Result {
        try check(sd_bus_message_enter_container(message, type, contents), "enter container")
        let result = try body()
        try check(sd_bus_message_exit_container(message), "exit container")
        return result
    }

    private func check(_ result: Int32, _ action: String) throws(DBusError) {
        if result < 0 { throw DBusError.local(result, "could not \(action) a message value") }
    }
}

extension DBusError {
    static func undecodable(_ what: String) -> DBusError {
        DBusError(name: "org.freedesktop.DBus.Error.Failed", message: "This bridge cannot decode \(what)")
    }
}
