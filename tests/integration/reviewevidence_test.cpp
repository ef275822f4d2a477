// SPDX-License-Identifier: LGPL-2.1-or-later
// What the management review reads beside the aggregates: review coverage per month from the
// recorded trail_reviewed statements, and the integrity status from the recorded verifications.
#include <qmsaudit/eventreader.h>
#include <qmsaudit/integritystatus.h>
#include <qmsaudit/reviewcoverage.h>
#include <qmsaudit/reviewrecord.h>
#include <qmsaudit/timestamp.h>

#include "mockclock.h"
#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;
using namespace Qt::StringLiterals;

namespace {

qint64 at(const char *iso)
{
    return *parseTimestamp(QString::fromLatin1(iso));
}

class ReviewEvidenceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        clock.set(at("2026-01-05T09:00:00Z"));
        log = dir.create({&clock});
        ASSERT_TRUE(log);
        trail = {QStringLiteral("audit_trail"), log->logId(), {}, QStringLiteral("audit.qmslog")};
    }

    qint64 append(Event event)
    {
        auto seq = log->append(event);
        EXPECT_TRUE(seq) << seq.error().message().toStdString();
        return seq ? *seq : 0;
    }

    qint64 recordStatement(const char *from, const char *to, const char *result = "no findings")
    {
        ReviewRecord statement;
        statement.kind = ReviewRecord::Kind::TrailReviewed;
        statement.periodFromUs = at(from);
        statement.periodToUs = at(to);
        statement.scope = QStringLiteral("all GMP documents");
        statement.result = QString::fromLatin1(result);
        statement.signatureMeaning = QStringLiteral("reviewed as QA auditor");
        auto event = statement.toEvent(trail);
        EXPECT_TRUE(event);
        event->actor = {QStringLiteral("a.inspector"), QStringLiteral("Ann Inspector"), {}};
        return append(*event);
    }

    qint64 recordVerification(const char *result, qint64 lastSeq, const QString &headHash = {})
    {
        Event event = sampleEvent(0);
        event.action = Action::TrailVerified;
        event.object = trail;
        event.reason.clear();
        event.attributes = {{QStringLiteral("result"), QString::fromLatin1(result)},
                            {QStringLiteral("event_count"), QString::number(lastSeq)},
                            {QStringLiteral("last_seq"), QString::number(lastSeq)}};
        if (!headHash.isEmpty())
            event.attributes.insert(QStringLiteral("head_hash"), headHash);
        return append(event);
    }

    ReviewCoverage coverage(const char *from, const char *to)
    {
        auto got = ReviewCoverage::compute(**log->reader(), at(from), at(to));
        EXPECT_TRUE(got) << (got ? "" : got.error().message().toStdString());
        return got ? *got : ReviewCoverage{};
    }

    TestLogDir dir;
    MockClock clock;
    std::unique_ptr<AuditLog> log;
    ObjectRef trail;
};

QStringList states(const ReviewCoverage &coverage)
{
    QStringList names;
    for (const auto &month : coverage.months)
        names.append(month.month + QLatin1Char(' ') + MonthCoverage::stateName(month.state));
    return names;
}

