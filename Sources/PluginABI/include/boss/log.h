/* Boss-Bot plugin ABI: log levels of boss_host.log. */
#ifndef BOSS_LOG_H
#define BOSS_LOG_H

#include "version.h"

/* Fixed width like boss_status (a C enum's size is the compiler's choice); unknown values are logged as
 * warnings. */
typedef int32_t boss_log_level;

#define BOSS_LOG_TRACE ((boss_log_level)0)
#define BOSS_LOG_DEBUG ((boss_log_level)1)
#define BOSS_LOG_INFO ((boss_log_level)2)
#define BOSS_LOG_WARNING ((boss_log_level)3)
#define BOSS_LOG_ERROR ((boss_log_level)4)

#endif /* BOSS_LOG_H */
