// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// The SQL of the log's layout in one place: Schema uses it, and the plain-SQLite baseline of the
// benchmarks creates and fills the very same tables with it.

namespace QmsAudit::SchemaSql {

/// Layout version 2. Append-only is enforced here as well as in the API: UPDATE and DELETE abort.
/// Identity rows of meta are immutable; schema_version and key_kind change only through
/// migrations and rekey. The text index is filled by the writer (InsertText), not by a trigger:
/// a trigger makes SQLite keep a statement journal whose every page SQLCipher 3 encrypts.
inline constexpr const char *Create = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE events (
    seq          INTEGER PRIMARY KEY NOT NULL,
    recorded_at  INTEGER NOT NULL,
    occurred_at  INTEGER,
    actor_id     TEXT NOT NULL,
    action       TEXT NOT NULL,
    object_type  TEXT NOT NULL,
    object_id    TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    object_title TEXT NOT NULL,
    reason       TEXT NOT NULL,
    payload      BLOB NOT NULL,
    hash         BLOB NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX ix_events_time ON events (recorded_at);
CREATE INDEX ix_events_actor ON events (actor_id, seq);
CREATE INDEX ix_events_action ON events (action, seq);
CREATE INDEX ix_events_object ON events (object_id, seq);
CREATE INDEX ix_events_object_type ON events (object_type, seq);
CREATE INDEX ix_events_outcome ON events (outcome, seq);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: events cannot be updated');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: events cannot be deleted');
END;
CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta BEGIN
    SELECT RAISE(ABORT, 'log metadata cannot be deleted');
END;
CREATE TRIGGER meta_identity_fixed BEFORE UPDATE ON meta
    WHEN old.key NOT IN ('schema_version', 'key_kind') BEGIN
    SELECT RAISE(ABORT, 'log identity metadata cannot be changed');
END;
)sql";

/// How many consecutive seqs share one partition of the text index, unless the log's meta says
/// otherwise (text_partition_events). Layout 6.
inline constexpr qint64 DefaultTextPartitionEvents = 262144;

/// The text index, layout 6: contentless FTS4 over title and reason, partitioned by seq through
/// FTS4's languageid column "part" = (seq - 1) / text_partition_events. Each partition keeps its
/// own segments and doclists, so a page reads one partition's matches, not the whole log's: SQLite
/// 3.15's FTS4 merges every doclist of a prefix term before the first row (docs/queries.md).
inline constexpr const char *CreateText = R"sql(
CREATE VIRTUAL TABLE events_text USING fts4 (content="", object_title, reason, tokenize=unicode61, languageid="part", matchinfo="fts3");
)sql";

/// Layout 5 → 6: the single text index becomes a partitioned one, rebuilt from the events.
/// 262144 is DefaultTextPartitionEvents.
inline constexpr const char *PartitionTextIndex = R"sql(
DROP TABLE IF EXISTS events_text;
CREATE VIRTUAL TABLE events_text USING fts4 (content="", object_title, reason, tokenize=unicode61, languageid="part", matchinfo="fts3");
INSERT INTO events_text (docid, object_title, reason, part) SELECT seq, object_title, reason, (seq - 1) / 262144 FROM events ORDER BY seq;
INSERT INTO meta (key, value) VALUES ('text_partition_events', '262144');
)sql";

/// Layout 3. INSERT OR REPLACE deletes the row it replaces without firing delete triggers (unless
/// a connection enables recursive_triggers, which one with the key need not): refuse any insert
/// into meta whose key exists. Meta is written once, at creation, so this costs nothing.
/// events has no such trigger on purpose: any INSERT trigger makes SQLite keep a statement
/// journal for every insert, measured 3.8x slower (docs/storage.md). A replaced event is a
/// rewrite like an UPDATE after DROP TRIGGER, which someone with the key can do anyway: the hash
/// chain detects it (verify), and the policy is bound into the chain (Schema::Meta::genesis()).
inline constexpr const char *RefuseReplacingMeta = R"sql(
CREATE TRIGGER meta_no_replace BEFORE INSERT ON meta
    WHEN EXISTS (SELECT 1 FROM meta WHERE key = new.key) BEGIN
    SELECT RAISE(ABORT, 'log metadata cannot be replaced');
END;
)sql";

