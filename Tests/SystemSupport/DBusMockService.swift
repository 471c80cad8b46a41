import Foundation

/// A python-dbusmock service on a `PrivateSystemBus`: a template (`systemd`, `logind`, `timedated`, …)
/// or a bare object whose methods and properties a test adds through `org.freedesktop.DBus.Mock`.
///
/// Arguments named `…Literal` are Python expressions evaluated by the helper, with the `dbus` module
/// in scope, e.g. `"{'Hostname': 'ha', 'Chassis': 'vm'}"` or `"[dbus.UInt32(5), 'text']"`.
/// Use `DBusMockService.python(_:)` to turn a Swift string into a Python string literal.
public final class DBusMockService: Sendable {
    /// The well-known name the service owns.
    public let busName: String
    /// The main object's path and interface (the template's, or the ones given).
    public let mainPath: String
    public let mainInterface: String

    private let address: String
    private let python: String
    private let process: ManagedProcess

    /// Starts `python3 -m dbusmock --system --template template` and waits until it owns its name.
    /// `parameters` is the template's JSON parameter dictionary, if any.
    public convenience init(bus: PrivateSystemBus, template: String, parameters: String? = nil) throws {
        let python = try Self.pythonWithDBusMock()
        let description = try Self.runChecked(python, [
            "-c", "from dbusmock.mockobject import load_module as l; m = l(\(Self.python(template))); "
                + "print(m.BUS_NAME); print(m.MAIN_OBJ); print(m.MAIN_IFACE)",
        ]).split(separator: "\n").map(String.init)
        guard description.count >= 3 else { throw DBusHarnessError("dbusmock template \(template) has no bus name") }
        try self.init(
            bus: bus, python: python, busName: description[0], mainPath: description[1], mainInterface: description[2],
            arguments: ["--template", template] + (parameters.map { ["--parameters", $0] } ?? []))
    }

    /// Starts a bare mock object `path` with `interface` under `busName`, and waits until it owns the name.
    public convenience init(bus: PrivateSystemBus, busName: String, path: String, interface: String) throws {
        try self.init(
            bus: bus, python: try Self.pythonWithDBusMock(), busName: busName, mainPath: path,
            mainInterface: interface, arguments: [busName, path, interface])
    }

    private init(
        bus: PrivateSystemBus, python: String, busName: String, mainPath: String, mainInterface: String,
        arguments: [String]
    ) throws {
        self.busName = busName
        self.mainPath = mainPath
        self.mainInterface = mainInterface
        self.address = bus.address
        self.python = python
        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("dbusmock-\(busName)-\(UUID().uuidString.prefix(8)).log").path
        process = try ManagedProcess(
            python, ["-u", "-m", "dbusmock", "--system"] + arguments, environment: bus.environment,
            outputPath: logPath)
        let owned = try ManagedProcess.waitUntil(timeout: .seconds(20)) { [process, address] in
            guard process.isRunning else { return true }
            return try Self.nameHasOwner(busName, address: address)
        }
        guard owned, process.isRunning else {
            process.stop()
            throw DBusHarnessError("dbusmock did not claim \(busName): \(process.output)")
        }
    }

    /// Stops the service (SIGTERM to its PID); its name vanishes from the bus.
    public func stop() {
        process.stop()
        try? FileManager.default.removeItem(atPath: process.outputPath)
    }

    deinit { stop() }

    /// What the mock logged so far (every call it received).
    public var log: String { process.output }

    /// Adds method `name` to `interface` (on `path`, default the main object); `code` is Python that may
    /// read `args` and set `ret`, e.g. `"ret = args[0]"`.
    public func addMethod(
        interface: String, name: String, inSignature: String, outSignature: String, code: String,
        path: String? = nil
    ) throws {
        try callMock("AddMethod", path: path, [interface, name, inSignature, outSignature, code].map(Self.python))
    }

    /// Adds or replaces properties of `interface` from a Python dict literal.
    public func addProperties(interface: String, propertiesLiteral: String, path: String? = nil) throws {
        try callMock("AddProperties", path: path, [Self.python(interface), propertiesLiteral])
    }

    /// Adds one property of `interface` from a Python literal.
    public func addProperty(interface: String, name: String, valueLiteral: String, path: String? = nil) throws {
        try callMock("AddProperty", path: path, [Self.python(interface), Self.python(name), valueLiteral])
    }

