// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/flagbuilder_p.h"

namespace QmsAudit {

FlagBuilder::FlagBuilder(AnomalyRule rule, AnomalySeverity severity, QString actorId, int maxSeqs)
    : m_seqs(maxSeqs)
{
    m_flag.rule = rule;
    m_flag.severity = severity;
    m_flag.actorId = std::move(actorId);
}

void FlagBuilder::add(qint64 seq, qint64 recordedAtUs)
{
    if (m_counted == 0)
        m_flag.firstUs = recordedAtUs;
    m_flag.lastUs = recordedAtUs;
    ++m_counted;
    m_seqs.add(seq);
}

void FlagBuilder::addContext(qint64 seq)
{
    m_seqs.add(seq);
}

void FlagBuilder::addContext(const SeqList &seqs)
{
    m_seqs.add(seqs);
}

AnomalyFlag FlagBuilder::take(const QString &explanation)
{
    m_flag.explanation = explanation;
    m_flag.seqs = m_seqs.seqs();
    m_flag.eventCount = m_seqs.count();
    return std::move(m_flag);
}

QString FlagBuilder::durationText(qint64 micros)
{
    const qint64 seconds = micros / 1'000'000;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return seconds % 60 ? QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60) : QStringLiteral("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds / 60) % 60);
    return QStringLiteral("%1 d %2 h").arg(seconds / 86400).arg((seconds / 3600) % 24);
}

} // namespace QmsAudit
