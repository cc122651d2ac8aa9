/* Compiles the ABI headers as C11 so that a header error breaks the build, not a plugin author. */
#include "boss_plugin.h"

_Static_assert(BOSS_PLUGIN_ABI_VERSION == 1u, "this file checks ABI v1");
_Static_assert(sizeof(((boss_plugin_descriptor *)0)->struct_size) == 4, "struct_size is 32-bit");
