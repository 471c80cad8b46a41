#ifndef SUPERVISOR_CCURL_SHIM_H
#define SUPERVISOR_CCURL_SHIM_H
#include <curl/curl.h>
#endif
