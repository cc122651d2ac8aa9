/* Boss-Bot plugin ABI: versioning, and the conventions of every other header.
 *
 * The ABI is a plain C contract so that plugins written in any language (C, Swift, Rust...) can be loaded
 * by the host with dlopen. Every struct that crosses the boundary starts with `struct_size`, set by the
 * side that allocated it to sizeof(the struct it was compiled against). A reader must only touch the
 * fields that lie inside `struct_size` (BOSS_HAS_FIELD); new fields are only ever appended, so an older
 * plugin keeps working with a newer host of the same major ABI version, and the other way round. The
 * host keeps that promise for every struct a plugin allocates: a field past the plugin's struct_size
 * takes the default written beside it, and a struct shorter than its "v1 minimum" is refused.
 *
 * Thread tags, on every function:
 *   [any-thread]      callable from any thread, concurrently, while the instance lives
 *   [extract-thread]  a job service: callable from the thread running that job's `extract`, or any thread
 *                     the plugin started, but only while that `extract` call is in progress
 *   [host-thread]     a plugin function the host calls on one of its own threads
 *   [caller-thread]   a plugin callback, called on the thread that made the host call, before it returns
 * Ownership, beside every pointer: "borrowed" (valid for the call only), "host-owned" or "plugin-owned"
 * with how long it stays valid.
 */
#ifndef BOSS_VERSION_H
#define BOSS_VERSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI version this header describes. Bumped when a change is not append-only. */
#define BOSS_PLUGIN_ABI_VERSION 1u

/* The one symbol a plugin exports (see boss/descriptor.h). */
#define BOSS_PLUGIN_ENTRY_SYMBOL "boss_plugin_entry"

/* Mark the exported entry point; plugins should otherwise build with -fvisibility=hidden. */
#if defined(__GNUC__) || defined(__clang__)
#define BOSS_EXPORT __attribute__((visibility("default")))
#else
#define BOSS_EXPORT
#endif

/* True when a struct of `size` bytes (its struct_size) contains `field` of `type` completely. */
#define BOSS_HAS_FIELD(size, type, field) ((size) >= offsetof(type, field) + sizeof(((type *)0)->field))

#ifdef __cplusplus
}
#endif

#endif /* BOSS_VERSION_H */
