/* Boss-Bot plugin ABI: HTTP requests performed by the host on a plugin's behalf.
 *
 * Plugins never open sockets themselves: the host (libcurl) applies its network rules to every hop:
 * http/https only, at most 5 redirects (each one re-checked), connect and low-speed timeouts, its
 * User-Agent, and the SSRF guard (no loopback, private, link-local, CGNAT, multicast or unspecified
 * addresses unless the operator allows them; the connection is pinned to the address that was checked).
 */
#ifndef BOSS_HTTP_H
#define BOSS_HTTP_H

#include "version.h"
#include "status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* [caller-thread] Receives the response body in order, in chunks of any size: called on the thread that
 * called http_get, before http_get returns. `bytes` is borrowed for the duration of the call only.
 * Return BOSS_OK to continue; any other status stops the transfer and http_get returns it. */
typedef boss_status (*boss_chunk_fn)(void *context, const uint8_t *bytes, size_t length);

typedef enum boss_http_method {
    BOSS_HTTP_GET = 0,
    BOSS_HTTP_HEAD = 1, /* no body; use it to probe whether a URL exists (status in the response) */
} boss_http_method;

/* Plugin-owned; every pointer in it is borrowed by the host for the duration of the call. v1 minimum:
 * struct_size and url (a shorter request is refused with BOSS_ERR_INVALID_ARGUMENT); a field past
 * struct_size takes the default in brackets. */
typedef struct boss_http_request {
    uint32_t struct_size;       /* sizeof(boss_http_request) */
    const char *url;            /* absolute http(s) URL, UTF-8 */
    const char *const *headers; /* NULL-terminated "Name: value" lines, or NULL [NULL] */
    uint32_t method;            /* a boss_http_method [BOSS_HTTP_GET] */
    uint64_t max_body_bytes;    /* 0 = the host's per-file limit; a longer body fails with TOO_LARGE [0] */
    boss_chunk_fn on_chunk;     /* may be NULL: the body is read and discarded [NULL] */
    void *chunk_context;        /* plugin-owned, passed to on_chunk untouched [NULL] */
} boss_http_request;

/* Plugin-owned (may be NULL in the call), filled in by the host: only the fields inside struct_size. */
typedef struct boss_http_response {
    uint32_t struct_size;     /* set by the plugin: sizeof(boss_http_response) */
    int32_t status;           /* HTTP status of the last hop; 0 when no response arrived */
    int64_t content_length;   /* from the last hop's headers; -1 when unknown */
    const char *final_url;    /* URL after redirects; host-owned, valid until extract returns */
    const char *content_type; /* may be NULL; host-owned, valid until extract returns */
} boss_http_response;

/* Status mapping of http_get: 2xx -> BOSS_OK and the body is streamed to on_chunk; 404/410 ->
 * BOSS_ERR_NOT_FOUND, 429 -> BOSS_ERR_RATE_LIMITED, any other status -> BOSS_ERR_HTTP, with no body
 * delivered. Refused addresses give BOSS_ERR_BLOCKED_ADDRESS, transport failures BOSS_ERR_NETWORK. */

#ifdef __cplusplus
}
#endif

#endif /* BOSS_HTTP_H */