    /// Adds another object; `methodsLiteral` is a Python list of `(name, in_sig, out_sig, code)` tuples.
    public func addObject(
        path: String, interface: String, propertiesLiteral: String = "{}", methodsLiteral: String = "[]"
    ) throws {
        try callMock(
            "AddObject", path: mainPath, [Self.python(path), Self.python(interface), propertiesLiteral, methodsLiteral])
    }

    /// Emits signal `name` of `interface` from `path` (default the main object).
    public func emitSignal(
        interface: String, name: String, signature: String, argumentsLiteral: String, path: String? = nil
    ) throws {
        try callMock(
            "EmitSignal", path: path,
            [Self.python(interface), Self.python(name), Self.python(signature), argumentsLiteral])
    }

    /// The arguments of every logged call of method `name` (on `path`), one Python repr per call, e.g. `['a', 5]`.
    public func methodCalls(_ name: String, path: String? = nil) throws -> [String] {
        try callMock("GetMethodCalls", path: path, [Self.python(name)])
            .split(separator: "\n").map(String.init)
    }

    /// Forgets the logged calls (on `path`).
    public func clearCalls(path: String? = nil) throws {
        try callMock("ClearCalls", path: path, [])
    }

    /// Calls any method of `org.freedesktop.DBus.Mock` with Python-literal arguments; returns the printed result.
    @discardableResult
    public func callMock(_ method: String, path: String? = nil, _ argumentLiterals: [String]) throws -> String {
        try Self.runChecked(
            python, ["-c", Self.helper, address, busName, path ?? mainPath, method] + argumentLiterals)
    }

    /// `text` as a Python string literal.
    public static func python(_ text: String) -> String {
        var literal = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            default: literal.unicodeScalars.append(character)
            }
        }
        return literal + "\""
    }

    /// Calls one Mock method; GetMethodCalls prints one line per call, everything else prints its result.
    private static let helper = """
        import sys, dbus
        address, name, path, method = sys.argv[1:5]
        arguments = [eval(a, {'dbus': dbus}) for a in sys.argv[5:]]
        bus = dbus.bus.BusConnection(address)
        mock = dbus.Interface(bus.get_object(name, path), 'org.freedesktop.DBus.Mock')
        result = getattr(mock, method)(*arguments)
        def plain(v):
            if isinstance(v, dbus.Boolean): return bool(v)
            if isinstance(v, (dbus.Dictionary, dict)): return {plain(k): plain(x) for k, x in v.items()}
            if isinstance(v, (dbus.Array, dbus.Struct, list, tuple)): return [plain(x) for x in v]
            if isinstance(v, str): return str(v)
            if isinstance(v, float): return float(v)
            if isinstance(v, int): return int(v)
            return v
        if method == 'GetMethodCalls':
            for _, args in result: print(repr(plain(args)))
        elif result is not None:
            print(repr(plain(result)))
        """

    private static func nameHasOwner(_ name: String, address: String) throws -> Bool {
        guard let dbusSend = ManagedProcess.which("dbus-send") else { return false }
        let (status, output) = try ManagedProcess.run(dbusSend, [
            "--bus=\(address)", "--dest=org.freedesktop.DBus", "--print-reply", "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner", "string:\(name)",
        ])
        return status == 0 && output.contains("boolean true")
    }

    /// The Python interpreter that has dbusmock and dbus-python (not a pyenv shim), found once.
    private static func pythonWithDBusMock() throws -> String {
        try pythonLookup.get()
    }

    private static let pythonLookup = Result { () throws(DBusHarnessError) -> String in
        guard let python3 = ManagedProcess.which("python3") else {
            throw DBusHarnessError("python3 is needed for D-Bus mocks")
        }
        let lookup = try? ManagedProcess.run(python3, ["-c", "import sys, dbus, dbusmock, gi; print(sys.executable)"])
        guard let (status, output) = lookup, status == 0,
              let path = output.split(separator: "\n").last.map(String.init), !path.isEmpty
        else {
            throw DBusHarnessError(
                "python-dbusmock is missing (pip install python-dbusmock \"PyGObject<3.51\"): \(lookup?.output ?? "")")
        }
        return path
    }

    private static func runChecked(_ executable: String, _ arguments: [String]) throws -> String {
        let (status, output) = try ManagedProcess.run(executable, arguments)
        guard status == 0 else {
            throw DBusHarnessError("\(arguments.dropFirst(2).prefix(4).joined(separator: " ")) failed: \(output)")
        }
        return output
    }
}
