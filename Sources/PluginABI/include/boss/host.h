/* Boss-Bot plugin ABI: the services the host offers a plugin instance.
 *
 * `extract` runs on a dedicated thread per job. Job services (those taking a boss_job or a boss_file) are
 * [extract-thread]; `log`, `config_get` and `has_feature` are [any-thread] between the start of `create`
 * and the return of `destroy`. Every service is safe to call concurrently (see boss/version.h for tags).
 */
#ifndef BOSS_HOST_H
#define BOSS_HOST_H

#include "features.h"
#include "job.h"
#include "http.h"
#include "log.h"
#include "process.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Host-owned; lives (unchanged) from the call to `create` until `destroy` returns. Each plugin
 * instance gets its own table: `host_data` identifies it to the host and must not be touched. */
typedef struct boss_host {
    uint32_t struct_size;  /* sizeof(boss_host) as the host knows it: check with BOSS_HAS_FIELD */
    uint32_t abi_version;  /* BOSS_PLUGIN_ABI_VERSION of the host */
    const char *name;      /* host-owned, static: "boss-host" */
    const char *version;   /* host-owned, static: host version, e.g. "0.1.0" */
    void *host_data;       /* reserved for the host */

    /* [any-thread] Write a line to the operator's log, tagged with the plugin id. `message`: borrowed. */
    void (*log)(const struct boss_host *host, boss_log_level level, const char *message);
    /* [any-thread] The value of config key `key` (borrowed; from BOSS_PLUGIN_<ID>_<KEY>, key lower-cased),
     * or NULL. The returned string is host-owned and valid until destroy returns. */
    const char *(*config_get)(const struct boss_host *host, const char *key);

    uint32_t (*job_flags)(const boss_job *job); /* [extract-thread] BOSS_JOB_* bits for this job */
    /* [extract-thread] Non-zero once the job was cancelled; stop and return BOSS_ERR_CANCELLED. */
    int (*is_cancelled)(const boss_job *job);
    /* [extract-thread] Report progress in bytes; `total` 0 when unknown. Cheap: call it as often as you like. */
    void (*progress)(boss_job *job, uint64_t done, uint64_t total);
    /* [extract-thread] Describe the media for the message that carries it. Keys: "title", "author",
     * "source_url", "nsfw" ("1"/"0"), and "note" (BOSS_FEATURE_NOTE): a sentence shown with the files
     * (e.g. "Sent without sound: the post has no audio track."; each call adds one, at most 5). `key` and
     * `value` are borrowed (copied). Unknown keys give BOSS_ERR_INVALID_ARGUMENT (hosts without
     * BOSS_FEATURE_NOTE refuse "note" that way). */
    boss_status (*set_metadata)(boss_job *job, const char *key, const char *value);
    /* [extract-thread] A user-facing sentence (borrowed, copied) explaining the status extract returns. */
    boss_status (*set_error_detail)(boss_job *job, const char *message);
    /* [extract-thread] A private, empty scratch folder for this job (e.g. for a child process). Host-owned
     * path, valid until extract returns; the host deletes the folder then. Files left there are NOT
     * delivered: stream them into the sink. */
    const char *(*work_dir)(const boss_job *job);

    /* [extract-thread] Perform an HTTP request under the host's network rules (see boss/http.h). Blocking.
     * `request` (v1 minimum: url) and `response` (may be NULL) are plugin-owned, borrowed for the call. */
    boss_status (*http_get)(boss_job *job, const boss_http_request *request, boss_http_response *response);

    /* The media sink. The host sanitizes the name, detects the type from the first bytes (the name's
     * extension is ignored and replaced), and enforces the size limit and quota on every write.
     * [extract-thread] `suggested_name` borrowed, may be NULL; `expected_size` is -1 when unknown; a
     * declared size over the limit fails before any byte. On success *out_file (plugin-owned slot)
     * receives a host-owned handle. A failed write deletes the partial file at once: the handle is then
     * finished and must not be used again (not even with file_abort). */
    boss_status (*file_begin)(boss_job *job, const char *suggested_name, int64_t expected_size,
                              boss_file **out_file);
    /* [extract-thread] Append `length` bytes (borrowed for the call). */
    boss_status (*file_write)(boss_file *file, const uint8_t *bytes, size_t length);
    /* [extract-thread] Finish the file: it joins the job's result. Frees the handle, whatever it returns. */
    boss_status (*file_end)(boss_file *file);
    /* [extract-thread] Drop the file and delete what was written. Frees the handle. */
    void (*file_abort)(boss_file *file);
    /* [extract-thread] Stream `url` straight into the sink (http_get + file_begin/write/end in one call).
     * All borrowed: `headers` is NULL-terminated or NULL; `suggested_name` may be NULL (taken from the URL). */
    boss_status (*fetch_to_file)(boss_job *job, const char *url, const char *const *headers,
                                 const char *suggested_name);

    /* [extract-thread] Hand the job to whichever plugin claims `url` (borrowed, copied), e.g. a Reddit
     * post linking to Imgur. Return from extract right after; its status is then ignored unless the
     * redirect failed. */
    boss_status (*redirect)(boss_job *job, const char *url);

    /* Appended in ABI 1 (BOSS_FEATURE_RUN_PROCESS, BOSS_FEATURE_PROXY_URL). [extract-thread] Run a child
     * process confined by the host (see boss/process.h; `request` and `result` plugin-owned, borrowed for
     * the call); blocks until it has ended. BOSS_OK once it ran (see result->exit_code);
     * BOSS_ERR_CANCELLED when the job was cancelled or passed its deadline; BOSS_ERR_QUOTA when the work
     * folder outgrew the storage quota; BOSS_ERR_TOO_LARGE when a file reached the size limit;
     * BOSS_ERR_DEPENDENCY when the executable is missing. The child was stopped (with every process of its
     * group) and reaped in every case; on an error the host has set the job's error detail and removed
     * what the child wrote in the work folder. */
    boss_status (*run_process)(boss_job *job, const boss_process_request *request, boss_process_result *result);
    /* [extract-thread] The egress proxy's URL with this job's credentials ("http://user:secret@127.0.0.1:PORT"),
     * for a tool's own proxy option; NULL when the proxy cannot start. Host-owned, valid until extract
     * returns. Children given BOSS_PROCESS_NETWORK get it in their environment too. */
    const char *(*proxy_url)(boss_job *job);

    /* Appended in ABI 1 (BOSS_FEATURE_JOB_OPTION). [extract-thread] The value of job option `key`
     * (borrowed), or NULL when the job does not set it: "audio" ("1": audio only), "quality" ("480",
     * "720", "1080" or "best"), "max_bytes" (the largest file the job's destination takes, decimal).
     * Host-owned, valid until extract returns. */
    const char *(*job_option)(const boss_job *job, const char *key);

    /* Appended in ABI 1 (check BOSS_HAS_FIELD first; see boss/features.h). [any-thread] Whether this host
     * offers feature `id` (a BOSS_FEATURE_* string, borrowed). Unknown ids give false. */
    bool (*has_feature)(const struct boss_host *host, const char *id);

    /* Appended in ABI 1 (BOSS_FEATURE_FILE_ADOPT). [extract-thread] Take the finished file at `path`
     * (borrowed) from this job's work_dir into the job's files without copying it: see boss/job.h. */
    boss_status (*file_adopt)(boss_job *job, const char *path, const char *suggested_name);
} boss_host;

#ifdef __cplusplus
}
#endif

#endif /* BOSS_HOST_H */
