import Foundation

/// Sound cards and PCM devices as ALSA lists them under `/proc/asound`.
struct AlsaCatalog: Sendable, Equatable {
    struct Card: Sendable, Equatable {
        /// The card number, e.g. `0`.
        var number: String
        /// The short id in brackets, e.g. `PCH` (the reference calls it `type`).
        var id: String
        /// The long name, e.g. `HDA-Intel - HDA Intel PCH`.
        var name: String
    }

    struct PCM: Sendable, Equatable {
        var card: String
        var device: String
        var name: String?
        var playback: Bool
        var capture: Bool
        /// `card,device`, the key ALSA tools and add-ons use.
        var key: String { "\(card),\(device)" }
    }

    var cards: [Card] = []
    var pcms: [PCM] = []

    /// Reads `cards`, `devices` and `pcm` below `root`; missing files give empty lists.
    static func load(root: String = "/proc/asound") -> AlsaCatalog {
        func read(_ name: String) -> String { (try? String(contentsOfFile: "\(root)/\(name)", encoding: .utf8)) ?? "" }
        var catalog = AlsaCatalog()
        catalog.cards = parseCards(read("cards"))
        catalog.pcms = merge(parsePCM(read("pcm")), parseDevices(read("devices")))
        return catalog
    }

    /// ` 0 [PCH            ]: HDA-Intel - HDA Intel PCH` lines.
    static func parseCards(_ text: String) -> [Card] {
        text.split(separator: "\n").compactMap { line in
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), open < close else { return nil }
            let number = line[..<open].trimmingCharacters(in: .whitespaces)
            guard !number.isEmpty, number.allSatisfy(\.isNumber) else { return nil }
            let id = line[line.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            var rest = line[line.index(after: close)...]
            if rest.hasPrefix(":") { rest = rest.dropFirst() }
            return Card(number: number, id: id, name: rest.trimmingCharacters(in: .whitespaces))
        }
    }

    /// `00-00: ALC887-VD Analog : ALC887-VD Analog : playback 1 : capture 1` lines.
    static func parsePCM(_ text: String) -> [PCM] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = fields[0].split(separator: "-")
            guard fields.count >= 2, numbers.count == 2, let card = Int(numbers[0]), let device = Int(numbers[1]) else {
                return nil
            }
            let kinds = fields.dropFirst(2)
            return PCM(card: "\(card)", device: "\(device)", name: fields[1].isEmpty ? nil : fields[1],
                       playback: kinds.contains { $0.hasPrefix("playback") },
                       capture: kinds.contains { $0.hasPrefix("capture") })
        }
    }

    /// ` 16: [ 0- 0]: digital audio playback` lines.
    static func parseDevices(_ text: String) -> [PCM] {
        text.split(separator: "\n").compactMap { line in
            guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), open < close else { return nil }
            let numbers = line[line.index(after: open)..<close].split(separator: "-")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard numbers.count == 2, let card = Int(numbers[0]), let device = Int(numbers[1]) else { return nil }
            let kind = line[line.index(after: close)...].drop { $0 == ":" || $0 == " " }
            let playback = kind.hasSuffix("playback")
            let capture = kind.hasSuffix("capture")
            guard playback || capture else { return nil }
            return PCM(card: "\(card)", device: "\(device)", name: nil, playback: playback, capture: capture)
        }
    }

    /// PCM entries from `pcm`, completed by `devices` (which the reference reads).
    static func merge(_ primary: [PCM], _ secondary: [PCM]) -> [PCM] {
        var result = primary
        for entry in secondary {
            if let index = result.firstIndex(where: { $0.key == entry.key }) {
                result[index].playback = result[index].playback || entry.playback
                result[index].capture = result[index].capture || entry.capture
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// The card with `number`, if listed.
    func card(_ number: String) -> Card? { cards.first { $0.number == number } }
}
