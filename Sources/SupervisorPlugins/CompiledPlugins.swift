// The one file that knows which plugins are compiled in. Each plugin is behind the package trait
// of the same name; `swift build --traits Host` or `--disable-default-traits` trims the list.
import SupervisorKernel
#if Host
import SupervisorHost
#endif
#if Hardware
import SupervisorHardware
#endif

/// The plugins this build contains, in no particular order (the kernel orders them).
public enum CompiledPlugins {
    public static var all: [any SupervisorPlugin] {
        var plugins: [any SupervisorPlugin] = []
        #if Host
        plugins.append(HostPlugin())
        #endif
        #if Hardware
        plugins.append(HardwarePlugin())
        #endif
        return plugins
    }

    /// The traits this build was compiled with, for logs and `supervisord --version`.
    public static var traits: [String] {
        var traits: [String] = []
        #if Host
        traits.append("Host")
        #endif
        #if Hardware
        traits.append("Hardware")
        #endif
        return traits
    }
}
