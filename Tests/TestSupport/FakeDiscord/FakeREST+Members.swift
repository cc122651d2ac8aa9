import Foundation
import Hummingbird

extension FakeREST {
    /// Makes `user` a member of `guild` (a server the bot is in) with `roles`.
    public func addMember(guild: String, user: String, roles: [String]) {
        state.withLock { $0.members[guild, default: [:]][user] = roles }
    }

    /// `GET /users/@me/guilds` (the bot's servers) and `GET /guilds/{guild}/members/{user}` (a member
    /// with their roles; 404 with code 10007 "Unknown Member", or 403 "Missing Access" for a server the
    /// bot is not in, as Discord answers).
    func installMemberRoutes(on api: RouterGroup<BasicRequestContext>) {
        api.get("users/@me/guilds") { request, _ in
            if let limited = self.admit(request, path: "/users/@me/guilds") { return limited }
            let guilds = self.state.withLock { $0.members.keys.sorted() }
            return Self.json(guilds.map { ["id": $0, "name": "guild \($0)"] })
        }
        api.get("guilds/:guild/members/:user") { request, context in
            let guild = context.parameters.get("guild") ?? ""
            let user = context.parameters.get("user") ?? ""
            if let limited = self.admit(request, path: "/guilds/\(guild)/members/\(user)") { return limited }
            let members = self.state.withLock { $0.members[guild] }
            guard let members else {  // a server the bot is not in
                return Self.json(["code": 50001, "message": "Missing Access"], status: .forbidden)
            }
            guard let roles = members[user] else {
                return Self.json(["code": 10007, "message": "Unknown Member"], status: .notFound)
            }
            return Self.json(["user": ["id": user, "username": "user\(user)"], "roles": roles])
        }
    }
}
