// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyflag.h>

#include "analysis/seqlist_p.h"

#include <QString>

namespace QmsAudit {

/**
 * One flag as a rule collects it: the events it counted in the period (seqs, first and last
 * time) and those that explain it without being counted there (the release an edit breaks, the
 * changes an approval covers, which may lie before the period).
 */
class FlagBuilder
{
public:
    FlagBuilder(AnomalyRule rule, AnomalySeverity severity, QString actorId, int maxSeqs);

    /// An event the rule counted.
    void add(const Event &event) { add(event.seq, event.recordedAtUs); }
    void add(qint64 seq, qint64 recordedAtUs);
    /// An event behind the flag that is not counted in the period; call before the counted ones.
    void addContext(qint64 seq);
    /// The events behind the flag that @p seqs name, in ascending seq order.
    void addContext(const SeqList &seqs);
    void setObject(const ObjectRef &object) { m_flag.object = object; }

    /// How many events the rule counted.
    qint64 counted() const { return m_counted; }
    qint64 firstUs() const { return m_flag.firstUs; }
    qint64 lastUs() const { return m_flag.lastUs; }
    const QString &actorId() const { return m_flag.actorId; }
    const ObjectRef &object() const { return m_flag.object; }
    /// The flag with @p explanation; the builder is spent.
    AnomalyFlag take(const QString &explanation);

    /// "45 s", "4 min 10 s", "2 h 5 min", "3 d 4 h": a duration for an explanation.
    static QString durationText(qint64 micros);

private:
    AnomalyFlag m_flag;
    SeqList m_seqs;
    qint64 m_counted = 0;
};

} // namespace QmsAudit
