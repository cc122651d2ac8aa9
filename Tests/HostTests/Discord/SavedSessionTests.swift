import BossDiscord
import Foundation
import TestSupport
import Testing

@Suite("Saved gateway session")
struct SavedSessionTests {
    @Test("a saved session is good for one try, only while fresh, and readable by its owner only")
    func takeOnceWhileFresh() throws {
        try withTemporaryFolder(prefix: "boss-session") { folder in
            let path = folder.file("session.json")
            let saved = SavedSession(
                sessionID: "s", resumeURL: "wss://r", sequence: 7, userID: "9", applicationID: "8")
            try saved.write(to: path)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(SavedSession.take(from: path)?.sequence == 7)
            #expect(SavedSession.take(from: path) == nil)
            try saved.write(to: path)
            #expect(
                SavedSession.take(from: path, now: Date().addingTimeInterval(SavedSession.maxAge + 1)) == nil)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }
}