TEST_F(ReviewEvidenceTest, EachMonthIsReviewedPartlyOrNotByTheStatementsThatOverlapIt)
{
    for (int i = 0; i < 20; ++i)
        append(sampleEvent(i));
    // Q1 reviewed in April, except that the March statement covers only its first half; a second,
    // overlapping statement for January (a re-review) must not count January twice.
    clock.set(at("2026-04-02T10:00:00Z"));
    const qint64 janFeb = recordStatement("2026-01-01", "2026-03-01");
    const qint64 jan = recordStatement("2026-01-01", "2026-02-01", "1 finding");
    const qint64 halfMarch = recordStatement("2026-03-01", "2026-03-16");
    // Not a statement: events reviewed, a finding, and a statement of another period.
    ReviewRecord reviewed;
    reviewed.seqs = {3, 4};
    reviewed.comment = QStringLiteral("looked at");
    auto reviewedEvent = reviewed.toEvent(trail);
    ASSERT_TRUE(reviewedEvent);
    reviewedEvent->actor = {u"a.inspector"_s, u"Ann Inspector"_s, {}};
    append(*reviewedEvent);
    recordStatement("2025-10-01", "2026-01-01");

    const ReviewCoverage q1 = coverage("2026-01-01", "2026-04-01");
    EXPECT_EQ(states(q1), (QStringList{u"2026-01 reviewed"_s, u"2026-02 reviewed"_s, u"2026-03 partly_reviewed"_s}));
    EXPECT_EQ(q1.reviewedMonths, 2);
    ASSERT_EQ(q1.statements.size(), 3);
    EXPECT_EQ(q1.statements[0].seq, janFeb);
    EXPECT_EQ(q1.statements[0].reviewerId, u"a.inspector"_s);
    EXPECT_EQ(q1.statements[0].meaning, u"reviewed as QA auditor"_s);
    EXPECT_EQ(q1.statements[0].signedAtUs, at("2026-04-02T10:00:00Z"));
    EXPECT_EQ(q1.statements[1].result, u"1 finding"_s);
    EXPECT_EQ(q1.months[0].statementSeqs, (QList<qint64>{janFeb, jan}));
    EXPECT_EQ(q1.months[0].coveredUs, q1.months[0].toUs - q1.months[0].fromUs);
    EXPECT_EQ(q1.months[2].statementSeqs, (QList<qint64>{halfMarch}));
    EXPECT_EQ(q1.months[2].coveredUs, at("2026-03-16") - at("2026-03-01"));

    // A custom period cuts its first and last months; the year has nine months nobody reviewed.
    const ReviewCoverage custom = coverage("2026-02-20", "2026-04-10");
    EXPECT_EQ(states(custom), (QStringList{u"2026-02 reviewed"_s, u"2026-03 partly_reviewed"_s, u"2026-04 not_reviewed"_s}));
    EXPECT_EQ(custom.months.front().fromUs, at("2026-02-20"));
    EXPECT_EQ(custom.months.back().toUs, at("2026-04-10"));
    const ReviewCoverage year = coverage("2026-01-01", "2027-01-01");
    EXPECT_EQ(year.months.size(), 12);
    EXPECT_EQ(year.reviewedMonths, 2);
    EXPECT_EQ(std::count_if(year.months.begin(), year.months.end(),
                            [](const MonthCoverage &m) { return m.state == MonthCoverage::State::NotReviewed; }),
              9);
}

TEST_F(ReviewEvidenceTest, CoverageRefusesAnEmptyPeriodAndStopsWhenCancelled)
{
    recordStatement("2026-01-01", "2026-02-01");
    EXPECT_FALSE(ReviewCoverage::compute(**log->reader(), at("2026-02-01"), at("2026-02-01")));
    std::atomic_bool cancel{true};
    auto cancelled = ReviewCoverage::compute(**log->reader(), at("2026-01-01"), at("2026-02-01"), &cancel);
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code(), ErrorCode::Cancelled);
}

TEST_F(ReviewEvidenceTest, IntegrityStatusNamesTheHeadAndTheNewestVerifications)
{
    for (int i = 0; i < 5; ++i)
        append(sampleEvent(i));
    auto none = IntegrityStatus::read(**log->reader());
    ASSERT_TRUE(none);
    EXPECT_EQ(none->head.seq, 5);
    EXPECT_FALSE(none->lastVerification);
    EXPECT_EQ(none->eventsSinceLastPass(), 5);

    const QString hash(64, QLatin1Char('a'));
    const qint64 passed = recordVerification("ok", 5, hash);
    for (int i = 0; i < 300; ++i) // more than a page of newest-first events between them
        append(sampleEvent(i));
    for (int i = 0; i < 250; ++i)
        recordVerification("cancelled", 100);
    const qint64 failed = recordVerification("failed", 200);

    auto status = IntegrityStatus::read(**log->reader());
    ASSERT_TRUE(status);
    EXPECT_EQ(status->head.seq, failed);
    EXPECT_EQ(status->head.hash, (*log->head()).hash);
    ASSERT_TRUE(status->lastVerification);
    EXPECT_EQ(status->lastVerification->seq, failed);
    EXPECT_EQ(status->lastVerification->result, u"failed"_s);
    ASSERT_TRUE(status->lastPassedVerification);
    EXPECT_EQ(status->lastPassedVerification->seq, passed);
    EXPECT_EQ(status->lastPassedVerification->headHash, hash);
    EXPECT_EQ(status->lastPassedVerification->lastSeq, 5);
    EXPECT_EQ(status->eventsSinceLastPass(), failed - 5);
}

} // namespace
