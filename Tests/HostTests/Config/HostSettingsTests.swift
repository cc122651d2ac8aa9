import BossCore
import Foundation
import TestSupport
import Testing

@Suite("Settings: .env file, real environment, validation, plugin configuration")
struct HostSettingsTests {
    private func dotEnv(_ text: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.file(".env")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("defaults match the operator contract")
    func defaults() throws {
        let settings = try HostSettings(environment: HostEnvironment(values: [:]))
        #expect(
            settings.discordToken == nil && settings.prefix == "$" && settings.pluginsDirectory == "plugins.d"
        )
        #expect(settings.maxConcurrent == 5 && settings.maxQueue == 50)
        #expect(settings.maxFileBytes == 50 * 1_048_576 && settings.storageQuotaBytes == 2048 * 1_048_576)
        #expect(settings.allowPrivateNetworks == false && settings.metricsAddress == "127.0.0.1:9464")
        #expect(settings.discordAPIURL == "https://discord.com/api/v10")
    }

    @Test(".env is read with comments, export and quotes; the real environment wins")
    func dotEnvMerging() throws {
        try withTemporaryFolder(prefix: "boss-env") { folder in
            let path = try dotEnv(
                "# comment\n\nexport BOSS_PREFIX='!'\nBOSS_MAX_QUEUE=\"7\"\nBOSS_DATA_DIR=/from/file\n",
                in: folder)
            let environment = try HostEnvironment(process: ["BOSS_DATA_DIR": "/from/env"], dotEnvPath: path)
            let settings = try HostSettings(environment: environment)
            #expect(settings.prefix == "!" && settings.maxQueue == 7 && settings.dataDirectory == "/from/env")
        }
    }

    @Test("a malformed .env line names the file and line")
    func malformed() throws {
        try withTemporaryFolder(prefix: "boss-env") { folder in
            let path = try dotEnv("BOSS_PREFIX=!\nthis is not a setting\n", in: folder)
            #expect(throws: ConfigurationError.malformedEnvironmentLine(path: path, line: 2)) {
                try HostEnvironment(process: [:], dotEnvPath: path)
            }
        }
    }

    @Test("invalid values are refused with what would be accepted")
    func invalidValues() {
        for (key, value) in [
            ("BOSS_MAX_CONCURRENT", "0"), ("BOSS_MAX_FILE_MB", "lots"), ("BOSS_LOG_FORMAT", "xml"),
        ] {
            #expect(throws: ConfigurationError.self) {
                try HostSettings(environment: HostEnvironment(values: [key: value]))
            }
        }
        let error = ConfigurationError.invalidValue(
            key: "BOSS_MAX_QUEUE", value: "x", expected: "a whole number")
        #expect(error.description == "BOSS_MAX_QUEUE='x' is not valid: expected a whole number")
    }

    @Test("a secret's value never appears in an error")
    func secretRedaction() {
        let error = ConfigurationError.invalidValue(
            key: "DISCORD_TOKEN", value: "MTIz.secret.token", expected: "x")
        #expect(!error.description.contains("MTIz") && error.description.contains("<redacted>"))
    }

    @Test("plugin configuration comes from BOSS_PLUGIN_<ID>_<KEY>, keys lower-cased")
    func pluginConfiguration() {
        let environment = HostEnvironment(values: [
            "BOSS_PLUGIN_TWITTER_API_URL": "http://127.0.0.1:1", "BOSS_PLUGIN_TWITTER_": "ignored",
            "BOSS_PLUGIN_REDDIT_API_URL": "http://other",
        ])
        #expect(environment.pluginConfiguration(id: "twitter") == ["api_url": "http://127.0.0.1:1"])
    }
}
