#define _GNU_SOURCE
#include "boss_spawn.h"

#include <errno.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

/* A pidfd becomes readable when its process ends; the parent has not reaped the child, so the pid
 * still names it (no reuse race). One descriptor per call: a supervisor waits a few times a second.
 * Kernels without pidfd (Linux < 5.3) are asked every 10 ms instead, with waitid's WNOWAIT (no reaping). */
int boss_wait_end(pid_t pid, int timeout_ms) {
    int descriptor = (int)syscall(SYS_pidfd_open, pid, 0);
    if (descriptor >= 0) {
        struct pollfd watched = {.fd = descriptor, .events = POLLIN};
        int ready;
        do {
            ready = poll(&watched, 1, timeout_ms);
        } while (ready < 0 && errno == EINTR);
        close(descriptor);
        return ready > 0 ? 1 : 0;
    }
    if (errno == ESRCH) return 1;
    for (int waited = 0;; waited += 10) {
        siginfo_t info = {0};
        if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) return 1;
        if (waited >= timeout_ms) return 0;
        usleep(10000);
    }
}