/// Layout version 4, run after Create: indexes that let pages come out in seq order without a sort.
/// (actor_id, action, seq) serves "what did this user do" with one action (docs/queries.md).
inline constexpr const char *CreateReadIndexes = R"sql(
CREATE INDEX IF NOT EXISTS ix_events_actor_action ON events (actor_id, action, seq);
)sql";

/// Layout version 4, run after Create: event counts per UTC day, kept by the writer in the same
/// transaction as the events, so that statistics over whole days read a few thousand rows instead
/// of every event. Derived data, not hashed: verify recomputes it from the events, RebuildSummary
/// recreates it. day = recorded_at / 86400000000 (days since 1970-01-01 UTC).
/// The counts have no NOT NULL on purpose (layout 5): the writer UPDATEs them every commit, and
/// an UPDATE of a NOT NULL column keeps a statement journal whose pages SQLCipher 3.4.1 encrypts
/// (docs/design-notes.md, pitfall 21). The writer never stores NULL; verify recounts them.
inline constexpr const char *CreateSummary = R"sql(
CREATE TABLE IF NOT EXISTS summary_day (
    day         INTEGER NOT NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    events      INTEGER,
    PRIMARY KEY (day, action, object_type, outcome)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS summary_day_actor (
    day      INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    events   INTEGER,
    PRIMARY KEY (day, actor_id)
) WITHOUT ROWID;
-- Counts per actor over many days come out of this index already grouped: no sort of every actor-day.
CREATE INDEX IF NOT EXISTS ix_summary_actor ON summary_day_actor (actor_id, day, events);
)sql";

/// Layout 4 → 5: the summary tables are recreated without NOT NULL on their counts (CreateSummary).
inline constexpr const char *DropSummary = R"sql(
DROP TABLE IF EXISTS summary_day;
DROP TABLE IF EXISTS summary_day_actor;
)sql";

/// Recomputes the summary from the events (migration to version 4; repair after a finding).
inline constexpr const char *RebuildSummary = R"sql(
DELETE FROM summary_day;
DELETE FROM summary_day_actor;
INSERT INTO summary_day (day, action, object_type, outcome, events)
    SELECT recorded_at / 86400000000, action, object_type, outcome, count(*) FROM events GROUP BY 1, 2, 3, 4;
INSERT INTO summary_day_actor (day, actor_id, events)
    SELECT recorded_at / 86400000000, actor_id, count(*) FROM events GROUP BY 1, 2;
)sql";

