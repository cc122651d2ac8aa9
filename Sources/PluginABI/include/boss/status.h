/* Boss-Bot plugin ABI: status codes returned by host services and plugin functions. */
#ifndef BOSS_STATUS_H
#define BOSS_STATUS_H

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Every fallible call in the ABI returns one of these. A fixed-width integer, not a C enum (whose size
 * is the compiler's choice): the same 4 bytes as ABI 1's first enum on every platform it was built for.
 * Values are stable; new codes are only appended, so treat an unknown one like BOSS_ERR_INTERNAL.
 * A plugin may return any of them from `extract`; the host turns them into the message the Discord
 * user sees (boss_status_message), plus any detail set with set_error_detail. */
typedef int32_t boss_status;

#define BOSS_OK ((boss_status)0)
#define BOSS_ERR_INVALID_ARGUMENT ((boss_status)1) /* a NULL or malformed argument, or a call at the wrong time */
#define BOSS_ERR_UNSUPPORTED_URL ((boss_status)2)  /* the plugin does not handle this URL after all */
#define BOSS_ERR_NOT_FOUND ((boss_status)3)        /* the post or media does not exist (deleted, 404) */
#define BOSS_ERR_PRIVATE ((boss_status)4)          /* private, protected, age-restricted or quarantined */
#define BOSS_ERR_NO_MEDIA ((boss_status)5)         /* the post exists but carries no downloadable media */
#define BOSS_ERR_TOO_LARGE ((boss_status)6)        /* a file is over the host's per-file size limit */
#define BOSS_ERR_BAD_TYPE ((boss_status)7)         /* the bytes are not an allowed media type */
#define BOSS_ERR_QUOTA ((boss_status)8)            /* the host's storage quota is used up */
#define BOSS_ERR_BLOCKED_ADDRESS ((boss_status)9)  /* the URL points at a private or local network address */
#define BOSS_ERR_NETWORK ((boss_status)10)         /* connection failed, reset or timed out */
#define BOSS_ERR_HTTP ((boss_status)11)            /* the server answered with a non-2xx status */
#define BOSS_ERR_UPSTREAM ((boss_status)12)        /* the site answered something the plugin could not understand */
#define BOSS_ERR_RATE_LIMITED ((boss_status)13)    /* the site is rate limiting us */
#define BOSS_ERR_CANCELLED ((boss_status)14)       /* the job was cancelled; return it from extract as soon as seen */
#define BOSS_ERR_DEPENDENCY ((boss_status)15)      /* a tool the plugin needs (e.g. gallery-dl) is not installed */
#define BOSS_ERR_TOO_MANY_FILES ((boss_status)16)  /* the job produced more files than the host allows */
#define BOSS_ERR_INTERNAL ((boss_status)17)        /* a bug; the detail goes to the operator's log */

/* [any-thread] A short, user-facing English sentence for a status. Never NULL; static storage. */
static inline const char *boss_status_message(boss_status status) {
    switch (status) {
    case BOSS_OK: return "ok";
    case BOSS_ERR_INVALID_ARGUMENT: return "the plugin made an invalid request";
    case BOSS_ERR_UNSUPPORTED_URL: return "this link is not supported";
    case BOSS_ERR_NOT_FOUND: return "the post or media was not found (deleted or never existed)";
    case BOSS_ERR_PRIVATE: return "the post is private, protected or age-restricted";
    case BOSS_ERR_NO_MEDIA: return "the post has no downloadable media";
    case BOSS_ERR_TOO_LARGE: return "the file is larger than the download limit";
    case BOSS_ERR_BAD_TYPE: return "the file is not a supported image, video or audio type";
    case BOSS_ERR_QUOTA: return "the bot's storage is full, try again later";
    case BOSS_ERR_BLOCKED_ADDRESS: return "the link points to a private or local network address";
    case BOSS_ERR_NETWORK: return "the site could not be reached";
    case BOSS_ERR_HTTP: return "the site answered with an error";
    case BOSS_ERR_UPSTREAM: return "the site sent a response that could not be understood";
    case BOSS_ERR_RATE_LIMITED: return "the site is rate limiting downloads, try again later";
    case BOSS_ERR_CANCELLED: return "the download was cancelled";
    case BOSS_ERR_DEPENDENCY: return "a tool this site needs is not installed on the bot's host";
    case BOSS_ERR_TOO_MANY_FILES: return "the post has more files than the bot sends at once";
    case BOSS_ERR_INTERNAL: return "internal error in the plugin";
    }
    return "unknown error";
}

#ifdef __cplusplus
}
#endif

#endif /* BOSS_STATUS_H */
