// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace QmsAudit::Bench {

/**
 * Registers "disk_fsync_floor/raw" (4 KiB write + fdatasync: what one durable commit costs the disk
 * at least; syncs_per_s), then every other scenario twice, as "<scenario>/qmsaudit" (AuditTrail, SQLCipher) and
 * "<scenario>/sqlite" (PlainSqliteWriter, system libsqlite3), one right after the other:
 *
 * - buffered_latency_burst: caller-side record() latency (p50_us, p99_us) in Buffered mode,
 *   bursts of 1000 calls, flush after each burst (the flush is part of the iteration time).
 * - buffered_latency_paced_1000: the same at a steady 1000 events/s (an idle writer thread).
 * - durable_{1,8,32}_threads: Durable mode, each thread records and waits on every ticket;
 *   events_per_s and events_per_commit (how much group commit batched).
 * - unbatched_durable_{8,32}_threads: the same with maxBatch = 1 (one commit per event).
 *
 * Environment: QMSAUDIT_BENCH_DIR (where the temporary logs go; default QDir::tempPath()),
 * QMSAUDIT_BENCH_EVENTS_PER_ROUND (durable events per iteration, default 512).
 */
void registerTrailBenchmarks();

} // namespace QmsAudit::Bench
