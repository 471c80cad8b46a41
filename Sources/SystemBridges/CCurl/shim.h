#ifndef SUPERVISOR_CCURL_SHIM_H
#define SUPERVISOR_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic and do not import into
 * Swift; these typed wrappers pass each argument with the type libcurl reads for that option. */

typedef size_t (*supervisor_curl_data_callback)(char *buffer, size_t size, size_t nitems, void *userdata);
typedef int (*supervisor_curl_xferinfo_callback)(void *clientp, curl_off_t dltotal, curl_off_t dlnow,
                                                 curl_off_t ultotal, curl_off_t ulnow);

static const size_t supervisor_curl_writefunc_pause = CURL_WRITEFUNC_PAUSE;
static const size_t supervisor_curl_readfunc_pause = CURL_READFUNC_PAUSE;
static const size_t supervisor_curl_readfunc_abort = CURL_READFUNC_ABORT;

static inline CURLcode supervisor_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

static inline CURLcode supervisor_curl_easy_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode supervisor_curl_easy_set_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode supervisor_curl_easy_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode supervisor_curl_easy_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode supervisor_curl_easy_set_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode supervisor_curl_easy_set_write_function(CURL *handle, supervisor_curl_data_callback fn) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, fn);
}

static inline CURLcode supervisor_curl_easy_set_read_function(CURL *handle, supervisor_curl_data_callback fn) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, fn);
}

static inline CURLcode supervisor_curl_easy_set_header_function(CURL *handle, supervisor_curl_data_callback fn) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, fn);
}

static inline CURLcode supervisor_curl_easy_set_xferinfo_function(CURL *handle, supervisor_curl_xferinfo_callback fn) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, fn);
}

static inline CURLcode supervisor_curl_easy_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode supervisor_curl_easy_get_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode supervisor_curl_multi_set_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

#endif
