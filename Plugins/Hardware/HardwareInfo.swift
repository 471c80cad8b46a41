import SupervisorKernel
import UdevBridge

/// The `data` of `GET /hardware/info`: the current `devices`/`drives` and the older flat lists.
enum HardwareInfo {
    static func json(inventory: DeviceInventory, alsa: AlsaCatalog, gpioClassNames: [String]) -> JSONValue {
        [
            "devices": .array(inventory.devices.map { device(inventory, $0) }),
            // UDisks2 drives: served by a storage subsystem when one exists; none from udev alone.
            "drives": [],
            "serial": JSONValue(serial(inventory)),
            "input": JSONValue(input(inventory)),
            "disk": JSONValue(disk(inventory)),
            "gpio": JSONValue(gpio(inventory, classNames: gpioClassNames)),
            "audio": audio(alsa),
        ]
    }

    /// One device as the reference's `device_struct` shapes it.
    static func device(_ inventory: DeviceInventory, _ device: UdevDevice) -> JSONValue {
        [
            "name": .string(device.sysName),
            "sysfs": .string(device.sysPath),
            "dev_path": JSONValue(device.devNode),
            "subsystem": .string(device.subsystem),
            "by_id": JSONValue(device.byID),
            "attributes": .object(device.properties.mapValues(JSONValue.string)),
            "children": JSONValue(inventory.children(of: device.sysPath)),
        ]
    }

    /// Serial ports: physical tty nodes (and USB ones udev identified) with their by-id links.
    static func serial(_ inventory: DeviceInventory) -> [String] {
        var result: [String] = []
        for device in inventory.devices(in: "tty")
        where !device.isVirtual || device.properties["ID_VENDOR"] != nil {
            if let node = device.devNode { result.append(node) }
            if let byID = device.byID { result.append(byID) }
        }
        return result
    }

    /// Input device names (the kernel's `NAME`, without quotes).
    static func input(_ inventory: DeviceInventory) -> [String] { inventory.inputNames }

    /// Physical disks and partitions.
    static func disk(_ inventory: DeviceInventory) -> [String] {
        inventory.devices(in: "block").filter { !$0.isVirtual }.compactMap(\.devNode)
    }

    /// GPIO chips, from udev's `gpio` subsystem and the legacy `/sys/class/gpio`.
    static func gpio(_ inventory: DeviceInventory, classNames: [String]) -> [String] {
        let chips = inventory.devices(in: "gpio").map(\.sysName) + classNames
        return Array(Set(chips.filter { $0.hasPrefix("gpiochip") })).sorted()
    }

    /// `{card: {name, type, devices: [{chan_id, chan_type}]}}` as the older API served it.
    static func audio(_ alsa: AlsaCatalog) -> JSONValue {
        var cards: [String: JSONValue] = [:]
        for card in alsa.cards {
            let channels: [JSONValue] = alsa.pcms.filter { $0.card == card.number }.flatMap { pcm -> [JSONValue] in
                var entries: [JSONValue] = []
                if pcm.playback { entries.append(["chan_id": .string(pcm.device), "chan_type": "digital audio playback"]) }
                if pcm.capture { entries.append(["chan_id": .string(pcm.device), "chan_type": "digital audio capture"]) }
                return entries
            }
            cards[card.number] = ["name": .string(card.name), "type": .string(card.id), "devices": .array(channels)]
        }
        return .object(cards)
    }
}
