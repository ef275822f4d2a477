// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/verificationreport.h>

namespace QmsAudit {

class Connection;

/**
 * Checks that the full-text index (events_text) holds exactly the words of every event's title
 * and reason, no more and no less, each in the partition of its seq (layout 6), partition by
 * partition so that memory stays bounded. The index is not part of the hash chain, so someone with the
 * key could remove rows from it (hiding events from text searches) or plant rows (making
 * searches match the wrong events) without breaking the chain.
 *
 * Both sides are reduced to one fingerprint per (column, term): the sum of a keyed hash of each
 * event seq the term occurs in. The expected side tokenizes the events' columns with SQLite's own
 * tokenizer (fts3tokenize, unicode61), so both sides split words identically; the actual side
 * reads every term from fts4aux and its events from a MATCH on that term. The hash key is random
 * per run, so changes that cancel out cannot be prepared in advance.
 */
class TextIndexCheck
{
public:
    /// Findings beyond this many terms are counted in one summary finding.
    static constexpr int MaxTermFindings = 10;

    explicit TextIndexCheck(Connection &connection);
    void run(VerificationReport &report);

private:
    class Hasher; // keyed hash of (column, term, seq), random key per run

    void checkPartition(qint64 partition, qint64 firstSeq, qint64 lastSeq, const Hasher &hasher, VerificationReport &report,
                        qsizetype &differing);

    Connection &m_connection;
};

} // namespace QmsAudit
