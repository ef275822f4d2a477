// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/auditlog.h>
#include <qmsaudit/audittrailconfig.h>
#include <qmsaudit/recordticket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace QmsAudit {

/**
 * One writer thread per log: takes queued events in batches and commits each batch in one
 * transaction, so many concurrent record() calls share one fsync (group commit).
 *
 * It also writes the events the trail owes about itself: `record_failed` with the number of
 * events lost since the last successful commit (first thing once the log is writable again)
 * and `clock_anomaly` when the wall clock steps back or jumps ahead of the monotonic clock.
 */
class GroupCommitWriter
{
public:
    struct Callbacks {
        std::function<void(qint64 seq)> recorded;
        std::function<void(const Error &error)> failed;
        std::function<void(bool available)> availabilityChanged;
    };

    GroupCommitWriter(std::unique_ptr<AuditLog> log, std::shared_ptr<const KeyProvider> keys, const Clock &clock,
                      const AuditTrailConfig &config, Callbacks callbacks);
    /// Same as stop().
    ~GroupCommitWriter();

    enum class Admission {
        Bounded, ///< host events: back-pressure applies when the queue is full
        Always,  ///< the trail's own started/stopped: never dropped for lack of room
    };

    /// Queues an already validated event. Applies back-pressure when the queue is full.
    RecordTicket submit(Event event, Admission admission = Admission::Bounded);
    /// Counts an event the trail refused before queueing it (fail_closed while unavailable).
    void noteRefused(const Error &error);
    /// Waits until every event submitted before the call is committed or failed.
    bool flush(int timeoutMs);
    /// Writes everything queued, then ends the thread. Idempotent.
    void stop();

    bool isAvailable() const { return m_available.load(); }
    qint64 lostCount() const { return m_lost.load(); }

private:
    struct Pending {
        Event event;
        RecordTicket ticket;
        std::chrono::steady_clock::time_point queuedAt;
    };

    void run();
    /// Commits @p batch after any owed system events; completes or fails every ticket.
    void writeBatch(std::vector<Pending> &batch);
    std::optional<Event> checkClock();
    Event systemEvent(Action action) const;
    void setAvailable(bool available);
    enum class Cause {
        Root,      ///< the failure itself: remembered for the record_failed event
        Aftermath, ///< a refusal because of an earlier failure: keeps the root cause on record
    };
    void countLoss(qint64 events, const Error &error, Cause cause = Cause::Root);

    std::unique_ptr<AuditLog> m_log;
    std::shared_ptr<const KeyProvider> m_keys;
    const Clock &m_clock;
    const AuditTrailConfig m_config;
    const Callbacks m_callbacks;

    std::mutex m_mutex;
    std::condition_variable m_wake;     ///< the writer: work, stop or flush
    std::condition_variable m_room;     ///< producers: space in the queue
    std::condition_variable m_progress; ///< flush(): a batch finished
    std::deque<Pending> m_queue;
    quint64 m_submitted = 0;
    quint64 m_finished = 0;
    bool m_flushRequested = false;
    bool m_stopping = false;
    Error m_lastError;

    std::atomic<bool> m_available{true};
    std::atomic<qint64> m_lost{0};
    std::optional<qint64> m_lastWallUs;
    std::chrono::steady_clock::time_point m_lastSteady;
    std::thread m_thread;
};

} // namespace QmsAudit
