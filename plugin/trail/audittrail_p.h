// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "trail/groupcommitwriter_p.h"
#include "trail/simulatedclock_p.h"
#include "trail/trailcheckpointer_p.h"

#include <qmsaudit/audittrail.h>
#include <qmsaudit/eventreader.h>

#include <QMutex>

namespace QmsAudit {

/// The resolution of a simulated history: events within five minutes share a commit and its time.
constexpr qint64 kSimulatedStepUs = 5 * 60 * 1'000'000LL;

class AuditTrailPrivate
{
public:
    explicit AuditTrailPrivate(AuditTrail *q);

    /// Fills actor, host and session from the trail where the event leaves them empty.
    void stamp(Event &event) const;
    Event ownEvent(Action action) const;
    ObjectRef trailObject() const;
    Result<EventReader *> reader() const;
    /// After the writer recorded @p seq: a checkpoint when one is due (on the writer's thread).
    void checkpointIfDue(qint64 seq);
    /// "simulated_clock_start": commits what is queued and moves the clock when an event asks
    /// for a time more than kSimulatedStepUs ahead of it.
    Result<void> followSimulatedTime(qint64 wantedUs);
    /// Emits checkpointed() or checkpointFailed() for @p published.
    void reportCheckpoint(const Result<PublishedCheckpoint> &published);

    AuditTrail *const q;
    AuditTrailConfig m_config;
    std::shared_ptr<const KeyProvider> m_keys;
    std::unique_ptr<GroupCommitWriter> m_writer;
    std::unique_ptr<TrailCheckpointer> m_checkpointer; ///< set while open, when checkpoints are configured
    QSet<Action> m_reasonRequired;
    QString m_logId;
    /// The clock of the last opening with "simulated_clock_start"; outlives close(), since
    /// m_config.clock may still point at it. Whether the trail follows it is m_config's to say.
    std::unique_ptr<SimulatedClock> m_simulatedClock;
    mutable QMutex m_mutex; ///< guards the fields below
    Actor m_currentUser;
    QString m_session;
    mutable std::shared_ptr<EventReader> m_reader; ///< a read-only connection for queries
};

} // namespace QmsAudit
