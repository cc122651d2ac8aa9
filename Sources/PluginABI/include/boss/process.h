/* Boss-Bot plugin ABI: child processes run by the host for a plugin (appended to ABI 1).
 *
 * A plugin that needs a tool (gallery-dl, yt-dlp, ffmpeg) asks the host to run it with
 * boss_host.run_process instead of starting it itself: the host runs it confined (its own process
 * group, the job's work folder as working directory, a minimal environment without the bot's token
 * or settings, a file size limit, the job's storage quota on the work folder, the job's deadline and
 * cancellation) and, with BOSS_PROCESS_NETWORK, gives it the network only through the host's egress
 * proxy, under the same guard as the host's own requests.
 *
 * Both structs are plugin-owned, borrowed for the call: set struct_size to sizeof the struct you were
 * compiled with. The host reads and writes only the fields inside it (see BOSS_HAS_FIELD); a request
 * field past struct_size takes the default in brackets. v1 minimum of the request: through argv.
 */
#ifndef BOSS_PROCESS_H
#define BOSS_PROCESS_H

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bits of boss_process_request.flags. */
#define BOSS_PROCESS_NETWORK (1u << 0) /* the child may reach the network through the egress proxy:
                                        * HTTP_PROXY, HTTPS_PROXY and ALL_PROXY point at it */

/* [caller-thread] Called on the thread that called run_process, about every 50 ms while the child runs
 * (e.g. to stream the files it finished into the sink). Return non-zero to let the child go on, 0 to
 * stop it (run_process then returns BOSS_OK with exit_code BOSS_PROCESS_STOPPED). */
typedef int32_t (*boss_process_tick_fn)(void *context);

/* exit_code of a child stopped because on_tick returned 0. */
#define BOSS_PROCESS_STOPPED (-1)

typedef struct boss_process_request {
    uint32_t struct_size;        /* sizeof(boss_process_request) as the plugin knows it */
    uint32_t flags;              /* BOSS_PROCESS_* bits */
    /* NULL-terminated; argv[0] is a path, or a name the host looks up on its PATH. Borrowed for the
     * call. Never put secrets in arguments: they show in the process list. */
    const char *const *argv;
    /* Files the child's output goes to (created or truncated, mode 0600), borrowed for the call;
     * NULL discards that stream. Relative paths are inside the work folder. */
    const char *stdout_path;      /* [NULL] */
    const char *stderr_path;      /* [NULL] */
    boss_process_tick_fn on_tick; /* may be NULL [NULL] */
    void *tick_context;           /* plugin-owned; passed to on_tick [NULL] */
} boss_process_request;

typedef struct boss_process_result {
    uint32_t struct_size; /* sizeof(boss_process_result) as the plugin knows it */
    /* The child's exit status, 128 + the signal that ended it, or BOSS_PROCESS_STOPPED. */
    int32_t exit_code;
} boss_process_result;

#ifdef __cplusplus
}
#endif

#endif /* BOSS_PROCESS_H */
