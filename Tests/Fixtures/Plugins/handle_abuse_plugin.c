#define _DEFAULT_SOURCE
/* A plugin that misuses boss_file handles the ways a buggy plugin does, chosen by the URL path
 * ("https://abuse.example/<mode>"). Each mode returns the status of the misuse, which the host must
 * answer with BOSS_ERR_INVALID_ARGUMENT (and survive). */
#include <boss_plugin.h>
#include <string.h>
#include <unistd.h>

static const char *const patterns[] = {"^https://abuse\\.example/", NULL};
static const char *const examples[] = {"https://abuse.example/garbage", NULL};
static const unsigned char png[16] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

static boss_file *kept;   /* a handle from an earlier job ("/keep", then "/stale") */
static boss_file *held;   /* a handle of a job still running ("/hold", then "/foreign") */
static boss_job *kept_job; /* an earlier job ("/keepjob", then "/stalejob") */
static volatile int holding;

BOSS_EXPORT int abuse_holding(void) { return holding; }

static void *create(const boss_host *host, const boss_config *config) { (void)config; return (void *)host; }
static void destroy(void *instance) { (void)instance; }

static int is(const char *url, const char *mode) { return strcmp(url + strlen("https://abuse.example/"), mode) == 0; }

/* Writes past the 1 MiB limit until the host refuses; then aborts the finished handle and writes again. */
static boss_status after_failed_write(const boss_host *h, boss_job *job) {
    boss_file *file = NULL;
    if (h->file_begin(job, "big", -1, &file) != BOSS_OK) return BOSS_ERR_INTERNAL;
    static unsigned char chunk[1 << 16];
    memcpy(chunk, png, sizeof png);
    boss_status status = BOSS_OK;
    for (int i = 0; i < 64 && status == BOSS_OK; i++) status = h->file_write(file, chunk, sizeof chunk);
    if (status != BOSS_ERR_TOO_LARGE) return BOSS_ERR_INTERNAL;
    h->file_abort(file);
    return h->file_write(file, png, sizeof png);
}

static boss_status extract(void *instance, boss_job *job, const char *url) {
    const boss_host *h = instance;
    if (is(url, "afterfail")) return after_failed_write(h, job);
    if (is(url, "garbage")) return h->file_write((boss_file *)(uintptr_t)0x5eed5eed, png, sizeof png);
    if (is(url, "double")) {
        boss_file *file = NULL;
        if (h->file_begin(job, "twice", -1, &file) != BOSS_OK) return BOSS_ERR_INTERNAL;
        if (h->file_write(file, png, sizeof png) != BOSS_OK || h->file_end(file) != BOSS_OK) return BOSS_ERR_INTERNAL;
        return h->file_end(file);
    }
    if (is(url, "keep")) return h->file_begin(job, "kept", -1, &kept) == BOSS_OK ? BOSS_ERR_NO_MEDIA : BOSS_ERR_INTERNAL;
    if (is(url, "stale")) return h->file_write(kept, png, sizeof png);
    if (is(url, "hold")) {
        if (h->file_begin(job, "held", -1, &held) != BOSS_OK) return BOSS_ERR_INTERNAL;
        holding = 1;
        while (!h->is_cancelled(job)) usleep(10000);
        holding = 0;
        return BOSS_ERR_CANCELLED;
    }
    if (is(url, "foreign")) return h->file_write(held, png, sizeof png);
    if (is(url, "keepjob")) {
        kept_job = job;
        return BOSS_ERR_NO_MEDIA;
    }
    if (is(url, "stalejob")) return h->set_metadata(kept_job, "title", "from a job that ended");
    if (is(url, "garbagejob")) return h->set_error_detail((boss_job *)(uintptr_t)0x5eed5eed, "forged");
    return BOSS_ERR_UNSUPPORTED_URL;
}

static const boss_plugin_descriptor descriptor = {
    sizeof(boss_plugin_descriptor), BOSS_PLUGIN_ABI_VERSION, "abuse", "Handle abuse fixture", "1.0.0",
    "Misuses file handles.", 10, patterns, examples, BOSS_PLUGIN_THREAD_SAFE,
    create, extract, destroy, NULL,
};

BOSS_EXPORT const boss_plugin_descriptor *boss_plugin_entry(uint32_t host_abi_version) {
    return host_abi_version == BOSS_PLUGIN_ABI_VERSION ? &descriptor : NULL;
}
