import Foundation
import SupervisorKernel
import SystemTestSupport
import Testing
@testable import SupervisorHardware

/// ALSA parsing and `GET /hardware/audio`.
@Suite struct HardwareAudioTests {
    @Test func endpointMatchesProcAsound() async throws {
        let hardware = try await HardwareKernel()
        let audio = try #require(try await hardware.data("/hardware/audio")["audio"])
        let input = try #require(audio["input"]?.objectValue)
        let output = try #require(audio["output"]?.objectValue)
        let pcm = (try? String(contentsOfFile: "/proc/asound/pcm", encoding: .utf8)) ?? ""
        #expect(output.count == pcm.split(separator: "\n").filter { $0.contains("playback") }.count)
        #expect(input.count == pcm.split(separator: "\n").filter { $0.contains("capture") }.count)
    }

    @Test func parsesAsoundFiles() throws {
        let root = try TemporaryDirectory(prefix: "asound")
        try """
         0 [PCH            ]: HDA-Intel - HDA Intel PCH
                              HDA Intel PCH at 0xf7f10000 irq 32
         1 [Device         ]: USB-Audio - USB Audio Device
                              Generic USB Audio Device at usb-0000:00:14.0-1, full speed
        """.write(toFile: root.file("cards"), atomically: true, encoding: .utf8)
        try """
        00-00: ALC887-VD Analog : ALC887-VD Analog : playback 1 : capture 1
        00-03: HDMI 0 : HDMI 0 : playback 1
        01-00: USB Audio : USB Audio : capture 1
        """.write(toFile: root.file("pcm"), atomically: true, encoding: .utf8)
        try """
          2: [ 0- 0]: digital audio playback
          3: [ 0- 0]: digital audio capture
          4: [ 0- 3]: digital audio playback
          5: [ 1- 0]: digital audio capture
          6: [ 1- 1]: digital audio playback
         33:        : timer
        """.write(toFile: root.file("devices"), atomically: true, encoding: .utf8)

        let catalog = AlsaCatalog.load(root: root.path)
        #expect(catalog.cards.map(\.id) == ["PCH", "Device"])
        #expect(catalog.card("1")?.name == "USB-Audio - USB Audio Device")
        let audio = AudioDevices.load(alsa: catalog, udevSound: [])
        #expect(audio.output == [
            "0,0": "HDA-Intel - HDA Intel PCH: ALC887-VD Analog",
            "0,3": "HDA-Intel - HDA Intel PCH: HDMI 0",
            "1,1": "USB-Audio - USB Audio Device: 1",
        ])
        #expect(audio.input == [
            "0,0": "HDA-Intel - HDA Intel PCH: ALC887-VD Analog",
            "1,0": "USB-Audio - USB Audio Device: USB Audio",
        ])
        let legacy = HardwareInfo.audio(catalog)
        #expect(legacy["0"]?["type"] == "PCH")
        #expect(legacy["1"]?["devices"]?.arrayValue?.count == 2)
    }

    @Test func missingAsoundGivesEmptyLists() throws {
        let root = try TemporaryDirectory(prefix: "asound-empty")
        let catalog = AlsaCatalog.load(root: root.path)
        #expect(catalog == AlsaCatalog())
        #expect(AudioDevices.load(alsa: catalog, udevSound: []) == AudioDevices())
    }

    @Test func pcmNodeNames() {
        #expect(PCMNode(sysName: "pcmC0D3p") == PCMNode(card: "0", device: "3", playback: true))
        #expect(PCMNode(sysName: "pcmC12D0c")?.playback == false)
        #expect(PCMNode(sysName: "controlC0") == nil)
    }
}
