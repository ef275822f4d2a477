// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/chainverifier_p.h"

#include "integrity/canonicalencoding_p.h"
#include "integrity/encodedrecord_p.h"
#include "integrity/hashchain_p.h"
#include "integrity/textindexcheck_p.h"
#include "integrity/sha256_p.h"
#include "integrity/summarycheck_p.h"
#include "storage/connection_p.h"
#include "storage/schema_p.h"

#include <limits>
#include <optional>
#include <thread>
#include <vector>

namespace QmsAudit {
namespace {

using Kind = VerificationFinding::Kind;

void addFinding(VerificationReport &report, Kind kind, qint64 seq, QString detail)
{
    if (report.findings.size() < ChainVerifier::MaxFindings)
        report.findings.append({kind, seq, std::move(detail)});
}

/// The indexed columns of the current row against the hashed record, compared as bytes.
bool columnsMatch(const Statement &row, const EncodedRecord &r)
{
    return row.int64(1) == r.recordedAtUs
        && (row.isNull(2) ? !r.occurredAtUs : (r.occurredAtUs && row.int64(2) == *r.occurredAtUs))
        && row.textView(3) == r.actorId && row.textView(4) == r.action && row.textView(5) == r.objectType
        && row.textView(6) == r.objectId && row.textView(7) == r.outcome && row.textView(8) == r.objectTitle
        && row.textView(9) == r.reason;
}

/// The full check of one record through the decoder: names what is wrong with it.
std::optional<Event> checkDecoded(const Statement &row, qint64 seq, QByteArrayView payload, qint64 &previousRecordedAt,
                                  VerificationReport &report)
{
    auto decoded = CanonicalEncoding::decode(payload.toByteArray());
    if (!decoded) {
        addFinding(report, Kind::Undecodable, seq, decoded.error().message());
        return std::nullopt;
    }
    const Event &e = *decoded;
    if (e.seq != seq) {
        if (e.seq < seq)
            addFinding(report, Kind::Duplicate, seq, QStringLiteral("record at seq %1 carries the content of seq %2").arg(seq).arg(e.seq));
        else
            addFinding(report, Kind::OutOfOrder, seq, QStringLiteral("record at seq %1 carries the content of seq %2").arg(seq).arg(e.seq));
    }
    const bool columnsMatch = row.int64(1) == e.recordedAtUs
        && (row.isNull(2) ? !e.occurredAtUs : (e.occurredAtUs && row.int64(2) == *e.occurredAtUs))
        && row.text(3) == e.actor.id && row.text(4) == actionName(e.action) && row.text(5) == e.object.type
        && row.text(6) == e.object.id && row.text(7) == outcomeName(e.outcome) && row.text(8) == e.object.title
        && row.text(9) == e.reason;
    if (!columnsMatch)
        addFinding(report, Kind::ColumnMismatch, seq, QStringLiteral("indexed columns differ from the hashed record"));
    if (e.recordedAtUs < previousRecordedAt)
        addFinding(report, Kind::TimeWentBackwards, seq, QStringLiteral("recorded_at is earlier than the previous record's"));
    previousRecordedAt = e.recordedAtUs;
    return std::move(*decoded);
}

} // namespace

ChainVerifier::ChainVerifier(ConnectionFactory openConnection)
    : m_openConnection(std::move(openConnection))
{
}

VerificationReport ChainVerifier::run() const
{
    VerificationReport report;
    // quick_check reads every page of the file, the text index check the whole index, the chain
    // scan the events: the first two on a second thread beside the scan, so verify takes about
    // the longer of the two threads instead of the sum. Each has its own connection (a corrupt
    // page poisons the connection that read it).
    std::optional<VerificationFinding> pageFinding;
    VerificationReport textReport;
    std::thread pages([this, &pageFinding, &textReport] {
        pageFinding = checkPages();
        if (!pageFinding) // damaged pages: the index check would only repeat that
            checkTextIndex(textReport);
    });
    if (auto connection = m_openConnection(); !connection) {
        addFinding(report, Kind::StorageDamaged, 0, connection.error().message());
    } else if (auto meta = Schema::load(**connection); !meta) {
        addFinding(report, Kind::StorageDamaged, 0, meta.error().message());
    } else {
        // The genesis comes from the meta table on disk: a changed policy breaks seq 1.
        report.headHash = meta->genesis();
        scanChain(**connection, report);
    }
    pages.join();
    const bool damageNamed = !report.findings.isEmpty() && report.findings.last().kind == Kind::StorageDamaged;
    if (pageFinding && !damageNamed) // a damaged page the scan named already is reported once
        addFinding(report, pageFinding->kind, pageFinding->seq, pageFinding->detail);
    if (!damageNamed) {
        for (const VerificationFinding &finding : std::as_const(textReport.findings))
            addFinding(report, finding.kind, finding.seq, finding.detail);
    }
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
    Sha256 sha256;
    Sha256::Digest digest{};
    SummaryCheck summary(connection);
    // The previous record's stored hash, kept in a reused buffer: no allocation per record.
    std::vector<char> previousHash(report.headHash.cbegin(), report.headHash.cend());
    qint64 expectedSeq = 1;
    qint64 previousRecordedAt = std::numeric_limits<qint64>::min();
    while (true) {
        auto row = select->step();
        if (!row) {
            // SQLCipher's page HMAC failed (rc 11) or the b-tree is damaged: name the first record
            // that could not be read.
            addFinding(report, Kind::StorageDamaged, expectedSeq,
                       QStringLiteral("records from seq %1 on cannot be read: %2").arg(expectedSeq).arg(row.error().message()));
            break;
        }
        if (!*row) {
            summary.finish(report);
            break;
        }
        const qint64 seq = select->int64(0);
        const QByteArrayView payload = select->blobView(10);
        const QByteArrayView storedHash = select->blobView(11);
        ++report.eventCount;

        if (seq > expectedSeq) {
            addFinding(report, Kind::Gap, expectedSeq,
                       expectedSeq == seq - 1 ? QStringLiteral("seq %1 is missing").arg(expectedSeq)
                                              : QStringLiteral("seq %1 to %2 are missing").arg(expectedSeq).arg(seq - 1));
        }
        // Most records are intact: compare the columns with the encoding in place. Anything odd
        // goes through the full decoder, which names the problem.
        // The summary is recounted from the hashed record, not from the columns.
        const auto record = EncodedRecord::parse(payload);
        if (record && record->seq == seq && columnsMatch(*select, *record) && record->recordedAtUs >= previousRecordedAt) {
            previousRecordedAt = record->recordedAtUs;
            summary.count(record->recordedAtUs, record->actorId, record->action, record->objectType, record->outcome);
        } else if (auto e = checkDecoded(*select, seq, payload, previousRecordedAt, report)) {
            summary.count(e->recordedAtUs, e->actor.id.toUtf8(), actionName(e->action).toUtf8(), e->object.type.toUtf8(),
                          outcomeName(e->outcome).toUtf8());
        }

        const QByteArrayView previous(previousHash.data(), qsizetype(previousHash.size()));
        const bool linked = sha256.isValid() ? sha256.link(previous, payload, digest)
                                                   && storedHash == QByteArrayView(digest.data(), qsizetype(digest.size()))
                                             : HashChain::link(previous.toByteArray(), payload.toByteArray()) == storedHash;
        if (!linked) {
            addFinding(report, Kind::HashMismatch, seq,
                       seq == 1 ? QStringLiteral("stored hash does not match the chain; at seq 1 this also means the log id or the "
                                                 "reason policy in the meta table was changed")
                                : QStringLiteral("stored hash does not match the chain"));
        }
        // Continue from the stored hash so that one damaged record is reported once, not for
        // every record after it.
        previousHash.assign(storedHash.begin(), storedHash.end());
        report.lastSeq = seq;
        expectedSeq = seq + 1;
    }
    report.headHash = QByteArray(previousHash.data(), qsizetype(previousHash.size()));
}

void ChainVerifier::checkTextIndex(VerificationReport &report) const
{
    auto connection = m_openConnection();
    if (!connection) {
        addFinding(report, Kind::StorageDamaged, 0, connection.error().message());
        return;
    }
    TextIndexCheck(**connection).run(report);
}

std::optional<VerificationFinding> ChainVerifier::checkPages() const
{
    auto connection = m_openConnection();
    if (!connection)
        return VerificationFinding{Kind::StorageDamaged, 0, connection.error().message()};
    auto check = (*connection)->queryText("PRAGMA quick_check");
    if (!check)
        return VerificationFinding{Kind::StorageDamaged, 0, check.error().message()};
    if (*check != QLatin1StringView("ok"))
        return VerificationFinding{Kind::StorageDamaged, 0, QStringLiteral("page check: %1").arg(*check)};
    return std::nullopt;
}

} // namespace QmsAudit
