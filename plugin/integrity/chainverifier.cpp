// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/chainverifier_p.h"

#include "integrity/chaincheck_p.h"
#include "integrity/merklecheckthread_p.h"
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

ChainVerifier::ChainVerifier(ConnectionFactory openConnection, VerificationControl control)
    : m_openConnection(std::move(openConnection))
    , m_control(std::move(control))
{
}

bool ChainVerifier::isCancelled() const
{
    return m_control.cancel && m_control.cancel->load(std::memory_order_relaxed);
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
    // The chain scan reads the events once, and feeds their titles and reasons to the text check.
    // quick_check reads every page of the file and the text check the whole index: both on a
    // second thread beside the scan, so verify takes about the longer of the two threads instead
    // of the sum (the scan hands the Merkle tree check to a third, MerkleCheckThread). Each thread has its own connection (a corrupt page poisons the connection that
    // read it).
    TextIndexCheck text(meta->textPartitionEvents);
    std::optional<VerificationFinding> pageFinding;
    VerificationReport indexReport;
    std::thread pages([this, &pageFinding, &text, &indexReport] {
        pageFinding = checkPages();
        if (!pageFinding) // damaged pages: the index check would only repeat that
            readTextIndex(text, indexReport);
    });
    // The genesis comes from the meta table on disk: a changed policy breaks seq 1.
    report.headHash = meta->genesis();
    scanChain(**connection, report, text);
    pages.join();
    if (isCancelled()) {
        // What the interrupted threads found is incomplete: a cancelled run names no findings.
        report.findings.clear();
        report.cancelled = true;
        return report;
    }
    const bool damageNamed = !report.findings.isEmpty() && report.findings.last().kind == Kind::StorageDamaged;
    if (pageFinding && !damageNamed) // a damaged page the scan named already is reported once
        addFinding(report, pageFinding->kind, pageFinding->seq, pageFinding->detail);
    if (!damageNamed && !pageFinding) {
        text.compare(indexReport);
        for (const VerificationFinding &finding : std::as_const(indexReport.findings))
            addFinding(report, finding.kind, finding.seq, finding.detail);
    }
    report.ok = report.findings.isEmpty();
    return report;
}

void ChainVerifier::scanChain(Connection &connection, VerificationReport &report, TextIndexCheck &text) const
{
    // One read transaction: the last seq and the scan see the same snapshot, and the text check
    // compares the index up to that seq even while a writer appends.
    qint64 lastSeq = 0;
    struct SnapshotEnd {
        TextIndexCheck &text;
        const qint64 &lastSeq;
        ~SnapshotEnd() { text.setLastSeq(lastSeq); } // also on failure: the index reader waits for it
    } snapshotEnd{text, lastSeq};
    auto begun = connection.exec("BEGIN");
    auto head = begun ? connection.queryText("SELECT coalesce(max(seq), 0) FROM events") : Result<QString>(begun.error());
    auto select = connection.prepare(
        "SELECT seq, recorded_at, occurred_at, actor_id, action, object_type, object_id, outcome, object_title, reason, "
        "payload, hash FROM events ORDER BY seq");
    if (!head || !select) {
        addFinding(report, Kind::StorageDamaged, 1, (!head ? head.error() : select.error()).message());
        return;
    }
    lastSeq = head->toLongLong();
    text.setLastSeq(lastSeq);
    if (auto tokenizing = text.startTokenizing(connection); !tokenizing)
        addFinding(report, Kind::TextIndexMismatch, 0, QStringLiteral("the text index cannot be checked: %1").arg(tokenizing.error().message()));
    // The rows become a stream of records for ChainCheck, which checks any such stream.
    SummaryCheck summary(connection);
    ChainCheck check(report.headHash, report, &summary);
    MerkleCheckThread tree(connection); // stops before the read transaction ends, in every return
    while (true) {
        auto row = select->step();
        if (!row) {
            check.broken(row.error().message());
            break;
        }
        if (!*row) {
            summary.finish(report);
            tree.finish(report);
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
        tree.add(record.payload);
        text.addEvent(record.seq, columns.objectTitle, columns.reason);
        if (report.eventCount % VerificationControl::ProgressInterval == 0) {
            if (isCancelled())
                return; // the read transaction ends with the connection
            if (m_control.progress)
                m_control.progress(report.eventCount, lastSeq);
        }
    }
    check.finish();
    tree.stop(); // after a broken row: the tree check must not read on past the read transaction
    if (m_control.progress)
        m_control.progress(report.eventCount, lastSeq);
    (void)connection.exec("COMMIT"); // ends the read transaction; nothing was written
}

void ChainVerifier::readTextIndex(TextIndexCheck &text, VerificationReport &report) const
{
    auto connection = m_openConnection();
    if (!connection) {
        addFinding(report, Kind::StorageDamaged, 0, connection.error().message());
        return;
    }
    (*connection)->setInterruptFlag(m_control.cancel);
    text.readIndex(**connection, report);
}

std::optional<VerificationFinding> ChainVerifier::checkPages() const
{
    auto connection = m_openConnection();
    if (!connection)
        return VerificationFinding{Kind::StorageDamaged, 0, connection.error().message()};
    (*connection)->setInterruptFlag(m_control.cancel);
    auto check = (*connection)->queryText("PRAGMA quick_check");
    if (!check)
        return VerificationFinding{Kind::StorageDamaged, 0, check.error().message()};
    if (*check != QLatin1StringView("ok"))
        return VerificationFinding{Kind::StorageDamaged, 0, QStringLiteral("page check: %1").arg(*check)};
    return std::nullopt;
}

} // namespace QmsAudit
