/// The D-Bus services on the host the Host subsystem uses or reports as features.
enum HostService: String, CaseIterable, Sendable {
    case hostname = "org.freedesktop.hostname1"
    case login = "org.freedesktop.login1"
    case systemd = "org.freedesktop.systemd1"
    case timedate = "org.freedesktop.timedate1"
    case resolved = "org.freedesktop.resolve1"
    case networkManager = "org.freedesktop.NetworkManager"
    case osAgent = "io.hass.os"
    case rauc = "de.pengutronix.rauc"
    case udisks = "org.freedesktop.UDisks2"

    var busName: String { rawValue }

    /// The object and interface the Supervisor talks to.
    var path: String {
        switch self {
        case .hostname: "/org/freedesktop/hostname1"
        case .login: "/org/freedesktop/login1"
        case .systemd: "/org/freedesktop/systemd1"
        case .timedate: "/org/freedesktop/timedate1"
        case .resolved: "/org/freedesktop/resolve1"
        case .networkManager: "/org/freedesktop/NetworkManager"
        case .osAgent: "/io/hass/os"
        case .rauc: "/"
        case .udisks: "/org/freedesktop/UDisks2/Manager"
        }
    }

    var interface: String {
        switch self {
        case .login: "org.freedesktop.login1.Manager"
        case .systemd: "org.freedesktop.systemd1.Manager"
        case .resolved: "org.freedesktop.resolve1.Manager"
        case .rauc: "de.pengutronix.rauc.Installer"
        case .udisks: "org.freedesktop.UDisks2.Manager"
        default: rawValue
        }
    }

    /// The host features this service provides, as `/host/info` and `/info` list them.
    var features: [String] {
        switch self {
        case .hostname: ["hostname"]
        case .login: ["reboot", "shutdown"]
        case .systemd: ["reboot", "shutdown", "services", "mount"]
        case .timedate: ["timedate"]
        case .resolved: ["resolved"]
        case .networkManager: ["network"]
        case .osAgent: ["os_agent"]
        case .rauc: ["haos"]
        case .udisks: ["disk"]
        }
    }
}

/// The features of the present services, in a stable order.
func hostFeatures(present: Set<HostService>, journal: Bool) -> [String] {
    var features = Set(present.flatMap(\.features))
    if journal { features.insert("journal") }
    return features.sorted()
}
