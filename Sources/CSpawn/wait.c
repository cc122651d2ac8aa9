#define _GNU_SOURCE
#include "boss_spawn.h"

#include <errno.h>
#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

/* A pidfd becomes readable when its process ends; the parent has not reaped the child, so the pid
 * still names it (no reuse race). One descriptor per call: a supervisor waits a few times a second. */
int boss_wait_end(pid_t pid, int timeout_ms) {
    int descriptor = (int)syscall(SYS_pidfd_open, pid, 0);
    if (descriptor < 0) return errno == ESRCH ? 1 : -1;
    struct pollfd watched = {.fd = descriptor, .events = POLLIN};
    int ready;
    do {
        ready = poll(&watched, 1, timeout_ms);
    } while (ready < 0 && errno == EINTR);
    close(descriptor);
    return ready > 0 ? 1 : 0;
}
