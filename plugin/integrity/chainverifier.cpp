// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/chainverifier_p.h"

#include "integrity/canonicalencoding_p.h"
#include "integrity/hashchain_p.h"
#include "integrity/textindexcheck_p.h"
#include "storage/connection_p.h"
#include "storage/schema_p.h"

#include <limits>

namespace QmsAudit {
namespace {

using Kind = VerificationFinding::Kind;

void addFinding(VerificationReport &report, Kind kind, qint64 seq, QString detail)
{
    if (report.findings.size() < ChainVerifier::MaxFindings)
        report.findings.append({kind, seq, std::move(detail)});
}

} // namespace

ChainVerifier::ChainVerifier(ConnectionFactory openConnection)
    : m_openConnection(std::move(openConnection))
{
}

VerificationReport ChainVerifier::run() const
{
    VerificationReport report;
    auto connection = m_openConnection();
    if (!connection) {
        addFinding(report, Kind::StorageDamaged, 0, connection.error().message());
        return report;
    }
    auto meta = Schema::load(**connection);
    if (!meta) {
        addFinding(report, Kind::StorageDamaged, 0, meta.error().message());
        return report;
    }
    report.headHash = meta->genesis();
    scanChain(**connection, report);
    connection->reset(); // a corrupt page poisons the connection: check pages on a fresh one
    checkPages(report);
    checkTextIndex(report);
    report.ok = report.findings.isEmpty();
    return report;
}

void ChainVerifier::scanChain(Connection &connection, VerificationReport &report) const
{
    auto select = connection.prepare(
        "SELECT seq, recorded_at, occurred_at, actor_id, action, object_type, object_id, outcome, object_title, reason, "
        "payload, hash FROM events ORDER BY seq");
    if (!select) {
        addFinding(report, Kind::StorageDamaged, 1, select.error().message());
        return;
    }
    QByteArray previousHash = report.headHash;
    qint64 expectedSeq = 1;
    qint64 previousRecordedAt = std::numeric_limits<qint64>::min();
    while (true) {
        auto row = select->step();
        if (!row) {
            // SQLCipher's page HMAC failed (rc 11) or the b-tree is damaged: name the first record
            // that could not be read.
            addFinding(report, Kind::StorageDamaged, expectedSeq,
                       QStringLiteral("records from seq %1 on cannot be read: %2").arg(expectedSeq).arg(row.error().message()));
            return;
        }
        if (!*row)
            return;
        const qint64 seq = select->int64(0);
        const QByteArray payload = select->blob(10);
        const QByteArray storedHash = select->blob(11);
        ++report.eventCount;

        if (seq > expectedSeq) {
            addFinding(report, Kind::Gap, expectedSeq,
                       expectedSeq == seq - 1 ? QStringLiteral("seq %1 is missing").arg(expectedSeq)
                                              : QStringLiteral("seq %1 to %2 are missing").arg(expectedSeq).arg(seq - 1));
        }
        auto decoded = CanonicalEncoding::decode(payload);
        if (!decoded) {
            addFinding(report, Kind::Undecodable, seq, decoded.error().message());
        } else {
            const Event &e = *decoded;
            if (e.seq != seq) {
                if (e.seq < seq)
                    addFinding(report, Kind::Duplicate, seq, QStringLiteral("record at seq %1 carries the content of seq %2").arg(seq).arg(e.seq));
                else
                    addFinding(report, Kind::OutOfOrder, seq, QStringLiteral("record at seq %1 carries the content of seq %2").arg(seq).arg(e.seq));
            }
            const bool columnsMatch = select->int64(1) == e.recordedAtUs
                && (select->isNull(2) ? !e.occurredAtUs : (e.occurredAtUs && select->int64(2) == *e.occurredAtUs))
                && select->text(3) == e.actor.id && select->text(4) == actionName(e.action)
                && select->text(5) == e.object.type && select->text(6) == e.object.id
                && select->text(7) == outcomeName(e.outcome) && select->text(8) == e.object.title
                && select->text(9) == e.reason;
            if (!columnsMatch)
                addFinding(report, Kind::ColumnMismatch, seq, QStringLiteral("indexed columns differ from the hashed record"));
            if (e.recordedAtUs < previousRecordedAt)
                addFinding(report, Kind::TimeWentBackwards, seq, QStringLiteral("recorded_at is earlier than the previous record's"));
            previousRecordedAt = e.recordedAtUs;
        }
        if (HashChain::link(previousHash, payload) != storedHash)
            addFinding(report, Kind::HashMismatch, seq,
                       seq == 1 ? QStringLiteral("stored hash does not match the chain; at seq 1 this also means the log id or the "
                                                 "reason policy in the meta table was changed")
                                : QStringLiteral("stored hash does not match the chain"));
        // Continue from the stored hash so that one damaged record is reported once, not for
        // every record after it.
        previousHash = storedHash;
        report.lastSeq = seq;
        report.headHash = storedHash;
        expectedSeq = seq + 1;
    }
}

void ChainVerifier::checkTextIndex(VerificationReport &report) const
{
    if (!report.findings.isEmpty() && report.findings.last().kind == Kind::StorageDamaged)
        return; // the pages cannot be trusted; the index check would only repeat that
    auto connection = m_openConnection();
    if (!connection) {
        addFinding(report, Kind::StorageDamaged, 0, connection.error().message());
        return;
    }
    TextIndexCheck(**connection).run(report);
}

void ChainVerifier::checkPages(VerificationReport &report) const
{
    if (!report.findings.isEmpty() && report.findings.last().kind == Kind::StorageDamaged)
        return; // already known and named
    auto connection = m_openConnection();
    if (!connection) {
        addFinding(report, Kind::StorageDamaged, 0, connection.error().message());
        return;
    }
    auto check = (*connection)->queryText("PRAGMA quick_check");
    if (!check)
        addFinding(report, Kind::StorageDamaged, 0, check.error().message());
    else if (*check != QLatin1StringView("ok"))
        addFinding(report, Kind::StorageDamaged, 0, QStringLiteral("page check: %1").arg(*check));
}

} // namespace QmsAudit
