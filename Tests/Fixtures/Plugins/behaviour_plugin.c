#define _DEFAULT_SOURCE
/* A test plugin whose extract behaviour is chosen by the URL path ("/<mode>/..."), so one fixture
 * drives every host service: fetch, stream, redirect, failure detail, cancellation, leaks, http_get. */
#include <boss_plugin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef BEHAVIOUR_ID
#define BEHAVIOUR_ID "behaviour"
#endif
#ifndef BEHAVIOUR_VERSION
#define BEHAVIOUR_VERSION "1.0.0"
#endif

static const char *const patterns[] = {"^http://127\\.0\\.0\\.1:[0-9]+/(fetch|stream|redirect|fail|slow|stuck|leak|http|meta|markdown|secret|dry|options|pass|adopt)/", NULL};
static const char *const examples[] = {"http://127.0.0.1:1/fetch/a.png", NULL};

static int destroy_count;

/* Exported so tests can check, through dlsym on the private copy, when this image's instance died. */
BOSS_EXPORT int behaviour_destroy_count(void) { return destroy_count; }

static void *create(const boss_host *host, const boss_config *config) { (void)config; return (void *)host; }
static void destroy(void *instance) { (void)instance; destroy_count += 1; }

/* The text after "/<mode>/" when the URL's first path segment is <mode>, else NULL. */
static const char *after(const char *url, const char *marker) {
    const char *path = strchr(url + strlen("http://"), '/');
    return path && strncmp(path, marker, strlen(marker)) == 0 ? path + strlen(marker) : NULL;
}

