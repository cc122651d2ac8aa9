#ifndef BOSS_CCURL_SHIM_H
#define BOSS_CCURL_SHIM_H
#include <curl/curl.h>
#endif
