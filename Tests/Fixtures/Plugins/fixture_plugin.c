/* A configurable C plugin for loader tests and the routing benchmark. Every property comes from a -D
 * macro, so one source builds valid plugins and each kind of broken one. */
#if defined(FIXTURE_CREATE_CRASHES) || defined(FIXTURE_CREATE_HANGS) || defined(FIXTURE_SPAWN_PID_FILE)
#define _DEFAULT_SOURCE /* pause() under -std=c11 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#endif
#include <boss_plugin.h>

#ifndef FIXTURE_ID
#define FIXTURE_ID "fixture"
#endif
#ifndef FIXTURE_NAME
#define FIXTURE_NAME "Fixture"
#endif
#ifndef FIXTURE_VERSION
#define FIXTURE_VERSION "1.0.0"
#endif
#ifndef FIXTURE_PRIORITY
#define FIXTURE_PRIORITY 0
#endif
#ifndef FIXTURE_PATTERN
#define FIXTURE_PATTERN "^https://fixture\\.example/"
#endif
#ifndef FIXTURE_EXAMPLE
#define FIXTURE_EXAMPLE "https://fixture.example/post/1"
#endif
#ifndef FIXTURE_ABI
#define FIXTURE_ABI BOSS_PLUGIN_ABI_VERSION
#endif
#ifndef FIXTURE_FLAGS
#define FIXTURE_FLAGS 0
#endif

static int destroy_count;

/* Exported so tests can read, through dlsym on the private copy, how often destroy ran. */
BOSS_EXPORT int fixture_destroy_count(void) { return destroy_count; }

static void *create(const boss_host *host, const boss_config *config) {
    (void)config;
#ifdef FIXTURE_CREATE_FAILS
    host->log(host, BOSS_LOG_ERROR, "fixture refuses to start");
    return NULL;
#elif defined(FIXTURE_CREATE_CRASHES)
    /* What a NULL dereference does, without undefined behaviour the compiler could remove. */
    (void)host;
    raise(SIGSEGV);
    return NULL;
#elif defined(FIXTURE_CREATE_HANGS)
    (void)host;
    for (;;) pause();
    return NULL;
#elif defined(FIXTURE_SPAWN_PID_FILE)
    /* Starts a helper process (as gallery-dl's plugin does), writes its pid down, then hangs. */
    (void)host;
    pid_t helper = fork();
    if (helper == 0) {
        execl("/bin/sleep", "sleep", "300", (char *)NULL);
        _exit(127);
    }
    FILE *file = fopen(FIXTURE_SPAWN_PID_FILE, "w");
    if (file) {
        fprintf(file, "%d\n", (int)helper);
        fclose(file);
    }
    for (;;) pause();
    return NULL;
#else
    static int instance;
    host->log(host, BOSS_LOG_DEBUG, "fixture " FIXTURE_ID " " FIXTURE_VERSION " created");
    return &instance;
#endif
}

static boss_status extract(void *instance, boss_job *job, const char *url) {
    (void)instance; (void)job; (void)url;
    return BOSS_OK;
}

static void destroy(void *instance) { (void)instance; destroy_count += 1; }

#ifdef FIXTURE_HEALTH
static const char *health(void *instance) { (void)instance; return FIXTURE_HEALTH; }
#else
#define health NULL
#endif

static const char *const patterns[] = {FIXTURE_PATTERN, NULL};
static const char *const examples[] = {FIXTURE_EXAMPLE, NULL};
static const boss_plugin_descriptor descriptor = {
    sizeof(boss_plugin_descriptor), FIXTURE_ABI, FIXTURE_ID, FIXTURE_NAME, FIXTURE_VERSION,
    "A test plugin.", FIXTURE_PRIORITY, patterns, examples, FIXTURE_FLAGS, create, extract, destroy, health,
};

#ifndef FIXTURE_NO_ENTRY
BOSS_EXPORT const boss_plugin_descriptor *boss_plugin_entry(uint32_t host_abi_version) {
#ifdef FIXTURE_REFUSE_ABI
    (void)host_abi_version;
    (void)descriptor;
    return NULL;
#else
    return host_abi_version == BOSS_PLUGIN_ABI_VERSION ? &descriptor : NULL;
#endif
}
#else
/* Keeps the descriptor referenced so -Werror does not reject the unused variable. */
const boss_plugin_descriptor *fixture_unexported(void) { return &descriptor; }
#endif
