// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/chaincheck_p.h"

#include "integrity/canonicalencoding_p.h"
#include "integrity/chainverifier_p.h"
#include "integrity/encodedrecord_p.h"
#include "integrity/hashchain_p.h"
#include "integrity/sha256_p.h"
#include "integrity/summarycheck_p.h"

#include <limits>

namespace QmsAudit {
namespace {

using Kind = VerificationFinding::Kind;

QString text(QByteArrayView utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

ChainCheck::ChainCheck(const QByteArray &genesis, VerificationReport &report, SummaryCheck *summary)
    : m_report(report)
    , m_summary(summary)
    , m_sha256(std::make_unique<Sha256>())
    , m_previousHash(genesis.cbegin(), genesis.cend())
    , m_previousRecordedAt(std::numeric_limits<qint64>::min())
{
    m_report.headHash = genesis;
}

ChainCheck::~ChainCheck() = default;

void ChainCheck::addFinding(Kind kind, qint64 seq, QString detail)
{
    if (m_report.findings.size() < ChainVerifier::MaxFindings)
        m_report.findings.append({kind, seq, std::move(detail)});
}

bool ChainCheck::columnsMatch(const StoredRecord::Columns &c, const EncodedRecord &r) const
{
    return c.recordedAtUs == r.recordedAtUs && c.occurredAtUs == r.occurredAtUs && c.actorId == r.actorId && c.action == r.action
        && c.objectType == r.objectType && c.objectId == r.objectId && c.outcome == r.outcome && c.objectTitle == r.objectTitle
        && c.reason == r.reason;
}

void ChainCheck::add(const StoredRecord &record)
{
    const qint64 seq = record.seq;
    ++m_report.eventCount;
    if (seq > m_expectedSeq) {
        addFinding(Kind::Gap, m_expectedSeq,
                   m_expectedSeq == seq - 1 ? QStringLiteral("seq %1 is missing").arg(m_expectedSeq)
                                            : QStringLiteral("seq %1 to %2 are missing").arg(m_expectedSeq).arg(seq - 1));
    }
    // Most records are intact: compare the columns with the encoding in place. Anything odd goes
    // through the full decoder, which names the problem. The summary is recounted from the
    // hashed record, not from the columns.
    const auto encoded = EncodedRecord::parse(record.payload);
    if (encoded && encoded->seq == seq && (!record.columns || columnsMatch(*record.columns, *encoded))
        && encoded->recordedAtUs >= m_previousRecordedAt) {
        m_previousRecordedAt = encoded->recordedAtUs;
        if (m_summary)
            m_summary->count({seq, encoded->recordedAtUs, encoded->actorId, encoded->action, encoded->objectType, encoded->objectId,
                              encoded->outcome});
    } else {
        checkDecoded(record);
    }

    const QByteArrayView previous(m_previousHash.data(), qsizetype(m_previousHash.size()));
    Sha256::Digest digest{};
    const bool linked = m_sha256->isValid()
        ? m_sha256->link(previous, record.payload, digest) && record.hash == QByteArrayView(digest.data(), qsizetype(digest.size()))
        : HashChain::link(previous.toByteArray(), record.payload.toByteArray()) == record.hash;
    if (!linked) {
        addFinding(Kind::HashMismatch, seq,
                   seq == 1 ? QStringLiteral("stored hash does not match the chain; at seq 1 this also means the log id or the reason "
                                             "policy in the meta table was changed")
                            : QStringLiteral("stored hash does not match the chain"));
    }
    // Continue from the stored hash so that one damaged record is reported once, not for every
    // record after it.
    m_previousHash.assign(record.hash.begin(), record.hash.end());
    m_report.lastSeq = seq;
    m_expectedSeq = seq + 1;
}

void ChainCheck::checkDecoded(const StoredRecord &record)
{
    const qint64 seq = record.seq;
    auto decoded = CanonicalEncoding::decode(record.payload.toByteArray());
    if (!decoded) {
        addFinding(Kind::Undecodable, seq, decoded.error().message());
        return;
    }
    const Event &e = *decoded;
    if (e.seq != seq) {
        addFinding(e.seq < seq ? Kind::Duplicate : Kind::OutOfOrder, seq,
                   QStringLiteral("record at seq %1 carries the content of seq %2").arg(seq).arg(e.seq));
    }
    if (record.columns) {
        const StoredRecord::Columns &c = *record.columns;
        const bool match = c.recordedAtUs == e.recordedAtUs && c.occurredAtUs == e.occurredAtUs && text(c.actorId) == e.actor.id
            && text(c.action) == actionName(e.action) && text(c.objectType) == e.object.type && text(c.objectId) == e.object.id
            && text(c.outcome) == outcomeName(e.outcome) && text(c.objectTitle) == e.object.title && text(c.reason) == e.reason;
        if (!match)
            addFinding(Kind::ColumnMismatch, seq, QStringLiteral("indexed columns differ from the hashed record"));
    }
    if (e.recordedAtUs < m_previousRecordedAt)
        addFinding(Kind::TimeWentBackwards, seq, QStringLiteral("recorded_at is earlier than the previous record's"));
    m_previousRecordedAt = e.recordedAtUs;
    if (m_summary) {
        const QByteArray actorId = e.actor.id.toUtf8();
        const QByteArray action = actionName(e.action).toUtf8();
        const QByteArray objectType = e.object.type.toUtf8();
        const QByteArray objectId = e.object.id.toUtf8();
        const QByteArray outcome = outcomeName(e.outcome).toUtf8();
        m_summary->count({seq, e.recordedAtUs, actorId, action, objectType, objectId, outcome});
    }
}

void ChainCheck::broken(const QString &why)
{
    // SQLCipher's page HMAC failed (rc 11) or the b-tree is damaged: name the first record that
    // could not be read.
    addFinding(Kind::StorageDamaged, m_expectedSeq, QStringLiteral("records from seq %1 on cannot be read: %2").arg(m_expectedSeq).arg(why));
}

void ChainCheck::finish()
{
    m_report.headHash = QByteArray(m_previousHash.data(), qsizetype(m_previousHash.size()));
}

} // namespace QmsAudit
