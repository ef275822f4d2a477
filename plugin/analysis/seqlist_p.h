// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QList>

namespace QmsAudit {

/**
 * The seqs of the events behind a flag, bounded: at most `max` of them, the first max - 1 and
 * always the last one (the event that closed the flag, an approval, the latest edit), and the
 * count of all. Seqs are added in ascending order, as the scan reads them.
 */
class SeqList
{
public:
    explicit SeqList(int max);
    void add(qint64 seq);
    /// Every seq of @p later (all above this list's), counting those it has dropped too.
    void add(const SeqList &later);
    const QList<qint64> &seqs() const { return m_seqs; }
    qint64 count() const { return m_count; }

private:
    int m_max;
    QList<qint64> m_seqs;
    qint64 m_count = 0;
};

} // namespace QmsAudit
