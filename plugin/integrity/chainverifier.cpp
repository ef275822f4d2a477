// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/chainverifier_p.h"

#include "integrity/chaincheck_p.h"
#include "integrity/summarycheck_p.h"
#include "integrity/textindexcheck_p.h"
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
    // The rows become a stream of records for ChainCheck, which checks any such stream.
    SummaryCheck summary(connection);
    ChainCheck check(report.headHash, report, &summary);
    while (true) {
        auto row = select->step();
        if (!row) {
            check.broken(row.error().message());
            break;
        }
        if (!*row) {
            summary.finish(report);
            break;
        }
        StoredRecord record;
        record.seq = select->int64(0);
        record.payload = select->blobView(10);
        record.hash = select->blobView(11);
        StoredRecord::Columns &columns = record.columns.emplace();
        columns.recordedAtUs = select->int64(1);
        if (!select->isNull(2))
            columns.occurredAtUs = select->int64(2);
        columns.actorId = select->textView(3);
        columns.action = select->textView(4);
        columns.objectType = select->textView(5);
        columns.objectId = select->textView(6);
        columns.outcome = select->textView(7);
        columns.objectTitle = select->textView(8);
        columns.reason = select->textView(9);
        check.add(record);
    }
    check.finish();
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
