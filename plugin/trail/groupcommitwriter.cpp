// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trail/groupcommitwriter_p.h"

#include <qmsaudit/eventvalidator.h>
#include <qmsaudit/timestamp.h>

namespace QmsAudit {
namespace {
using Durability = AuditTrailConfig::Durability;
using std::chrono::milliseconds;
using std::chrono::steady_clock;
} // namespace

GroupCommitWriter::GroupCommitWriter(std::unique_ptr<AuditLog> log, std::shared_ptr<const KeyProvider> keys, const Clock &clock,
                                     const AuditTrailConfig &config, Callbacks callbacks)
    : m_log(std::move(log))
    , m_keys(std::move(keys))
    , m_clock(clock)
    , m_config(config)
    , m_callbacks(std::move(callbacks))
{
    m_thread = std::thread([this] { run(); });
}

GroupCommitWriter::~GroupCommitWriter()
{
    stop();
}

RecordTicket GroupCommitWriter::submit(Event event, Admission admission)
{
    RecordTicket ticket;
    {
        std::unique_lock lock(m_mutex);
        if (m_stopping)
            return RecordTicket::failed(Error(ErrorCode::Unavailable, QStringLiteral("The audit trail is closing; the event was not recorded.")));
        const auto hasRoom = [this, admission] {
            return admission == Admission::Always || m_queue.size() < std::size_t(m_config.queueCapacity) || m_stopping;
        };
        if (!hasRoom() && m_config.backPressure == AuditTrailConfig::BackPressure::Block)
            m_room.wait_for(lock, milliseconds(m_config.blockTimeoutMs), hasRoom);
        if (!hasRoom() || m_stopping) {
            lock.unlock();
            const Error error(ErrorCode::QueueFull, QStringLiteral("The audit queue is full (%1 events waiting); the event was not recorded.")
                                                        .arg(m_config.queueCapacity));
            ticket.fail(error);
            countLoss(1, error);
            return ticket;
        }
        m_queue.push_back({std::move(event), ticket, steady_clock::now()});
        ++m_submitted;
    }
    m_wake.notify_one();
    return ticket;
}

void GroupCommitWriter::noteRefused(const Error &error)
{
    countLoss(1, error, Cause::Aftermath);
}

void GroupCommitWriter::countLoss(qint64 events, const Error &error, Cause cause)
{
    if (cause == Cause::Root) {
        std::lock_guard lock(m_mutex);
        m_lastError = error;
    }
    m_lost += events;
    if (m_callbacks.failed)
        m_callbacks.failed(error);
    setAvailable(false);
    m_wake.notify_one(); // the writer starts probing the log
}

void GroupCommitWriter::setAvailable(bool available)
{
    if (m_available.exchange(available) != available && m_callbacks.availabilityChanged)
        m_callbacks.availabilityChanged(available);
}

bool GroupCommitWriter::flush(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_submitted;
    m_flushRequested = true;
    m_wake.notify_one();
    const auto done = [this, target] { return m_finished >= target; };
    if (timeoutMs < 0) {
        m_progress.wait(lock, done);
        return true;
    }
    return m_progress.wait_for(lock, milliseconds(timeoutMs), done);
}

void GroupCommitWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping && !m_thread.joinable())
            return;
        m_stopping = true;
    }
    m_wake.notify_one();
    m_room.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void GroupCommitWriter::run()
{
    std::unique_lock lock(m_mutex);
    bool finalProbeDone = false;
    while (true) {
        const auto hasWork = [this] { return !m_queue.empty() || m_stopping || m_flushRequested; };
        if (m_lost > 0 && !m_stopping) {
            // Unavailable: probe again after retryIntervalMs even if nothing new arrives.
            m_wake.wait_for(lock, milliseconds(m_config.retryIntervalMs), hasWork);
        } else {
            m_wake.wait(lock, hasWork);
        }
        if (m_config.durability == Durability::Buffered && !m_queue.empty()) {
            // Let a batch build up, but no event waits longer than flushIntervalMs.
            const auto deadline = m_queue.front().queuedAt + milliseconds(m_config.flushIntervalMs);
            m_wake.wait_until(lock, deadline, [this] {
                return m_stopping || m_flushRequested || m_queue.size() >= std::size_t(m_config.maxBatch);
            });
        }
        std::vector<Pending> batch;
        while (!m_queue.empty() && batch.size() < std::size_t(m_config.maxBatch)) {
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        if (m_queue.empty())
            m_flushRequested = false;
        const bool probe = batch.empty() && m_lost > 0 && (!m_stopping || !finalProbeDone);
        if (batch.empty() && !probe) {
            m_progress.notify_all();
            if (m_stopping)
                return;
            continue;
        }
        if (m_stopping && m_queue.empty())
            finalProbeDone = true; // one last attempt to record what was lost, then give up
        lock.unlock();
        m_room.notify_all();
        writeBatch(batch);
        lock.lock();
        m_finished += batch.size();
        m_progress.notify_all();
    }
}

void GroupCommitWriter::writeBatch(std::vector<Pending> &batch)
{
    QList<Event> events;
    const qint64 owed = m_lost.load();
    if (owed > 0) {
        Event failed = systemEvent(Action::RecordFailed);
        failed.outcome = Outcome::Failed;
        {
            std::lock_guard lock(m_mutex);
            failed.reason = m_lastError.message().left(EventLimits::Reason);
            failed.attributes.insert(QStringLiteral("error"), errorCodeName(m_lastError.code()));
        }
        failed.attributes.insert(QStringLiteral("lost_events"), QString::number(owed));
        events.append(failed);
    }
    if (auto anomaly = checkClock())
        events.append(*anomaly);
    const qsizetype systemCount = events.size();
    for (const Pending &pending : batch)
        events.append(pending.event);

    // The key is asked for on every batch: a revoked key (key file removed) stops recording at once.
    Result<QList<qint64>> seqs = Error();
    if (auto key = m_keys->fetchKey(); !key) {
        seqs = Error(ErrorCode::KeyUnavailable,
                     QStringLiteral("The audit log key is no longer available: %1").arg(key.error().message()));
    } else {
        seqs = m_log->appendAll(events);
    }

    if (seqs) {
        m_lost -= owed; // events lost while this batch was written are still owed
        for (std::size_t i = 0; i < batch.size(); ++i)
            batch[i].ticket.complete((*seqs)[systemCount + qsizetype(i)]);
        setAvailable(true);
        if (m_callbacks.recorded) {
            for (qint64 seq : *seqs)
                m_callbacks.recorded(seq);
        }
        return;
    }
    // Counted before the tickets fail, so a caller who sees its failure also sees it counted.
    // The owed record_failed is still owed; a clock anomaly in this batch is lost too.
    const qint64 newlyLost = qint64(batch.size()) + (systemCount - (owed > 0 ? 1 : 0));
    if (newlyLost > 0) {
        countLoss(newlyLost, seqs.error());
    } else {
        std::lock_guard lock(m_mutex);
        m_lastError = seqs.error();
    }
    for (Pending &pending : batch)
        pending.ticket.fail(seqs.error());
}

std::optional<Event> GroupCommitWriter::checkClock()
{
    if (m_config.simulatedClockStartUs != 0) // a simulated clock jumps by design
        return {};
    const qint64 wallUs = m_clock.nowUtcMicros();
    const auto steady = steady_clock::now();
    std::optional<Event> anomaly;
    if (m_lastWallUs) {
        const qint64 elapsedUs = std::chrono::duration_cast<std::chrono::microseconds>(steady - m_lastSteady).count();
        const qint64 driftUs = wallUs - (*m_lastWallUs + elapsedUs);
        const bool backwards = wallUs < *m_lastWallUs;
        const bool jumped = driftUs > qint64(m_config.clockJumpToleranceMs) * 1000;
        if (backwards || jumped) {
            Event event = systemEvent(Action::ClockAnomaly);
            event.reason = backwards ? QStringLiteral("The wall clock moved backwards.") : QStringLiteral("The wall clock jumped ahead.");
            event.attributes = {{QStringLiteral("kind"), backwards ? QStringLiteral("backwards") : QStringLiteral("jump")},
                                {QStringLiteral("previous_utc"), formatTimestamp(*m_lastWallUs)},
                                {QStringLiteral("current_utc"), formatTimestamp(wallUs)},
                                {QStringLiteral("drift_ms"), QString::number(driftUs / 1000)}};
            anomaly = event;
        }
    }
    m_lastWallUs = wallUs;
    m_lastSteady = steady;
    return anomaly;
}

Event GroupCommitWriter::systemEvent(Action action) const
{
    Event event;
    event.actor = {QStringLiteral("qmsaudit"), QStringLiteral("QmsAudit"), {}};
    event.action = action;
    event.host = m_config.host;
    return event;
}

} // namespace QmsAudit
