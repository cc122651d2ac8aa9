/* Starting a confined child process. fork + exec in C because the child side (between fork and exec)
 * may only call async-signal-safe functions, which Swift code cannot promise; posix_spawn cannot set
 * resource limits for the child alone. */
#ifndef BOSS_SPAWN_H
#define BOSS_SPAWN_H

#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Everything the child gets. All pointers are borrowed for the call; the caller keeps them alive. */
typedef struct boss_spawn_options {
    const char *path;               /* absolute path of the executable */
    char *const *argv;              /* NULL-terminated; argv[0] is the program's name */
    char *const *envp;              /* NULL-terminated: the child's whole environment */
    const char *directory;          /* working directory, or NULL to keep the parent's */
    const char *stdout_path;        /* created or truncated (0600); NULL for /dev/null */
    const char *stderr_path;        /* likewise */
    uint64_t file_size_limit;       /* RLIMIT_FSIZE in bytes for the child; 0 for none */
} boss_spawn_options;

/* Starts the child in a process group of its own (its pid is the group id), with stdin from /dev/null,
 * an empty signal mask, default signal dispositions and no descriptor of the parent but 0-2.
 * Returns 0 and sets *out_pid, or an errno value: from the parent's set-up, or the one that made the
 * child's exec fail (the child then never ran and was reaped). Thread-safe. */
int boss_spawn(const boss_spawn_options *options, pid_t *out_pid);

/* Waits up to `timeout_ms` for the child `pid` (not reaped yet) to end, without reaping it: returns 1
 * as soon as it has ended, 0 when the time passed first. Thread-safe. */
int boss_wait_end(pid_t pid, int timeout_ms);

#ifdef __cplusplus
}
#endif

#endif /* BOSS_SPAWN_H */