/* "/stream/<bytes>/<name>": a PNG header followed by filler, written in 1000-byte chunks. */
static boss_status stream(const boss_host *h, boss_job *job, const char *spec) {
    long long total = atoll(spec);
    const char *name = strchr(spec, '/') ? strchr(spec, '/') + 1 : "streamed";
    boss_file *file = NULL;
    boss_status status = h->file_begin(job, name, -1, &file);
    if (status != BOSS_OK) return status;
    unsigned char chunk[1000];
    memset(chunk, 0xAB, sizeof chunk);
    const unsigned char png[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    for (long long written = 0; written < total;) {
        size_t n = total - written < (long long)sizeof chunk ? (size_t)(total - written) : sizeof chunk;
        if (written == 0) memcpy(chunk, png, sizeof png);
        status = h->file_write(file, chunk, n);
        if (written == 0) memset(chunk, 0xAB, sizeof png);
        if (status != BOSS_OK) return status; /* a failed write already finished the handle */
        written += (long long)n;
    }
    return h->file_end(file);
}

/* Writes `size` bytes at `path`: a PNG header and filler when `png`, text otherwise. */
static int write_file(const char *path, long size, int png) {
    FILE *out = fopen(path, "wb");
    if (!out) return -1;
    const unsigned char header[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    for (long at = 0; at < size; at++) fputc(png && at < 8 ? header[at] : (png ? 0xAB : 'x'), out);
    return fclose(out);
}

/* "/adopt/<case>": a tool's finished file in the work folder, handed over with file_adopt. "png" and
 * "big" (over a 1 MiB limit) are plain files; "symlink" points at a PNG outside the work folder;
 * "hardlink" has a second name; "outside" lies outside the work folder; "text" is not media. */
static boss_status adopt(const boss_host *h, boss_job *job, const char *which) {
    if (!BOSS_HAS_FIELD(h->struct_size, boss_host, file_adopt)) return BOSS_ERR_DEPENDENCY;
    char path[600], other[600];
    const char *work = h->work_dir(job);
    snprintf(path, sizeof path, "%s/clip.png", work);
    snprintf(other, sizeof other, "%s.outside.png", work); /* beside the work folder, not in it */
    int png = strcmp(which, "text") != 0;
    long size = strcmp(which, "big") == 0 ? 1048577 : 300000;
    if (strcmp(which, "symlink") == 0 || strcmp(which, "outside") == 0) {
        if (write_file(other, size, 1) != 0) return BOSS_ERR_INTERNAL;
        if (strcmp(which, "outside") == 0) snprintf(path, sizeof path, "%s", other);
        else if (symlink(other, path) != 0) return BOSS_ERR_INTERNAL;
    } else if (write_file(path, size, png) != 0) {
        return BOSS_ERR_INTERNAL;
    }
    if (strcmp(which, "hardlink") == 0) {
        snprintf(other, sizeof other, "%s/second-name.png", work);
        if (link(path, other) != 0) return BOSS_ERR_INTERNAL;
    }
    boss_status status = h->file_adopt(job, path, "tool output.png");
    /* A file taken in has left the work folder; a refused one is still there. */
    if ((status == BOSS_OK) == (access(path, F_OK) == 0)) return BOSS_ERR_INTERNAL;
    return status;
}

typedef struct { boss_job *job; boss_file *file; const boss_host *host; boss_status status; } relay;

static boss_status relay_chunk(void *context, const uint8_t *bytes, size_t length) {
    relay *r = context;
    return r->host->file_write(r->file, bytes, length);
}

/* "/http/<path>": http_get of the same server's "/<path>" relayed into a sink file by hand. */
static boss_status http_relay(const boss_host *h, boss_job *job, const char *url, const char *path) {
    char target[512];
    const char *port_end = strchr(url + strlen("http://"), '/');
    snprintf(target, sizeof target, "%.*s/%s", (int)(port_end - url), url, path);
    relay r = {job, NULL, h, BOSS_OK};
    boss_status status = h->file_begin(job, "relayed", -1, &r.file);
    if (status != BOSS_OK) return status;
    boss_http_response response = {sizeof response, 0, -1, NULL, NULL};
    boss_http_request request = {sizeof request, target, NULL, BOSS_HTTP_GET, 0, relay_chunk, &r};
    status = h->http_get(job, &request, &response);
    if (status != BOSS_OK) { h->file_abort(r.file); return status; }
    if (response.status != 200 || response.final_url == NULL) { h->file_abort(r.file); return BOSS_ERR_INTERNAL; }
    return h->file_end(r.file);
}

static boss_status extract(void *instance, boss_job *job, const char *url) {
    const boss_host *h = instance;
    const char *rest;
    if ((rest = after(url, "/fetch/"))) return h->fetch_to_file(job, rest, NULL, NULL);
    if ((rest = after(url, "/stream/"))) return stream(h, job, rest);
    if ((rest = after(url, "/adopt/"))) return adopt(h, job, rest);
    if ((rest = after(url, "/redirect/"))) return h->redirect(job, rest);
    if ((rest = after(url, "/http/"))) return http_relay(h, job, url, rest);
    if ((rest = after(url, "/dry/"))) return h->fetch_to_file(job, rest, NULL, "planned-name");
    if ((rest = after(url, "/pass/"))) { /* BEHAVIOUR_PASSES: "not mine after all", the next plugin's turn */
#ifdef BEHAVIOUR_PASSES
        return BOSS_ERR_UNSUPPORTED_URL;
#else
        return h->fetch_to_file(job, rest, NULL, NULL);
#endif
    }
    if (after(url, "/fail/")) {
        h->set_error_detail(job, "This post was deleted by its author.");
        return BOSS_ERR_NOT_FOUND;
    }
    if (after(url, "/slow/")) {
        while (!h->is_cancelled(job)) usleep(10000);
        return BOSS_ERR_CANCELLED;
    }
    if (after(url, "/stuck/")) { /* ignores cancellation: what `plugin check` must catch */
        sleep(3);
        return BOSS_ERR_NO_MEDIA;
    }
    if ((rest = after(url, "/leak/"))) {
        boss_file *file = NULL;
        return h->file_begin(job, "leaked", -1, &file); /* never ended: the host must abort it */
    }
    if ((rest = after(url, "/markdown/"))) { /* what a hostile site could call its post */
        h->set_metadata(job, "title", "[click me](https://evil.example) **loud** <@42> @everyone");
        h->set_metadata(job, "author", "`x`\n# heading");
        return h->fetch_to_file(job, rest, NULL, "a`b");
    }
    if (after(url, "/secret/")) { /* a careless plugin: its error detail quotes its own credentials */
        const char *key = h->config_get(h, "api_key");
        char detail[256];
        snprintf(detail, sizeof detail, "The API refused key %s at https://bob:pw-secret-77@api.example/x.",
                 key ? key : "(none)");
        h->set_error_detail(job, detail);
        return BOSS_ERR_NOT_FOUND;
    }
    if ((rest = after(url, "/options/"))) { /* the job's options, as metadata */
        const char *quality = h->job_option(job, "quality"), *most = h->job_option(job, "max_bytes");
        h->set_metadata(job, "title", quality ? quality : "none");
        h->set_metadata(job, "author", most ? most : "none");
        if (h->job_option(job, "audio") || h->job_option(job, "bogus")) return BOSS_ERR_INTERNAL;
        return h->fetch_to_file(job, rest, NULL, NULL);
    }
    if ((rest = after(url, "/meta/"))) {
        h->set_metadata(job, "title", "A title");
        h->set_metadata(job, "author", "someone");
        h->set_metadata(job, "nsfw", "1");
        if (h->set_metadata(job, "bogus", "x") != BOSS_ERR_INVALID_ARGUMENT) return BOSS_ERR_INTERNAL;
        return h->fetch_to_file(job, rest, NULL, NULL);
    }
    return BOSS_ERR_UNSUPPORTED_URL;
}

static const boss_plugin_descriptor descriptor = {
    sizeof(boss_plugin_descriptor), BOSS_PLUGIN_ABI_VERSION, BEHAVIOUR_ID, "Behaviour fixture", BEHAVIOUR_VERSION,
    "Drives the host services from URL paths.", 10, patterns, examples, BOSS_PLUGIN_THREAD_SAFE,
    create, extract, destroy, NULL,
};

BOSS_EXPORT const boss_plugin_descriptor *boss_plugin_entry(uint32_t host_abi_version) {
    return host_abi_version == BOSS_PLUGIN_ABI_VERSION ? &descriptor : NULL;
}
