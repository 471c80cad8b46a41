import SupervisorKernel

/// Response shapes of the hardware endpoints, for `/openapi.json`.
enum HardwareSchemas {
    static let device: Schema = .object([
        .init("name", .string(), required: true, summary: "Kernel name, e.g. ttyUSB0"),
        .init("sysfs", .string(), required: true, summary: "sysfs path"),
        .init("dev_path", .nullable(.string()), required: true, summary: "Device node under /dev"),
        .init("subsystem", .string(), required: true),
        .init("by_id", .nullable(.string()), required: true, summary: "Stable /dev/*/by-id/* link, if any"),
        .init("attributes", .map(.string()), required: true, summary: "udev properties"),
        .init("children", .array(.string()), required: true, summary: "sysfs paths of the devices below"),
    ])

    static let audioCard: Schema = .object([
        .init("name", .string(), required: true),
        .init("type", .string(), required: true),
        .init("devices", .array(.object([
            .init("chan_id", .string(), required: true),
            .init("chan_type", .string(), required: true),
        ])), required: true),
    ])

    static let info: Schema = .object([
        .init("devices", .array(device), required: true),
        .init("drives", .array(.map(.any)), required: true, summary: "UDisks2 drives; empty without UDisks2"),
        .init("serial", .array(.string()), required: true, summary: "Older clients: serial ports and by-id links"),
        .init("input", .array(.string()), required: true, summary: "Older clients: input device names"),
        .init("disk", .array(.string()), required: true, summary: "Older clients: disk and partition nodes"),
        .init("gpio", .array(.string()), required: true, summary: "Older clients: GPIO chips"),
        .init("audio", .map(audioCard), required: true, summary: "Older clients: ALSA cards by number"),
    ])

    static let audio: Schema = .object([
        .init("audio", .object([
            .init("input", .map(.string()), required: true, summary: "Capture devices, `card,device` → name"),
            .init("output", .map(.string()), required: true, summary: "Playback devices, `card,device` → name"),
        ]), required: true),
    ])

    static let trigger: Schema = .object([
        .init("triggered", .integer(minimum: 0), required: true, summary: "Devices sent a change event"),
        .init("failed", .integer(minimum: 0), required: true, summary: "Devices whose uevent could not be written"),
        .init("subsystems", .array(.string()), required: true, summary: "The subsystems triggered (never net)"),
    ])
}
