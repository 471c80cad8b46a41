import Testing
@testable import SupervisorKernel

@Suite struct JSONValueTests {
    @Test func serializesCompactSortedAndEscaped() {
        let value: JSONValue = ["b": [1, 2.5, true, nil], "a": "quote\" slash\\ line\n tab\t \u{01}"]
        let text = String(decoding: value.serialized(), as: UTF8.self)
        #expect(text == #"{"a":"quote\" slash\\ line\n tab\t \u0001","b":[1,2.5,true,null]}"#)
    }

    @Test func roundTripsThroughParser() throws {
        let value: JSONValue = ["n": 42, "d": 1.25, "s": "ü✓", "list": [["x": false]], "none": nil]
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func wholeDoublesKeepTheirDecimalPoint() {
        #expect(String(decoding: JSONValue.double(14).serialized(), as: UTF8.self) == "14.0")
        #expect(String(decoding: JSONValue.double(.nan).serialized(), as: UTF8.self) == "null")
    }

    @Test func malformedJSONIsABadRequest() {
        #expect(throws: SupervisorError.self) { try JSONValue.parse(Array("{bad".utf8)) }
        do {
            _ = try JSONValue.parse(Array("[1,".utf8))
        } catch let error as SupervisorError {
            #expect(error.code == .badRequest)
            #expect(error.message.hasPrefix("Invalid JSON"))
        } catch { Issue.record("unexpected \(error)") }
    }
}

@Suite struct SchemaTests {
    let schema: Schema = .object([
        .init("name", .string(), required: true),
        .init("count", .integer(minimum: 1, maximum: 10)),
        .init("mode", .string(.oneOf(["a", "b"]))),
        .init("tags", .array(.string())),
        .init("nested", .object([.init("flag", .boolean)])),
    ])

    func message(_ value: JSONValue) -> String? {
        do {
            try schema.validate(value)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func acceptsValidDocuments() {
        #expect(message(["name": "x", "count": 3, "mode": "a", "tags": ["t"], "nested": ["flag": true]]) == nil)
    }

    @Test func namesTheFieldInEveryRejection() {
        #expect(message(["count": 1]) == "Missing required key 'name'")
        #expect(message(["name": 5]) == "Invalid value for 'name': expected a string, got integer")
        #expect(message(["name": "x", "count": 11]) == "Invalid value for 'count': must be at most 10")
        #expect(message(["name": "x", "mode": "c"]) == "Invalid value for 'mode': 'c' is not one of a, b")
        #expect(message(["name": "x", "tags": ["ok", 1]]) == "Invalid value for 'tags[1]': expected a string, got integer")
        #expect(message(["name": "x", "nested": ["flag": "yes"]]) == "Invalid value for 'nested.flag': expected a boolean, got string")
        #expect(message(["name": "x", "extra": 1]) == "Unknown key 'extra' is not allowed")
        #expect(message([1, 2]) == "expected an object, got list")
    }

    @Test func describesItselfAsOpenAPI() {
        let openAPI = schema.openAPI
        #expect(openAPI["type"] == "object")
        #expect(openAPI["required"] == ["name"])
        #expect(openAPI["properties"]?["mode"]?["enum"] == ["a", "b"])
        #expect(openAPI["additionalProperties"] == false)
    }
}
