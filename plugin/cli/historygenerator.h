// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <random>
#include <vector>

namespace QmsAudit::Cli {

/**
 * A reproducible, realistic audit history for `qms-audit generate`: thousands of users with
 * skewed activity, tens of thousands of documents with versions, mostly views, edits with reasons
 * and field changes, workflow, signatures, logins, denied attempts. The events come in batches,
 * one transaction each; batchTime() spreads the batches over [from, to) with working-hour and
 * weekday density. The same seed and sizes give the same events.
 */
class HistoryGenerator
{
public:
    HistoryGenerator(quint64 seed, qint64 eventCount, qint64 fromUs, qint64 toUs);

    qint64 batchCount() const { return m_batchCount; }
    /// recorded_at for batch @p index: non-decreasing in @p index, inside [from, to).
    qint64 batchTime(qint64 index) const;
    /// The events of the next batch (empty after the last one).
    QList<Event> nextBatch();

private:
    struct Document {
        QString type;
        QString id;
        QString title;
        int revision = 0;
    };

    Event nextEvent();
    double uniform();
    /// 0..n-1, low indexes far more likely (a few users and documents do most of the work).
    int skewed(int n);
    int below(int n);
    const QString &pick(const QStringList &list);
    QString actorName(int user) const;
    QStringList actorRoles(int user) const;

    std::mt19937_64 m_random;
    qint64 m_eventCount;
    qint64 m_produced = 0;
    qint64 m_fromUs;
    qint64 m_batchSize;
    qint64 m_batchCount;
    qint64 m_batchIndex = 0;
    int m_userCount;
    std::vector<Document> m_documents;
    std::vector<double> m_hourWeights; ///< cumulative, one entry per hour of the span
};

} // namespace QmsAudit::Cli
