#define _DEFAULT_SOURCE
/* A plugin without BOSS_PLUGIN_THREAD_SAFE that records calls into its instance overlapping one another
 * (extract, health, destroy) and calls after destroy: the host must never make either happen. */
#include <boss_plugin.h>
#include <stdatomic.h>
#include <unistd.h>

static atomic_int inside, overlaps, after_destroy, destroyed, health_calls, extracting;

BOSS_EXPORT int overlap_count(void) { return overlaps; }
BOSS_EXPORT int overlap_after_destroy(void) { return after_destroy; }
BOSS_EXPORT int overlap_health_calls(void) { return health_calls; }
BOSS_EXPORT int overlap_extracting(void) { return extracting; }

static void enter(void) {
    if (atomic_fetch_add(&inside, 1) != 0) atomic_fetch_add(&overlaps, 1);
    if (atomic_load(&destroyed)) atomic_fetch_add(&after_destroy, 1);
}
static void leave(void) { atomic_fetch_sub(&inside, 1); }

static void *create(const boss_host *host, const boss_config *config) {
    (void)config;
    return (void *)host;
}

static boss_status extract(void *instance, boss_job *job, const char *url) {
    (void)instance; (void)job; (void)url;
    enter();
    atomic_store(&extracting, 1);
    usleep(300000);
    atomic_store(&extracting, 0);
    leave();
    return BOSS_ERR_NO_MEDIA;
}

static const char *health(void *instance) {
    (void)instance;
    enter();
    atomic_fetch_add(&health_calls, 1);
    usleep(2000);
    leave();
    return NULL;
}

static void destroy(void *instance) {
    (void)instance;
    enter();
    usleep(20000);
    atomic_store(&destroyed, 1);
    leave();
}

static const char *const patterns[] = {"^https://overlap\\.example/", NULL};
static const char *const examples[] = {"https://overlap.example/x", NULL};
static const boss_plugin_descriptor descriptor = {
    sizeof(boss_plugin_descriptor), BOSS_PLUGIN_ABI_VERSION, "overlap", "Overlap fixture", "1.0.0",
    "Records overlapping calls.", 0, patterns, examples, 0, create, extract, destroy, health,
};

BOSS_EXPORT const boss_plugin_descriptor *boss_plugin_entry(uint32_t host_abi_version) {
    return host_abi_version == BOSS_PLUGIN_ABI_VERSION ? &descriptor : NULL;
}
