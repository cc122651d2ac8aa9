/* Boss-Bot plugin ABI: features hosts added inside ABI 1, after its first release.
 *
 * Ask with boss_host.has_feature, itself appended inside ABI 1: a host whose struct_size ends before
 * has_feature has none of these. docs/PLUGINS.md lists which host version added each.
 *
 *   if (BOSS_HAS_FIELD(host->struct_size, boss_host, has_feature) &&
 *       host->has_feature(host, BOSS_FEATURE_NOTE)) { ... set_metadata(job, "note", ...) ... }
 */
#ifndef BOSS_FEATURES_H
#define BOSS_FEATURES_H

#define BOSS_FEATURE_NOTE "boss.note"               /* set_metadata takes the "note" key */
#define BOSS_FEATURE_RUN_PROCESS "boss.run_process" /* boss_host.run_process is set */
#define BOSS_FEATURE_PROXY_URL "boss.proxy_url"     /* boss_host.proxy_url is set */
#define BOSS_FEATURE_JOB_OPTION "boss.job_option"   /* boss_host.job_option is set */
#define BOSS_FEATURE_FILE_ADOPT "boss.file_adopt"   /* boss_host.file_adopt is set (boss/job.h) */

#endif /* BOSS_FEATURES_H */
