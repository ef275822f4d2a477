// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/clock.h>
#include <qmsaudit/event.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/keyprovider.h>
#include <qmsaudit/logstatistics.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>
#include <qmsaudit/verificationreport.h>

#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace QmsAudit {

/// Rules stored in the log when it is created; they travel with the file.
struct QMSAUDIT_EXPORT LogPolicy {
    /// Actions that must carry a non-empty reason. Default: every change action.
    QSet<Action> reasonRequiredActions;
    static LogPolicy defaultPolicy();
};

/// Per-process settings for a connection to a log (not stored in the file).
struct LogOptions {
    const Clock *clock = nullptr; ///< nullptr: SystemClock
    int busyTimeoutMs = 10000;    ///< how long to wait for another writer (thread or process)
    /// create() only: consecutive seqs per partition of the text index (docs/storage.md); 0 is
    /// the default, 262144. Smaller partitions make text pages cheaper and text counts dearer.
    qint64 textPartitionEvents = 0;
};

/// The tip of the hash chain: what to anchor externally (seq 0 and the genesis value when empty).
struct ChainHead {
    qint64 seq = 0;
    QByteArray hash;
    qint64 recordedAtUs = 0;
};

/// What appendStream() appended: seqs firstSeq..lastSeq (count 0: nothing but the trailer).
struct AppendedRange {
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    qint64 count = 0;
};

class AuditLogPrivate;
class EventReader;

/**
 * One encrypted, append-only, hash-chained audit log file (SQLCipher).
 *
 * The KeyProvider is asked for the key once, in create()/open()/rekey(); it need not outlive the
 * log (the key is kept in a wiped buffer for the log's own reconnections and verification).
 *
 * Thread-safe: calls from several threads are serialised; several processes may append to the
 * same file and still produce one gap-free chain (each append is a write transaction that reads
 * the chain tail under the lock).
 * @code
 * QmsAudit::KeyFileProvider keys("/etc/qms/audit.key");
 * auto log = QmsAudit::AuditLog::open("/var/lib/qms/audit.qmslog", keys);
 * if (!log)
 *     return fail(log.error().message());
 * QmsAudit::Event e;
 * e.actor.id = "u42";
 * e.action = QmsAudit::Action::View;
 * e.object = {"procedure", "SOP-017", "C", "Calibration of torque wrenches"};
 * auto seq = (*log)->append(e); // seq.value() == position in the chain
 * @endcode
 */
class QMSAUDIT_EXPORT AuditLog
{
public:
    /// Creates a new log; refuses (AlreadyExists) if @p path exists.
    static Result<std::unique_ptr<AuditLog>> create(const QString &path, const KeyProvider &keys,
                                                    const LogPolicy &policy = LogPolicy::defaultPolicy(),
                                                    const LogOptions &options = {});
    /// Opens an existing log: NotFound, WrongKey, NotEncrypted, NotALog or EncryptionUnavailable on failure.
    static Result<std::unique_ptr<AuditLog>> open(const QString &path, const KeyProvider &keys,
                                                  const LogOptions &options = {});
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    QString path() const;
    /// Random UUID chosen at creation; the chain's genesis value is derived from it.
    QString logId() const;
    qint64 createdAtUs() const;
    int schemaVersion() const;
    LogPolicy policy() const;

    /// Validates, stamps seq/recorded_at/hash and commits durably. Returns the seq.
    Result<qint64> append(const Event &event);
    /// Appends all events in one transaction: either every event is written or none is.
    Result<QList<qint64>> appendAll(const QList<Event> &events);

    /// Yields the next event, std::nullopt at the end, or an error that abandons the stream.
    using EventSource = std::function<Result<std::optional<Event>>()>;
    /// Makes a closing event (an import record, say) once the stream's range is known.
    using TrailerFactory = std::function<Event(const AppendedRange &)>;
    /// Names where in the stream the event that failed validation came from ("line 12"), given
    /// its 1-based position among the events; asked only for that event.
    using PositionLabel = std::function<QString(qint64 position)>;
    /**
     * Appends every event @p next yields, then the event @p trailer makes (if set), all in ONE
     * transaction: all or nothing, however long the stream, while memory stays bounded (events
     * are inserted as they arrive; SQLite spills pages to the write-ahead log). Events are
     * validated one by one; an error names the event's position ("Event 7: …", or what
     * @p label says: "line 12: …"). The log is locked for other writers until the stream ends.
     */
    Result<AppendedRange> appendStream(const EventSource &next, const TrailerFactory &trailer = {}, const PositionLabel &label = {});

    /// Events matching @p filter with page.afterSeq < seq < page.beforeSeq, in page.order.
    Result<EventPage> query(const EventFilter &filter, const PageRequest &page = {}) const;
    Result<qint64> count(const EventFilter &filter) const;
    Result<Event> eventAt(qint64 seq) const;
    Result<LogStatistics> statistics(std::optional<qint64> fromUs, std::optional<qint64> toUs) const;
    /// SQLite's EXPLAIN QUERY PLAN for the statement query() would run (diagnostics and tests).
    Result<QString> queryPlan(const EventFilter &filter, PageRequest::Order order = PageRequest::Order::OldestFirst) const;

    Result<ChainHead> head() const;
    /// The read side this log's read calls use (read-only connection): document histories, actor
    /// activity, seeking to a date, streaming. Valid until the key is rotated.
    Result<std::shared_ptr<const EventReader>> reader() const;
    /// Recomputes the whole chain and checks the storage pages; never modifies the file.
    VerificationReport verify() const;
    /**
     * Recounts the per-day summary behind statistics() and the per-month rollups behind
     * EventReader::aggregates() from the events, in one transaction: the repair after verify()
     * reported a summary mismatch. It counts the indexed columns, which verify() checks against
     * the hash chain: verify first. The events are not touched.
     */
    Result<void> rebuildSummary();

    /**
     * Re-encrypts the log under @p newKeys and appends a key_rotated event by @p by.
     * On any failure the log stays readable with the old key (a backup copy is restored) and a
     * failed key_rotated event is appended under the old key.
     */
    Result<void> rekey(const KeyProvider &newKeys, const Actor &by, const QString &reason = {});

private:
    explicit AuditLog(std::unique_ptr<AuditLogPrivate> d);
    std::unique_ptr<AuditLogPrivate> d;
};

} // namespace QmsAudit
