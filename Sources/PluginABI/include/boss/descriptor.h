/* Boss-Bot plugin ABI: what a plugin exports.
 *
 * A plugin is a shared library exporting one C symbol, `boss_plugin_entry` (boss_plugin_entry_fn).
 * The host calls it once, right after dlopen, with its own ABI version; the plugin returns its
 * descriptor when it can serve that version, or NULL when it cannot (the host then skips the file).
 */
#ifndef BOSS_DESCRIPTOR_H
#define BOSS_DESCRIPTOR_H

#include "host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bits of boss_plugin_descriptor.flags. */
#define BOSS_PLUGIN_THREAD_SAFE (1u << 0) /* extract may run for several jobs at once on one instance;
                                           * without it the host serializes extract calls */
#define BOSS_PLUGIN_FALLBACK (1u << 1)    /* also tried, after every plugin that claims a URL, for any http(s)
                                           * URL (e.g. yt-dlp's generic page extractor); return
                                           * BOSS_ERR_UNSUPPORTED_URL for what it cannot take */

typedef struct boss_config_entry {
    const char *key;   /* lower-case, e.g. "api_url" for BOSS_PLUGIN_TWITTER_API_URL */
    const char *value; /* UTF-8 */
} boss_config_entry;

/* Host-owned; every pointer in it is valid until destroy returns. [any-thread] to read. */
typedef struct boss_config {
    uint32_t struct_size;
    size_t count;
    const boss_config_entry *entries;
} boss_config;

/* Plugin-owned: the descriptor and every string and array it points to must stay valid and unchanged
 * for as long as the library is loaded (static storage). Limits are checked at load time. v1 minimum:
 * every field through `destroy` (a shorter descriptor is refused); `health` past struct_size is NULL. */
typedef struct boss_plugin_descriptor {
    uint32_t struct_size;  /* sizeof(boss_plugin_descriptor) */
    uint32_t abi_version;  /* BOSS_PLUGIN_ABI_VERSION the plugin serves (must equal the host's major) */
    const char *id;        /* unique, [a-z0-9_]{1,32}, e.g. "twitter" */
    const char *name;      /* human-readable, at most 64 bytes */
    const char *version;   /* the plugin's own version, at most 32 bytes, e.g. "1.2.0" */
    const char *description; /* one sentence, at most 200 bytes */
    /* Routing: a URL goes to the plugin with the highest priority among those with a matching
     * pattern. Site plugins use 100, generic ones 0 and below; the gallery-dl catch-all is -1000. */
    int32_t priority;
    /* NULL-terminated, 1 to 32 entries, each at most 512 bytes. POSIX extended regular expressions
     * (regcomp with REG_EXTENDED | REG_ICASE | REG_NOSUB), searched in the whole URL as the user
     * wrote it: anchor them, e.g. "^https?://(www\\.)?example\\.com/p/[0-9]+". */
    const char *const *url_patterns;
    /* NULL-terminated, at least one: URLs the plugin handles. Each must match one of url_patterns;
     * `boss-host plugin check` verifies that, and uses them to exercise the plugin. */
    const char *const *example_urls;
    uint32_t flags; /* BOSS_PLUGIN_* bits */

    /* [host-thread] Called once after the descriptor was validated. `host` and `config` stay valid
     * until destroy returns. Returns the instance, or NULL on failure (log why with host->log first);
     * the host then reports the plugin as failed to load. */
    void *(*create)(const boss_host *host, const boss_config *config);
    /* [host-thread] Download the media of `url` into the host's sink. Runs on a dedicated thread per job
     * (see BOSS_PLUGIN_THREAD_SAFE). Returns BOSS_OK once at least one file was ended or a redirect was
     * made, or the status explaining why not. `url` is borrowed for the call. */
    boss_status (*extract)(void *instance, boss_job *job, const char *url);
    /* [host-thread] Called once when no extract or health runs any more; free everything. */
    void (*destroy)(void *instance);
    /* [host-thread] May be NULL (appended after the first ABI 1 hosts). Returns NULL when the plugin can
     * work, or a sentence saying why it is degraded (e.g. "gallery-dl is not installed"), shown in
     * `boss-host plugins`: plugin-owned, static or owned by the instance until the next health call. */
    const char *(*health)(void *instance);
} boss_plugin_descriptor;

/* The type of the exported `boss_plugin_entry` symbol. `host_abi_version` is the host's
 * BOSS_PLUGIN_ABI_VERSION. [host-thread], possibly more than once; must be cheap and
 * return the same descriptor each time. */
typedef const boss_plugin_descriptor *(*boss_plugin_entry_fn)(uint32_t host_abi_version);

#ifdef __cplusplus
}
#endif

#endif /* BOSS_DESCRIPTOR_H */
