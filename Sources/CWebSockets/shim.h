/* libwebsockets for Swift: the macros Swift cannot import, as constants, and the context/connect set-up
 * (structs with dozens of fields) in C, where zero-initialising them is one line. */
#ifndef BOSS_CWEBSOCKETS_SHIM_H
#define BOSS_CWEBSOCKETS_SHIM_H

#include <libwebsockets.h>
#include <string.h>

/* Headroom lws needs before every payload passed to lws_write. */
static const size_t boss_lws_pre = LWS_PRE;

/* A client-only context (no listening socket) whose user pointer is `user`; TLS initialised when
 * `use_tls`. `protocols` must outlive the context. Returns NULL on failure. */
static inline struct lws_context *boss_lws_create_client_context(const struct lws_protocols *protocols,
                                                                 void *user, int use_tls) {
    struct lws_context_creation_info info;
    memset(&info, 0, sizeof(info));
    info.port = CONTEXT_PORT_NO_LISTEN;
    info.protocols = protocols;
    info.gid = -1;
    info.uid = -1;
    info.user = user;
    info.options = use_tls ? LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT : 0;
    return lws_create_context(&info);
}

/* Starts connecting to ws(s)://host:port/path; `userdata` arrives as `user` in the callbacks.
 * Every string is copied by lws before this returns. Returns NULL when the attempt could not start. */
static inline struct lws *boss_lws_connect(struct lws_context *context, const char *host, int port,
                                           const char *path, int use_tls, const char *protocol_name,
                                           void *userdata) {
    struct lws_client_connect_info info;
    memset(&info, 0, sizeof(info));
    info.context = context;
    info.address = host;
    info.host = host;
    info.origin = host;
    info.port = port;
    info.path = path;
    info.ssl_connection = use_tls ? LCCSCF_USE_SSL : 0;
    info.local_protocol_name = protocol_name;
    info.userdata = userdata;
    return lws_client_connect_via_info(&info);
}

/* Sets the close code and reason sent when the callback next returns -1. */
static inline void boss_lws_close_reason(struct lws *wsi, uint16_t code, const char *reason) {
    lws_close_reason(wsi, (enum lws_close_status)code, (unsigned char *)reason, strlen(reason));
}

#endif /* BOSS_CWEBSOCKETS_SHIM_H */
