/* Boss-Bot plugin ABI: the job and its files, as the host's services (boss/host.h) see them. */
#ifndef BOSS_JOB_H
#define BOSS_JOB_H

#ifdef __cplusplus
extern "C" {
#endif

/* One download. Host-owned and opaque; valid only until the `extract` it was passed to returns. */
typedef struct boss_job boss_job;
/* One file being written into the job's folder. Host-owned and opaque; valid from a successful
 * file_begin until file_end or file_abort (which free it). Use a file from one thread at a time.
 * A file neither ended nor aborted when extract returns is aborted by the host. */
typedef struct boss_file boss_file;

#define BOSS_JOB_DRY_RUN (1u << 0) /* job_flags() bit: resolve what would be fetched; fetch_to_file only
                                    * records URLs */

/* file_adopt(job, path, suggested_name): a file a tool wrote and finished in the job's work_dir (e.g. a
 * yt-dlp download) joins the job's files by a rename, so its bytes are not copied through file_write.
 * It passes the checks every sink file passes: the name (from `suggested_name`, borrowed, or else the
 * file's own name) is sanitized, the type is detected from the first bytes, the size limit and the
 * storage quota apply. `path` must name a regular file inside work_dir, not a symbolic link, with no
 * other name (a hard link is refused): BOSS_ERR_INVALID_ARGUMENT otherwise. The file must be complete:
 * nothing may write to it any more. On BOSS_OK it has left the work folder; on an error it is left in
 * place (the host deletes the work folder when extract returns). Blocking: a rename, or a copy when the
 * work folder and the job's files are on different file systems. In a dry run nothing moves. */

#ifdef __cplusplus
}
#endif

#endif /* BOSS_JOB_H */
