import SystemTestSupport
import SystemdBridge
import Testing

extension DBusTests {
    /// Each value goes to a dbusmock method that returns its argument unchanged, so it is encoded by
    /// this bridge, decoded and re-encoded by dbus-python, and decoded by this bridge again.
    @Suite struct TypeRoundTrip {
        static let properties = DBusValue.variantDictionary([
            "Name": .string("ha"),
            "Enabled": .boolean(true),
            "Ports": .array(elementSignature: "q", [.uint16(80), .uint16(443)]),
            "Mixed": .array(elementSignature: "v", [.variant(.int32(1)), .variant(.string("two"))]),
            "Nested": .variantDictionary(["Depth": .variant(.byte(2))]),
        ])

        static let values: [DBusValue] = [
            .byte(0), .byte(255), .boolean(true), .boolean(false),
            .int16(.min), .uint16(.max), .int32(.min), .uint32(.max), .int64(.min), .uint64(.max),
            .double(3.25), .double(-1e300),
            .string(""), .string("héllo ✓ 'single' \"double\" \\ \n"),
            .objectPath("/"), .objectPath("/org/example/Object_1"), .signature("a{sv}(iu)"),
            .array(elementSignature: "i", [.int32(1), .int32(-2), .int32(3)]),
            .array(elementSignature: "s", []),
            .stringArray(["a", "b"]),
            .array(elementSignature: "o", [.objectPath("/a"), .objectPath("/b")]),
            .bytes([0, 1, 254, 255]),
            .array(elementSignature: "ay", [.bytes([1, 2]), .bytes([])]),
            .array(elementSignature: "ad", [.array(elementSignature: "d", [.double(0.5)])]),
            properties,
            .dictionary(keySignature: "s", valueSignature: "v", []),
            .dictionary(keySignature: "u", valueSignature: "b", [
                DBusDictionaryEntry(.uint32(1), .boolean(true)), DBusDictionaryEntry(.uint32(7), .boolean(false)),
            ]),
            .dictionary(keySignature: "s", valueSignature: "as", [
                DBusDictionaryEntry("list", .stringArray(["x", "y"])),
            ]),
            .structure([.int32(-5), .string("five"), .array(elementSignature: "d", [.double(5.5)])]),
            .structure([.structure([.byte(1), .boolean(true)]), .variant(.uint64(9))]),
            .array(elementSignature: "(sa{sv})", [
                .structure([.string("first"), properties]),
                .structure([.string("second"), .variantDictionary([:])]),
            ]),
            .dictionary(keySignature: "o", valueSignature: "a{sa{sv}}", [
                DBusDictionaryEntry(.objectPath("/org/example/Device"), .dictionary(
                    keySignature: "s", valueSignature: "a{sv}",
                    [DBusDictionaryEntry("org.example.Device", properties)])),
            ]),
            .variant(.string("in a variant")),
            .variant(.variant(.uint16(7))),
            .variant(.structure([.int16(-1), .objectPath("/x")])),
            .variant(.array(elementSignature: "s", [])),
            .variant(properties),
        ]

        @Test func everyTypeSurvivesARoundTripThroughTheBus() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            try fixture.addMethods(Self.values.enumerated().map { index, value in
                ("Echo\(index)", value.signature, value.signature, "ret = args[0]")
            })

            for (index, value) in Self.values.enumerated() {
                let reply = try await fixture.call("Echo\(index)", [value])
                #expect(reply == [value], "signature \(value.signature)")
            }
        }

        @Test func severalArgumentsAndSeveralResults() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }
            try fixture.addMethods([("Swap", "sib", "bis", "ret = (args[2], args[1], args[0])")])

            let reply = try await fixture.call("Swap", ["text", .int32(42), .boolean(true)])

            #expect(reply == [.boolean(true), .int32(42), "text"])
        }

        @Test func aValueThatContradictsItsSignatureIsRejectedLocally() async throws {
            let fixture = try DBusTestFixture()
            defer { fixture.stop() }

            let error = await dbusError {
                _ = try await fixture.call("Anything", [.array(elementSignature: "i", ["not an int"])])
            }

            #expect(error?.code == .invalidArgs)
        }

        @Test func accessorsLookThroughVariants() {
            let properties = Self.properties.dictionaryValue
            #expect(properties?["Name"]?.stringValue == "ha")
            #expect(properties?["Enabled"]?.boolValue == true)
            #expect(properties?["Ports"]?.arrayValue?.compactMap(\.int64Value) == [80, 443])
            #expect(properties?["Nested"]?.dictionaryValue?["Depth"]?.uint64Value == 2)
            #expect(DBusValue.variant(.bytes([1, 2])).bytesValue == [1, 2])
            #expect(DBusValue.uint64(.max).int64Value == nil)
            #expect(Self.properties.signature == "a{sv}")
        }
    }
}
