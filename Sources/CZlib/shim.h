/* zlib for Swift: inflateInit/deflateInit are macros (they pass the header's version and struct size),
 * so Swift calls these wrappers instead. */
#ifndef BOSS_CZLIB_SHIM_H
#define BOSS_CZLIB_SHIM_H

#include <zlib.h>

static inline int boss_inflate_init(z_stream *stream) { return inflateInit(stream); }
static inline int boss_deflate_init(z_stream *stream, int level) { return deflateInit(stream, level); }

#endif /* BOSS_CZLIB_SHIM_H */
