/* A plugin built as if against another ABI 1 header than the host's: -DSKEW_OLDER gives the structs of an
 * older v1 (a descriptor without health, an http request of struct_size and url alone, a response ending
 * after status), -DSKEW_NEWER those of a newer v1 (every struct with a field the host does not know yet),
 * -DSKEW_TRUNCATED a descriptor too short for any v1 host, -DSKEW_TINY_REQUEST an older plugin whose http
 * request is too short to hold its url. extract("/skew/<name>") fetches "/media/<name>"
 * through http_get and the sink, and checks the host wrote nothing past the response's struct_size. */
#include <boss_plugin.h>
#include <stdio.h>
#include <string.h>

#define CANARY 0x5AFE5AFE5AFE5AFELL

static const char *const patterns[] = {"^http://127\\.0\\.0\\.1:[0-9]+/skew/", NULL};
static const char *const examples[] = {"http://127.0.0.1:1/skew/cat.png", NULL};

static void *create(const boss_host *host, const boss_config *config) { (void)config; return (void *)host; }
static void destroy(void *instance) { (void)instance; }

/* The media URL behind a "/skew/<name>" URL, in `out`. */
static const char *media_url(const char *url, char *out, size_t size) {
    const char *marker = strstr(url, "/skew/");
    if (!marker) return NULL;
    snprintf(out, size, "%.*s/media/%s", (int)(marker - url), url, marker + strlen("/skew/"));
    return out;
}

static boss_status failed(const boss_host *h, boss_job *job, const char *why) {
    h->set_error_detail(job, why);
    return BOSS_ERR_INTERNAL;
}

#ifdef SKEW_NEWER
typedef struct { boss_http_request base; uint64_t future_option; } newer_request;
typedef struct { boss_http_response base; int64_t future_field; } newer_response;
typedef struct { const boss_host *host; boss_file *file; } relay;

static boss_status relay_chunk(void *context, const uint8_t *bytes, size_t length) {
    relay *r = context;
    return r->host->file_write(r->file, bytes, length);
}

static boss_status extract(void *instance, boss_job *job, const char *url) {
    const boss_host *h = instance;
    char target[512];
    if (!media_url(url, target, sizeof target)) return BOSS_ERR_UNSUPPORTED_URL;
    relay r = {h, NULL};
    boss_status status = h->file_begin(job, "skew", -1, &r.file);
    if (status != BOSS_OK) return status;
    newer_request request = {{sizeof(newer_request), target, NULL, BOSS_HTTP_GET, 0, relay_chunk, &r}, ~0ull};
    newer_response response = {{sizeof(newer_response), 0, 0, NULL, NULL}, CANARY};
    status = h->http_get(job, &request.base, &response.base);
    if (status != BOSS_OK) return status;
    if (response.future_field != CANARY) return failed(h, job, "the host wrote past the fields it knows");
    if (response.base.status != 200 || !response.base.final_url) return failed(h, job, "response not filled");
    status = h->file_end(r.file);
    if (status != BOSS_OK) return status;
    int features = BOSS_HAS_FIELD(h->struct_size, boss_host, has_feature) &&
                   h->has_feature(h, BOSS_FEATURE_NOTE) && !h->has_feature(h, "boss.not_a_feature");
    if (features) h->set_metadata(job, "note", "The host has boss.note.");
    h->set_metadata(job, "title", "newer v1");
    return BOSS_OK;
}

static const char *health(void *instance) { (void)instance; return "newer health"; }

static const struct {
    boss_plugin_descriptor base;
    const char *future_field;
} descriptor = {
    {sizeof descriptor, BOSS_PLUGIN_ABI_VERSION, "skew_newer", "Skew newer", "2.0.0", "A newer v1 plugin.", 0,
     patterns, examples, BOSS_PLUGIN_THREAD_SAFE, create, extract, destroy, health},
    "a field this host does not know",
};
#else
/* The older v1 structs: the fields a first ABI 1 header had, in the same order. */
typedef struct { uint32_t struct_size; const char *url; } older_request;
typedef struct { uint32_t struct_size; int32_t status; } older_response;
typedef struct {
    uint32_t struct_size, abi_version;
    const char *id, *name, *version, *description;
    int32_t priority;
    const char *const *url_patterns, *const *example_urls;
    uint32_t flags;
    void *(*create)(const boss_host *host, const boss_config *config);
    boss_status (*extract)(void *instance, boss_job *job, const char *url);
    void (*destroy)(void *instance);
} older_descriptor;

static boss_status extract(void *instance, boss_job *job, const char *url) {
    const boss_host *h = instance;
    char target[512];
    if (!media_url(url, target, sizeof target)) return BOSS_ERR_UNSUPPORTED_URL;
#ifdef SKEW_TINY_REQUEST
    older_request request = {sizeof(uint32_t), target};
#else
    older_request request = {sizeof request, target};
#endif
    struct { older_response response; int64_t canary; } guarded = {{sizeof(older_response), -7}, CANARY};
    boss_status status = h->http_get(job, (const boss_http_request *)&request,
                                     (boss_http_response *)&guarded.response);
    if (status != BOSS_OK) return status;
    if (guarded.canary != CANARY) return failed(h, job, "the host wrote past the response's struct_size");
    if (guarded.response.status != 200) return failed(h, job, "response status not filled");
    status = h->fetch_to_file(job, target, NULL, NULL);
    if (status != BOSS_OK) return status;
    h->set_metadata(job, "title", "older v1");
    return BOSS_OK;
}

/* Read past the descriptor's struct_size, this would be its health function. */
static const char *poison(void *instance) { (void)instance; return "health read past struct_size"; }

#ifdef SKEW_TRUNCATED
#define SKEW_SIZE offsetof(older_descriptor, destroy)
#define SKEW_ID "skew_truncated"
#else
#define SKEW_SIZE sizeof(older_descriptor)
#define SKEW_ID "skew_older"
#endif

static const struct {
    older_descriptor base;
    const char *(*after)(void *instance);
} descriptor = {
    {SKEW_SIZE, BOSS_PLUGIN_ABI_VERSION, SKEW_ID, "Skew older", "0.9.0", "An older v1 plugin.", 0, patterns,
     examples, BOSS_PLUGIN_THREAD_SAFE, create, extract, destroy},
    poison,
};
#endif

BOSS_EXPORT const boss_plugin_descriptor *boss_plugin_entry(uint32_t host_abi_version) {
    return host_abi_version == BOSS_PLUGIN_ABI_VERSION ? (const boss_plugin_descriptor *)&descriptor : NULL;
}
