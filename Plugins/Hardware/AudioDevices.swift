import UdevBridge

/// ALSA playback and capture devices keyed `card,device`, as `/hardware/audio` serves them.
struct AudioDevices: Sendable, Equatable {
    var input: [String: String] = [:]
    var output: [String: String] = [:]

    /// From `/proc/asound`, completed by the PCM nodes udev lists in the `sound` subsystem.
    static func load(alsa: AlsaCatalog, udevSound: [UdevDevice]) -> AudioDevices {
        var result = AudioDevices()
        for pcm in alsa.pcms {
            let card = alsa.card(pcm.card)?.name ?? "Card \(pcm.card)"
            let name = "\(card): \(pcm.name ?? pcm.device)"
            if pcm.playback { result.output[pcm.key] = name }
            if pcm.capture { result.input[pcm.key] = name }
        }
        for device in udevSound {
            guard let node = PCMNode(sysName: device.sysName) else { continue }
            let card = alsa.card(node.card)?.name ?? device.attribute("id") ?? "Card \(node.card)"
            let name = "\(card): \(node.device)"
            if node.playback {
                if result.output[node.key] == nil { result.output[node.key] = name }
            } else if result.input[node.key] == nil {
                result.input[node.key] = name
            }
        }
        return result
    }
}

/// A PCM node name such as `pcmC0D3p` (card 0, device 3, playback).
struct PCMNode: Equatable {
    var card: String
    var device: String
    var playback: Bool
    var key: String { "\(card),\(device)" }

    init(card: String, device: String, playback: Bool) {
        self.card = card
        self.device = device
        self.playback = playback
    }

    init?(sysName: String) {
        guard sysName.hasPrefix("pcmC"), let last = sysName.last, last == "p" || last == "c" else { return nil }
        let numbers = sysName.dropFirst(4).dropLast().split(separator: "D")
        guard numbers.count == 2, let card = Int(numbers[0]), let device = Int(numbers[1]) else { return nil }
        self.card = "\(card)"
        self.device = "\(device)"
        self.playback = last == "p"
    }
}
