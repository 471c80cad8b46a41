import Foundation
import SupervisorKernel

/// `/host/disks/default/usage`: the data disk and what the Supervisor's folders use of it.
struct HostDiskRoutes {
    let runtime: HostRuntime

    func register(_ routes: RouteBuilder) {
        routes.get("/host/disks/default/usage", summary: "Space of the data disk and of each data folder",
                   response: HostSchemas.diskUsage) { _ in
            let data = runtime.context.paths.data
            let disk = try await DiskSpace.of(data.path)
            let children = try await BlockingWork.run { Self.folders(in: data) }
            return .ok([
                "id": "root", "label": "Root",
                "total_bytes": .int(disk.totalBytes), "used_bytes": .int(disk.usedBytes),
                "children": .array(children),
            ])
        }
    }

    static func folders(in data: URL) -> [JSONValue] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? []
        return names.sorted().compactMap { name -> JSONValue? in
            var isDirectory: ObjCBool = false
            let url = data.appendingPathComponent(name)
            guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                  isDirectory.boolValue
            else { return nil }
            return ["id": .string(name), "label": .string(name.replacingOccurrences(of: "_", with: " ").capitalized),
                    "used_bytes": .int(DirectorySize.of(url))]
        }
    }
}
