import SupervisorKernel
import SupervisorPlugins
import SupervisorServer
import VendorGreeting

// A minimal executable: flags as `supervisord` takes them (--data-dir, --host, --port).
var configuration = SupervisorConfiguration()
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard let value = arguments.popFirst() else { break }
    switch flag {
    case "--data-dir": configuration.dataDirectory = value
    case "--host": configuration.host = value
    case "--port": configuration.port = Int(value) ?? configuration.port
    default: break
    }
}
try await SupervisorServer.run(configuration, plugins: CompiledPlugins.all + [GreetingPlugin()])
