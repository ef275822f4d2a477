// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/verificationreport.h>

#include <QByteArray>
#include <QByteArrayView>

#include <memory>
#include <optional>
#include <vector>

namespace QmsAudit {

class EncodedRecord;
class SummaryCheck;
class Sha256;

/// One stored record as the chain check sees it; the views must live until add() returns.
struct StoredRecord {
    /// The copies of hashed fields that the events table keeps for its indexes (UTF-8).
    struct Columns {
        qint64 recordedAtUs = 0;
        std::optional<qint64> occurredAtUs;
        QByteArrayView actorId, action, objectType, objectId, outcome, objectTitle, reason;
    };
    qint64 seq = 0;
    QByteArrayView payload; ///< the canonical encoding, the only thing hashed
    QByteArrayView hash;    ///< the stored chain value
    /// Present for rows of the events table; absent for records from elsewhere (an export, an
    /// evidence pack), which carry no copies to cross-check.
    std::optional<Columns> columns;
};

/**
 * Checks a stream of records in seq order against the hash chain: gaps, duplicates and moved
 * records, hash links, time order and, when the record has them, its column copies. It knows
 * nothing of where the records come from: the verifier feeds it rows of the events table, and
 * the same code can check records outside the database. Findings go to @p report; one damaged
 * record is reported once (the chain continues from its stored hash).
 * @code
 * ChainCheck check(meta.genesis(), report);
 * for (const StoredRecord &record : records)
 *     check.add(record);
 * check.finish();
 * @endcode
 */
class ChainCheck
{
public:
    /// @p summary, if given, is told the hashed fields of every record (the per-day recount).
    ChainCheck(const QByteArray &genesis, VerificationReport &report, SummaryCheck *summary = nullptr);
    ~ChainCheck();
    ChainCheck(const ChainCheck &) = delete;
    ChainCheck &operator=(const ChainCheck &) = delete;

    void add(const StoredRecord &record);
    /// The stream broke (an unreadable page): names the first record that could not be read.
    void broken(const QString &why);
    /// Sets the report's head hash and last seq.
    void finish();

private:
    void checkDecoded(const StoredRecord &record);
    bool columnsMatch(const StoredRecord::Columns &columns, const EncodedRecord &encoded) const;
    void addFinding(VerificationFinding::Kind kind, qint64 seq, QString detail);

    VerificationReport &m_report;
    SummaryCheck *m_summary;
    std::unique_ptr<Sha256> m_sha256;
    std::vector<char> m_previousHash; ///< reused: no allocation per record
    qint64 m_expectedSeq = 1;
    qint64 m_previousRecordedAt;
};

} // namespace QmsAudit
