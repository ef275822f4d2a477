// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/seqlist_p.h"

namespace QmsAudit {

SeqList::SeqList(int max)
    : m_max(max)
{
}

void SeqList::add(qint64 seq)
{
    ++m_count;
    if (m_seqs.size() < m_max)
        m_seqs.append(seq);
    else
        m_seqs.last() = seq;
}

void SeqList::add(const SeqList &later)
{
    for (qint64 seq : later.m_seqs)
        add(seq);
    m_count += later.m_count - later.m_seqs.size();
}

} // namespace QmsAudit