/// Layout 7: per-month rollups for the management review (MonthRollup, docs/aggregates.md).
/// Derived data, not hashed, like the summary: verify recounts them from the chain and
/// AuditLog::rebuildSummary() recreates them. They cover every day before the newest event's
/// day: the writer rolls a day up when the first event of a later day arrives, in that event's
/// transaction. month = (year - 1970) * 12 + month - 1 of recorded_at in UTC. No NOT NULL on what
/// the writer UPDATEs (pitfall 21, above).
inline constexpr const char *CreateRollups = R"sql(
-- Documents by number: the month rows stay small, and a year of them is read as integers.
CREATE TABLE IF NOT EXISTS rollup_object (
    object_key  INTEGER PRIMARY KEY,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    UNIQUE (object_type, object_id)
);
CREATE TABLE IF NOT EXISTS rollup_object_month (
    month            INTEGER NOT NULL,
    object_key       INTEGER NOT NULL,
    events           INTEGER,
    accesses         INTEGER,
    changes          INTEGER,
    workflow         INTEGER,
    denied           INTEGER,
    last_revised_at  INTEGER,
    last_reviewed_at INTEGER,
    last_retired_at  INTEGER,
    PRIMARY KEY (month, object_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_actor_month (
    month    INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    events   INTEGER,
    changes  INTEGER,
    workflow INTEGER,
    denied   INTEGER,
    PRIMARY KEY (month, actor_id)
) WITHOUT ROWID;
-- One row per approve or release that follows a submit of the same object; seq is the approve's.
CREATE TABLE IF NOT EXISTS rollup_cycle (
    seq          INTEGER PRIMARY KEY,
    object_type  TEXT NOT NULL,
    stage        TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    recorded_at  INTEGER NOT NULL
);
-- Changes without a reason should not exist: a partial index makes counting them free of a scan.
CREATE INDEX IF NOT EXISTS ix_events_change_without_reason ON events (recorded_at)
    WHERE reason = '' AND action IN ('create', 'edit', 'revise', 'delete', 'obsolete', 'restore');
-- Where a workflow cycle starts (SelectLastSubmit): one index entry per submit, with its time, so
-- that an approval finds its submit without reading the object's other events.
CREATE INDEX IF NOT EXISTS ix_events_submit ON events (object_id, object_type, seq, recorded_at)
    WHERE action = 'submit' AND outcome = 'success';
)sql";

/// Layout 8: the Merkle tree over the events (RFC 9162, docs/merkle.md). Leaf i is the canonical
/// encoding of seq i + 1 (the payload column). Each row is the root of a perfect subtree of
/// 2^level leaves from leaf idx * 2^level on, written by the append that completed it, in that
/// append's transaction. Level 0 is not stored: a leaf hash is SHA-256(0x00 || payload), one read
/// away. That keeps the table at about one row per event, and proofs at O(log n) look-ups.
/// Hashed data, unlike the summary: a checkpoint signs a root computed from these rows, so they
/// are append-only like the events, and verify recomputes every one of them from the payloads.
inline constexpr const char *CreateMerkle = R"sql(
CREATE TABLE IF NOT EXISTS merkle_subtree (
    level INTEGER NOT NULL CHECK (level >= 1),
    idx   INTEGER NOT NULL CHECK (idx >= 0),
    hash  BLOB NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS merkle_subtree_no_update BEFORE UPDATE ON merkle_subtree BEGIN
    SELECT RAISE(ABORT, 'the Merkle tree is append-only: its hashes cannot be updated');
END;
CREATE TRIGGER IF NOT EXISTS merkle_subtree_no_delete BEFORE DELETE ON merkle_subtree BEGIN
    SELECT RAISE(ABORT, 'the Merkle tree is append-only: its hashes cannot be deleted');
END;
)sql";
inline constexpr const char *InsertSubtree = "INSERT INTO merkle_subtree (level, idx, hash) VALUES (?1, ?2, ?3)";
inline constexpr const char *SelectSubtree = "SELECT hash FROM merkle_subtree WHERE level = ?1 AND idx = ?2";
/// The leaf data of seq ?1.
inline constexpr const char *SelectPayloadAt = "SELECT payload FROM events WHERE seq = ?1";
/// Up to ?3 stored subtrees of level ?1 from index ?2 on, in index order: verify compares them with the
/// recomputed tree, a batch at a time.
inline constexpr const char *SelectSubtreesOfLevel = "SELECT idx, hash FROM merkle_subtree WHERE level = ?1 AND idx >= ?2 ORDER BY idx LIMIT ?3";
/// A stored subtree above level ?1, where a tree of the events has none.
inline constexpr const char *SelectSubtreeAboveLevel = "SELECT level, idx FROM merkle_subtree WHERE level > ?1 LIMIT 1";
/// The payloads in seq order, from ?1 on: building the tree of an older log (migration to layout 8).
inline constexpr const char *SelectPayloadsFrom = "SELECT seq, payload FROM events WHERE seq >= ?1 ORDER BY seq";

inline constexpr const char *ClearRollups = R"sql(
DELETE FROM rollup_object_month;
DELETE FROM rollup_object;
DELETE FROM rollup_actor_month;
DELETE FROM rollup_cycle;
)sql";

/// The events a rollup counts, from ?1 on and recorded before ?2.
inline constexpr const char *SelectRollupEvents =
    "SELECT seq, recorded_at, actor_id, action, object_type, object_id, outcome FROM events "
    "WHERE seq >= ?1 AND recorded_at < ?2 ORDER BY seq";
/// SelectRollupEvents up to seq ?3: the aggregates' second connection reads what the first one's
/// snapshot holds, however many events were appended since.
inline constexpr const char *SelectRollupEventsUpTo =
    "SELECT seq, recorded_at, actor_id, action, object_type, object_id, outcome FROM events "
    "WHERE seq >= ?1 AND recorded_at < ?2 AND seq <= ?3 ORDER BY seq";
/// The first seq recorded at or after ?1.
inline constexpr const char *SelectFirstSeqAt =
    "SELECT seq FROM events WHERE recorded_at >= ?1 ORDER BY recorded_at, seq LIMIT 1";
