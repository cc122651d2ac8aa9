import Foundation
import Hummingbird
import NIOCore

extension FakeREST {
    func install(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v10")
        api.get("gateway/bot") { request, _ in
            self.admit(request, path: "/gateway/bot")
                ?? Self.json([
                    "url": self.gatewayURL.withLock { $0 },
                    "shards": self.recommendedShards.load(ordering: .relaxed),
                    "session_start_limit": [
                        "total": 1000, "remaining": 999, "reset_after": 14_400_000,
                        "max_concurrency": self.maxConcurrency.load(ordering: .relaxed),
                    ],
                ])
        }
        api.get("users/@me") { request, _ in
            self.admit(request, path: "/users/@me")
                ?? Self.json(text: Self.botUser(id: self.botUserID))
        }
        api.get("oauth2/applications/@me") { request, _ in
            self.admit(request, path: "/oauth2/applications/@me")
                ?? Self.json(text: Self.application(id: self.applicationID, ownerID: "1"))
        }
        api.get("applications/@me") { request, _ in
            self.admit(request, path: "/applications/@me")
                ?? Self.json(["id": self.applicationID, "name": "Boss"])
        }
        api.put("applications/:app/commands") { request, context in
            let path = "/applications/\(context.parameters.get("app") ?? "")/commands"
            if let limited = self.admit(request, path: path) { return limited }
            let body = try await request.body.collect(upTo: 1 << 20)
            let list = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [[String: Any]] ?? []
            self.state.withLock { $0.registeredCommands = list.compactMap { $0["name"] as? String } }
            return Self.json(list)
        }
        installMemberRoutes(on: api)
        api.post("channels/:channel/messages") { request, context in
            let channel = context.parameters.get("channel") ?? ""
            return try await self.create(request, path: "/channels/\(channel)/messages", channel: channel)
        }
        api.patch("channels/:channel/messages/:message") { request, context in
            let channel = context.parameters.get("channel") ?? ""
            let message = context.parameters.get("message") ?? ""
            return try await self.edit(request, path: "/channels/\(channel)/messages/\(message)", id: message)
        }
        api.post("interactions/:id/:token/callback") { request, context in
            let path = "/interactions/\(context.parameters.get("id") ?? "")/callback"
            if let limited = self.admit(request, path: path) { return limited }
            _ = try await request.body.collect(upTo: 1 << 20)
            return Response(status: .noContent)
        }
        api.patch("webhooks/:app/:token/messages/@original") { request, context in
            let token = context.parameters.get("token") ?? ""
            let original = self.messages.first { $0.channelID == "webhook:\(token)" }
            guard let original else {
                return try await self.create(request, path: "/webhooks/original", channel: "webhook:\(token)")
            }
            return try await self.edit(request, path: "/webhooks/original", id: original.id)
        }
        api.patch("webhooks/:app/:token/messages/:message") { request, context in
            let message = context.parameters.get("message") ?? ""
            return try await self.edit(request, path: "/webhooks/followup/\(message)", id: message)
        }
        api.post("webhooks/:app/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            return try await self.create(request, path: "/webhooks/followup", channel: "webhook:\(token)")
        }
    }

    private func create(_ request: Request, path: String, channel: String) async throws -> Response {
        if let limited = admit(request, path: path) { return limited }
        let (payload, files) = try await FakeMultipart.read(request)
        if let refusal = checkUploadLimit(files) { return refusal }
        let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] ?? [:]
        if let refusal = invalidFormBody(object) { return refusal }
        let nonce = object["nonce"] as? String
        let message = state.withLock { state -> FakeMessage in
            if let nonce, object["enforce_nonce"] as? Bool == true,
                let existing = state.messages.first(where: { $0.payload["nonce"] as? String == nonce })
            {
                return existing  // Discord answers a repeated nonce with the message it already created
            }
            state.nextID += 1
            let reference = (object["message_reference"] as? [String: Any])?["message_id"] as? String
            let message = FakeMessage(
                id: String(state.nextID), channelID: channel, content: object["content"] as? String ?? "",
                history: [object["content"] as? String ?? ""], attachments: files, replyTo: reference,
                payloadJSON: payload)
            state.messages.append(message)
            return message
        }
        if takeFailAfterWork(path) {
            return Self.json(["message": "lost answer"], status: .internalServerError)
        }
        return Self.json(Self.render(message))
    }

    private func edit(_ request: Request, path: String, id: String) async throws -> Response {
        if let limited = admit(request, path: path) { return limited }
        let (payload, files) = try await FakeMultipart.read(request)
        if let refusal = checkUploadLimit(files) { return refusal }
        let object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] ?? [:]
        if let refusal = invalidFormBody(object) { return refusal }
        let edited = state.withLock { state -> FakeMessage? in
            guard let index = state.messages.firstIndex(where: { $0.id == id }) else { return nil }
            if let content = object["content"] as? String {
                state.messages[index].content = content
                state.messages[index].history.append(content)
            }
            // Like Discord: an `attachments` list replaces the attachments (empty: none are kept).
            if !files.isEmpty || (object["attachments"] as? [Any])?.isEmpty == true {
                state.messages[index].attachments = files
            }
            state.messages[index].payloadJSON = payload
            return state.messages[index]
        }
        guard let edited else {
            return Self.json(["code": 10008, "message": "Unknown Message"], status: .notFound)
        }
        return Self.json(Self.render(edited))
    }

    private func checkUploadLimit(_ files: [(name: String, bytes: [UInt8])]) -> Response? {
        let limit = uploadLimit.load(ordering: .relaxed)
        guard
            files.contains(where: { $0.bytes.count > limit })
                || files.reduce(0, { $0 + $1.bytes.count }) > 25 << 20
        else { return nil }
        return Self.json(["code": 40005, "message": "Request entity too large"], status: .contentTooLarge)
    }

    static func render(_ message: FakeMessage) -> [String: Any] {
        [
            "id": message.id, "channel_id": message.channelID, "content": message.content,
            "attachments": message.attachments.map {
                ["filename": $0.name, "size": $0.bytes.count, "url": "https://cdn.invalid/\($0.name)"]
            },
        ]
    }
}
