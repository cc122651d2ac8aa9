/* hello_plugin: a complete Boss-Bot plugin in C (see docs/PLUGINS.md).
 *
 * It claims links of the form http(s)://host/hello/<file>.<png|jpg|jpeg|gif|webp|mp4>, names the media
 * after the BOSS_PLUGIN_HELLO_TITLE setting, and lets the host download the link into its sink.
 *
 *   cc -shared -fPIC -fvisibility=hidden -I Sources/PluginABI/include \
 *      examples/hello_plugin/hello_plugin.c -o libhello.so
 *   boss-host plugin check libhello.so --url https://example.com/hello/cat.png
 */
#include <boss_plugin.h>
#include <stdlib.h>

/* One instance per load: what `create` returns and every other call receives. */
typedef struct hello {
    const boss_host *host; /* valid until destroy returns */
    const char *title;     /* host-owned (config_get), same lifetime */
} hello;

static void *hello_create(const boss_host *host, const boss_config *config) {
    (void)config; /* config_get reads the same entries by key */
    hello *self = calloc(1, sizeof *self);
    if (self == NULL) {
        host->log(host, BOSS_LOG_ERROR, "hello: out of memory");
        return NULL; /* the host reports the plugin as failed to load */
    }
    self->host = host;
    const char *title = host->config_get(host, "title"); /* BOSS_PLUGIN_HELLO_TITLE */
    self->title = title != NULL ? title : "Hello from a plugin";
    host->log(host, BOSS_LOG_DEBUG, "hello: created");
    return self;
}

/* Runs on the job's own thread. `url` is borrowed for the call; the job is valid until we return. */
static boss_status hello_extract(void *instance, boss_job *job, const char *url) {
    hello *self = instance;
    const boss_host *host = self->host;
    if (host->is_cancelled(job)) return BOSS_ERR_CANCELLED;
    /* Metadata first: the message that carries the file shows it. Both strings are copied. */
    host->set_metadata(job, "title", self->title);
    host->set_metadata(job, "source_url", url);
    /* The host does the request under its network rules and checks the bytes, the size and the name.
     * It also honours cancellation and dry runs: nothing else to do here. */
    boss_status status = host->fetch_to_file(job, url, NULL, NULL);
    if (status == BOSS_ERR_NOT_FOUND) host->set_error_detail(job, "That hello link leads nowhere.");
    return status;
}

static void hello_destroy(void *instance) { free(instance); }

/* Everything the descriptor points at is static: it must outlive every call into the plugin. */
static const char *const hello_patterns[] = {
    "^https?://[^/?#]+/hello/[^?#]+\\.(png|jpe?g|gif|webp|mp4)([?#].*)?$",
    NULL,
};
static const char *const hello_examples[] = {"https://example.com/hello/cat.png", NULL};

static const boss_plugin_descriptor hello_descriptor = {
    .struct_size = sizeof(boss_plugin_descriptor),
    .abi_version = BOSS_PLUGIN_ABI_VERSION,
    .id = "hello",
    .name = "Hello example",
    .version = "1.0.0",
    .description = "Downloads /hello/ links: the example from docs/PLUGINS.md.",
    .priority = 100, /* a site plugin: wins over the generic ones */
    .url_patterns = hello_patterns,
    .example_urls = hello_examples,
    .flags = BOSS_PLUGIN_THREAD_SAFE, /* the instance is read-only after create */
    .create = hello_create,
    .extract = hello_extract,
    .destroy = hello_destroy,
    .health = NULL, /* nothing that could degrade */
};

/* The one exported symbol. Refuse host ABI versions this plugin was not built for. */
BOSS_EXPORT const boss_plugin_descriptor *boss_plugin_entry(uint32_t host_abi_version) {
    return host_abi_version == BOSS_PLUGIN_ABI_VERSION ? &hello_descriptor : NULL;
}
