import Foundation
import Hummingbird

extension FakeREST {
    /// Discord's message limit, counted in Unicode code points.
    public static let maxContentCodePoints = 2000

    /// Refuses a message body the way Discord's validation does (400, code 50035 "Invalid Form Body"),
    /// strictly where the real API is lenient: `content` over 2000 code points, and attachment `id`s
    /// that are not strings (the OpenAPI spec types snowflakes as strings; Discord accepts integers
    /// too, but a test must fail when the client sends them).
    func invalidFormBody(_ object: [String: Any]) -> Response? {
        var errors: [String: Any] = [:]
        if let content = object["content"] as? String,
            content.unicodeScalars.count > Self.maxContentCodePoints
        {
            errors["content"] = Self.formError("BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")
        }
        for (index, attachment) in ((object["attachments"] as? [[String: Any]]) ?? []).enumerated()
        where !(attachment["id"] is String) {
            errors["attachments.\(index).id"] = Self.formError("BASE_TYPE_SNOWFLAKE", "Must be a string.")
        }
        guard !errors.isEmpty else { return nil }
        return Self.json(
            ["code": 50035, "message": "Invalid Form Body", "errors": errors], status: .badRequest)
    }

    private static func formError(_ code: String, _ message: String) -> [String: Any] {
        ["_errors": [["code": code, "message": message]]]
    }
}
