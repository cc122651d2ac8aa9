import PluginABI

/// What this host added inside ABI 1 (boss/features.h), as `has_feature` answers.
enum HostFeatures {
    static let offered: Set<String> = [
        BOSS_FEATURE_NOTE, BOSS_FEATURE_RUN_PROCESS, BOSS_FEATURE_PROXY_URL, BOSS_FEATURE_JOB_OPTION,
        BOSS_FEATURE_FILE_ADOPT,
    ]
}
