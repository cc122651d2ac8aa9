/* Typed wrappers over libcurl's variadic curl_easy_setopt / curl_easy_getinfo, which Swift cannot call.
 * One wrapper per argument type; the option decides which one applies (see curl_easy_setopt(3)). */
#ifndef BOSS_CCURL_SHIM_H
#define BOSS_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*boss_curl_data_fn)(char *data, size_t size, size_t count, void *context);
typedef int (*boss_curl_xferinfo_fn)(void *context, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                                     curl_off_t ulnow);

static inline CURLcode boss_curl_set_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode boss_curl_set_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode boss_curl_set_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode boss_curl_set_off_t(CURL *curl, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode boss_curl_set_slist(CURL *curl, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(curl, option, list);
}
static inline CURLcode boss_curl_set_data_function(CURL *curl, CURLoption option, boss_curl_data_fn function) {
    return curl_easy_setopt(curl, option, function);
}
static inline CURLcode boss_curl_set_xferinfo_function(CURL *curl, boss_curl_xferinfo_fn function) {
    return curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, function);
}
static inline CURLcode boss_curl_get_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}
static inline CURLcode boss_curl_get_string(CURL *curl, CURLINFO info, char **value) {
    return curl_easy_getinfo(curl, info, value);
}
static inline CURLcode boss_curl_get_off_t(CURL *curl, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(curl, info, value);
}

#endif /* BOSS_CCURL_SHIM_H */
