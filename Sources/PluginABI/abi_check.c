/* Compiles the ABI headers as C11 so that a header error breaks the build, not a plugin author. */
#include "boss_plugin.h"

_Static_assert(BOSS_PLUGIN_ABI_VERSION == 1u, "this file checks ABI v1");
_Static_assert(sizeof(((boss_plugin_descriptor *)0)->struct_size) == 4, "struct_size is 32-bit");
/* v1's layout: the first enums were int-sized on every platform built for, and the typedefs keep that. */
_Static_assert(sizeof(boss_status) == 4 && sizeof(boss_log_level) == 4, "status and log level are 32-bit");
/* Fields are only appended: has_feature comes right after the last field of the previous v1 host. */
_Static_assert(offsetof(boss_host, has_feature) == offsetof(boss_host, job_option) + sizeof(void *),
               "has_feature is appended");
_Static_assert(offsetof(boss_host, file_adopt) == offsetof(boss_host, has_feature) + sizeof(void *),
               "file_adopt is appended");
