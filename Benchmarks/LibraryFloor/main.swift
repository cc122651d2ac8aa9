import CCurl
import CWebSockets
import Foundation
import GRDB

// The floor under boss-host's idle memory, for `make bench`'s idle row: a process that loads what the
// design requires (the Swift runtime shared with the plugins, Foundation, libcurl with TLS set up,
// libwebsockets with TLS set up, SQLite through GRDB in WAL mode) and does nothing else. What boss-host
// holds above this figure is its own code, threads and data.
// Usage: boss-bench-floor FOLDER (prints "ready", then idles until killed).

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: boss-bench-floor FOLDER\n".utf8))
    exit(2)
}
lws_set_log_level(0, nil)
// CURL_GLOBAL_ALL, as BossNet initializes it.
guard curl_global_init(3) == CURLE_OK,
    let context = boss_lws_create_client_context(nil, nil, 1)
else {
    FileHandle.standardError.write(Data("boss-bench-floor: libcurl or libwebsockets did not start\n".utf8))
    exit(1)
}
let database = try DatabasePool(path: CommandLine.arguments[1] + "/floor.sqlite")
try database.write { try $0.execute(sql: "CREATE TABLE IF NOT EXISTS t (x INTEGER)") }
FileHandle.standardOutput.write(Data("ready\n".utf8))
while true { pause() }