/// The latest successful submit of an object before seq ?3 (the start of a workflow cycle).
inline constexpr const char *SelectLastSubmit =
    "SELECT recorded_at FROM events INDEXED BY ix_events_submit WHERE object_id = ?1 AND object_type = ?2 "
    "AND action = 'submit' AND outcome = 'success' AND seq < ?3 ORDER BY seq DESC LIMIT 1";
inline constexpr const char *EnsureObjectKey = "INSERT OR IGNORE INTO rollup_object (object_type, object_id) VALUES (?1, ?2)";
inline constexpr const char *SelectObjectKey = "SELECT object_key FROM rollup_object WHERE object_type = ?1 AND object_id = ?2";
inline constexpr const char *EnsureObjectRollupRow =
    "INSERT OR IGNORE INTO rollup_object_month (month, object_key, events, accesses, changes, workflow, denied) "
    "VALUES (?1, ?2, 0, 0, 0, 0, 0)";
/// A NULL time keeps the stored one; max() of anything with NULL would be NULL.
inline constexpr const char *AddToObjectRollupRow =
    "UPDATE rollup_object_month SET events = events + ?3, accesses = accesses + ?4, changes = changes + ?5, "
    "workflow = workflow + ?6, denied = denied + ?7, "
    "last_revised_at = CASE WHEN ?8 IS NULL THEN last_revised_at ELSE max(coalesce(last_revised_at, ?8), ?8) END, "
    "last_reviewed_at = CASE WHEN ?9 IS NULL THEN last_reviewed_at ELSE max(coalesce(last_reviewed_at, ?9), ?9) END, "
    "last_retired_at = CASE WHEN ?10 IS NULL THEN last_retired_at ELSE max(coalesce(last_retired_at, ?10), ?10) END "
    "WHERE month = ?1 AND object_key = ?2";
inline constexpr const char *EnsureActorRollupRow =
    "INSERT OR IGNORE INTO rollup_actor_month (month, actor_id, events, changes, workflow, denied) VALUES (?1, ?2, 0, 0, 0, 0)";
inline constexpr const char *AddToActorRollupRow =
    "UPDATE rollup_actor_month SET events = events + ?3, changes = changes + ?4, workflow = workflow + ?5, "
    "denied = denied + ?6 WHERE month = ?1 AND actor_id = ?2";
inline constexpr const char *InsertCycle =
    "INSERT INTO rollup_cycle (seq, object_type, stage, submitted_at, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)";

/// SQLite 3.15 has no UPSERT (docs/design-notes.md, pitfall 9): make sure the row exists, then add.
inline constexpr const char *EnsureSummaryRow =
    "INSERT OR IGNORE INTO summary_day (day, action, object_type, outcome, events) VALUES (?1, ?2, ?3, ?4, 0)";
inline constexpr const char *AddToSummaryRow =
    "UPDATE summary_day SET events = events + ?5 WHERE day = ?1 AND action = ?2 AND object_type = ?3 AND outcome = ?4";
inline constexpr const char *EnsureActorSummaryRow =
    "INSERT OR IGNORE INTO summary_day_actor (day, actor_id, events) VALUES (?1, ?2, 0)";
inline constexpr const char *AddToActorSummaryRow =
    "UPDATE summary_day_actor SET events = events + ?3 WHERE day = ?1 AND actor_id = ?2";

/// One event as the decoder reads it (EventReaderPrivate::decodeRow): seq, payload, hash.
inline constexpr const char *SelectEventAt = "SELECT seq, payload, hash FROM events WHERE seq = ?1";

/// The head of the chain, read under the write lock before appending.
inline constexpr const char *SelectHead = "SELECT seq, hash, recorded_at FROM events ORDER BY seq DESC LIMIT 1";

inline constexpr const char *InsertEvent =
    "INSERT INTO events (seq, recorded_at, occurred_at, actor_id, action, object_type, object_id, outcome, "
    "object_title, reason, payload, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// Run after InsertEvent for the same seq, in the same transaction; ?4 is the seq's partition.
inline constexpr const char *InsertText = "INSERT INTO events_text (docid, object_title, reason, part) VALUES (?1, ?2, ?3, ?4)";

/// Migration 1 -> 2: version 1 filled the text index by trigger.
inline constexpr const char *MigrateV1ToV2 = "DROP TRIGGER IF EXISTS events_text_insert";


} // namespace QmsAudit::SchemaSql
