/* Boss-Bot plugin ABI v1: the one header a plugin includes.
 *
 *   boss/version.h     ABI version, struct versioning rule (struct_size), thread tags, BOSS_EXPORT
 *   boss/status.h      status codes and their user-facing messages
 *   boss/log.h         log levels
 *   boss/features.h    feature ids for boss_host.has_feature (what hosts added inside ABI 1)
 *   boss/http.h        HTTP requests made by the host for the plugin
 *   boss/process.h     child processes run by the host for the plugin
 *   boss/host.h        the host's services: logging, config, progress, metadata, sink, redirect
 *   boss/descriptor.h  the descriptor a plugin returns from `boss_plugin_entry`
 *
 * docs/PLUGINS.md walks through writing a plugin; `boss-host plugin check PATH.so` verifies one.
 */
#ifndef BOSS_PLUGIN_H
#define BOSS_PLUGIN_H

#include "boss/version.h"
#include "boss/status.h"
#include "boss/log.h"
#include "boss/features.h"
#include "boss/http.h"
#include "boss/host.h"
#include "boss/descriptor.h"

#endif /* BOSS_PLUGIN_H */
