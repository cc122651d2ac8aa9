#define _GNU_SOURCE
#include "boss_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* The child's side: async-signal-safe calls only. Reports errno through `report` and exits on failure. */
static void boss_child(const boss_spawn_options *options, int input, int output, int error, int report) {
    setpgid(0, 0);
    sigset_t none;
    sigemptyset(&none);
    for (int signal = 1; signal < NSIG; signal++) {
        struct sigaction action = {0};
        action.sa_handler = SIG_DFL;
        sigaction(signal, &action, NULL); /* fails harmlessly for SIGKILL, SIGSTOP and RT internals */
    }
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (dup2(input, 0) < 0 || dup2(output, 1) < 0 || dup2(error, 2) < 0) goto fail;
    if (options->file_size_limit > 0) {
        struct rlimit limit = {options->file_size_limit, options->file_size_limit};
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0) goto fail;
    }
    if (options->directory && chdir(options->directory) != 0) goto fail;
    /* Every descriptor but 0-2 and the report pipe (close-on-exec) goes. */
    for (int fd = 3; fd < report; fd++) close(fd);
    syscall(SYS_close_range, (unsigned)report + 1, ~0u, 0);
    execve(options->path, options->argv, options->envp);
fail:;
    int code = errno;
    ssize_t ignored = write(report, &code, sizeof code);
    (void)ignored;
    _exit(127);
}

static int boss_open_output(const char *path) {
    if (!path) return open("/dev/null", O_WRONLY | O_CLOEXEC);
    return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
}

int boss_spawn(const boss_spawn_options *options, pid_t *out_pid) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return errno;
    int input = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int output = boss_open_output(options->stdout_path);
    int error = boss_open_output(options->stderr_path);
    int result = 0;
    if (input < 0 || output < 0 || error < 0) {
        result = errno;
        goto done;
    }
    pid_t pid = fork();
    if (pid < 0) {
        result = errno;
        goto done;
    }
    if (pid == 0) boss_child(options, input, output, error, report[1]);
    close(report[1]);
    report[1] = -1;
    int code = 0;
    ssize_t got;
    do { got = read(report[0], &code, sizeof code); } while (got < 0 && errno == EINTR);
    if (got == (ssize_t)sizeof code) {
        /* exec failed: the child is gone without having run anything. */
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
        result = code;
    } else {
        setpgid(pid, pid); /* also from this side, so the group exists before anyone signals it */
        *out_pid = pid;
    }
done:
    close(report[0]);
    if (report[1] >= 0) close(report[1]);
    if (input >= 0) close(input);
    if (output >= 0) close(output);
    if (error >= 0) close(error);
    return result;
}
