// SPDX-License-Identifier: LGPL-2.1-or-later
// ManagementReviewReport: a quarter of hand-made history (mock clock) written as PDF and read back
// with poppler-utils: the figures are EventReader::aggregates()'s, the charts are drawn (vector
// paths in their series' colours), the flags are the detector's, the coverage follows the
// recorded statements; saved on a worker thread (as the QML ManagementReview saves it) it is the
// same PDF.

#include "mockclock.h"
#include "reporttest.h"

#include <qmsaudit/anomalydetector.h>
#include <qmsaudit/managementreviewreport.h>
#include <qmsaudit/reviewrecord.h>
#include <qmsaudit/statickeyprovider.h>
#include <qmsaudit/timestamp.h>

#include <QDate>
#include <QSet>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

constexpr qint64 kHour = 3'600'000'000LL;
constexpr qint64 kDay = 24 * kHour;

qint64 at(const QString &iso)
{
    return *parseTimestamp(iso);
}

class ManagementReviewReportTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        clock.set(at(u"2026-07-01T00:00:00Z"_s));
        // Reasons optional: the report must show changes without one.
        auto created = AuditLog::create(m_dir.filePath(u"audit.qmslog"_s), m_keys, LogPolicy {}, { &clock });
        ASSERT_TRUE(created) << created.error().message().toStdString();
        log = std::move(*created);
        trail = { u"audit_trail"_s, log->logId(), {}, u"audit.qmslog"_s };
    }

    qint64 append(const Event &event, qint64 atUs)
    {
        clock.set(atUs);
        auto seq = log->append(event);
        EXPECT_TRUE(seq) << seq.error().message().toStdString();
        return seq ? *seq : 0;
    }

    static Event event(const QString &actor, Action action, const QString &document, Outcome outcome = Outcome::Success)
    {
        Event e;
        e.actor = { actor, actor.toUpper(), { u"qa"_s } };
        e.action = action;
        e.object = { u"procedure"_s, document, u"A"_s, u"Procedure "_s + document };
        e.outcome = outcome;
        if (actionCategory(action) == ActionCategory::Change)
            e.reason = u"Periodic review"_s;
        return e;
    }

    /// Working days of July to September 2026: views, edits and a workflow cycle a week, all in working hours.
    void appendQuarter()
    {
        int i = 0;
        for (QDate date(2026, 7, 1); date < QDate(2026, 10, 1); date = date.addDays(1)) {
            if (date.dayOfWeek() > 5)
                continue;
            const qint64 morning = QDate(1970, 1, 1).daysTo(date) * kDay + 9 * kHour;
            const QString document = u"DOC-%1"_s.arg(i % 5);
            append(event(u"u%1"_s.arg(i % 3), Action::View, document), morning);
            append(event(u"u%1"_s.arg(i % 3), Action::View, u"DOC-0"_s), morning + kHour);
            append(event(u"u%1"_s.arg(i % 2), Action::Edit, document), morning + 2 * kHour);
            if (date.dayOfWeek() == 1)
                append(event(u"author"_s, Action::Submit, document), morning + 3 * kHour);
            if (date.dayOfWeek() == 4)
                append(event(u"approver"_s, Action::Approve, u"DOC-%1"_s.arg((i - 3) % 5)), morning + 4 * kHour);
            if (date.dayOfWeek() == 5) {
                append(event(u"approver"_s, Action::Release, u"DOC-%1"_s.arg((i - 4) % 5)), morning + 5 * kHour);
                append(event(u"guest"_s, Action::Edit, u"DOC-9"_s, Outcome::Denied), morning + 6 * kHour);
            }
            ++i;
        }
    }

    qint64 recordStatement(const QString &from, const QString &to, qint64 signedAtUs)
    {
        ReviewRecord statement;
        statement.kind = ReviewRecord::Kind::TrailReviewed;
        statement.periodFromUs = at(from);
        statement.periodToUs = at(to);
        statement.scope = u"all GMP documents"_s;
        statement.result = u"no findings"_s;
        statement.signatureMeaning = u"reviewed as QA auditor"_s;
        auto event = statement.toEvent(trail);
        EXPECT_TRUE(event);
        event->actor = { u"a.inspector"_s, u"Ann Inspector"_s, {} };
        return event ? append(*event, signedAtUs) : 0;
    }

    const EventReader &reader()
    {
        if (!m_reader) {
            auto opened = log->reader();
            EXPECT_TRUE(opened);
            m_reader = *opened;
        }
        return *m_reader;
    }

    PeriodAggregates aggregates(const ReviewPeriod &period)
    {
        AggregateRequest request;
        request.fromUs = period.fromUs();
        request.toUs = period.toUs();
        auto figures = reader().aggregates(request);
        EXPECT_TRUE(figures);
        return figures ? *figures : PeriodAggregates {};
    }

    /// The first page whose text holds @p text (1-based), 0 if none does.
    static int pageWith(const PdfProbe &pdf, const QString &text)
    {
        for (int i = 0; i < pdf.pageCount(); ++i) {
            if (PdfProbe::flattened(pdf.pages()[i]).contains(text))
                return i + 1;
        }
        return 0;
    }

    QTemporaryDir m_dir;
    StaticKeyProvider m_keys { SecretKey::generateRawKey() };
    MockClock clock;
    std::unique_ptr<AuditLog> log;
    ObjectRef trail;
    std::shared_ptr<const EventReader> m_reader;
};

TEST_F(ManagementReviewReportTest, StatesTheFiguresChartsFlagsAndCoverageOfTheQuarter)
{
    appendQuarter();
    // Two edits without a reason, and five refusals within two minutes (a denied burst), in August.
    Event unexplained = event(u"u1"_s, Action::Edit, u"DOC-2"_s);
    unexplained.reason.clear();
    append(unexplained, at(u"2026-08-11T10:00:00Z"_s));
    append(unexplained, at(u"2026-08-11T10:05:00Z"_s));
    for (int i = 0; i < 5; ++i)
        append(event(u"intruder"_s, Action::View, u"DOC-3"_s, Outcome::Denied), at(u"2026-08-12T10:00:00Z"_s) + i * 20'000'000LL);
    // July reviewed whole (signed in August), August's first half, September not at all.
    const qint64 july = recordStatement(u"2026-07-01"_s, u"2026-08-01"_s, at(u"2026-08-03T11:00:00Z"_s));
    const qint64 august = recordStatement(u"2026-08-01"_s, u"2026-08-16"_s, at(u"2026-10-02T11:00:00Z"_s));

    const ReviewPeriod quarter = *ReviewPeriod::parse(u"2026-Q3"_s);
    ManagementReviewOptions options;
    options.comparePrevious = true;
    auto review = ManagementReviewReport::build(reader(), quarter, options, ReportTestLog::header());
    ASSERT_TRUE(review) << review.error().message().toStdString();
    const PdfProbe pdf = savedPdf(review->document, m_dir.filePath(u"review.pdf"_s));
    ASSERT_EQ(pdf.error(), QString());
    expectNumberedPagesWithTitles(pdf, {});
    const QString text = PdfProbe::flattened(pdf.text());

    // Page 1: what verify says about the log.
    const VerificationReport verified = log->verify();
    ASSERT_TRUE(verified.ok);
    const QString first = PdfProbe::flattened(pdf.pages().first());
    EXPECT_TRUE(first.contains(u"Management review 2026-Q3"_s));
    EXPECT_TRUE(first.contains(u"Verification OK %1 events, head %2"_s.arg(verified.eventCount).arg(QString::fromLatin1(verified.headHash.toHex()))))
        << first.toStdString();
    EXPECT_TRUE(first.contains(u"compared with 2026-Q2"_s));

    // The key figures are the reader's, beside the empty quarter before.
    const PeriodAggregates figures = aggregates(quarter);
    const PeriodAggregates before = aggregates(quarter.previous());
    ASSERT_EQ(before.total, 0);
    ASSERT_GT(figures.approvals, 5);
    EXPECT_TRUE(first.contains(u"Event count %1"_s.arg(figures.total)));
    EXPECT_TRUE(text.contains(u"Figure 2026-Q3 2026-Q2 Change Direction"_s)) << text.toStdString();
    const QList<std::pair<QString, qint64>> rows { { u"events"_s, figures.total }, { u"changes"_s, figures.changes },
        { u"approvals"_s, figures.approvals }, { u"releases"_s, figures.releases }, { u"denied attempts"_s, figures.denied },
        { u"changes without a reason"_s, figures.changesWithoutReason } };
    for (const auto &[name, value] : rows)
        EXPECT_TRUE(text.contains(u" %1 %2 0 +%2 up"_s.arg(name).arg(value))) << name.toStdString();
    EXPECT_EQ(figures.changesWithoutReason, 2);
    EXPECT_TRUE(text.contains(u"Changes without a reason 2 change event(s) of the period have no reason"_s));

    // The charts are vector paths in their series' colours: a column per week with views, a
    // column per week with a denied attempt; no picture is an image.
    EXPECT_TRUE(pdf.imagePages().isEmpty());
    const int activityPage = pageWith(pdf, u"Events per ISO week by action group"_s);
    ASSERT_GT(activityPage, 0);
    const QString access = ManagementReviewReport::groupColor(u"access"_s).name();
    qsizetype weeksWithAccess = 0;
    for (const auto &groups : figures.byWeekAndGroup)
        weeksWithAccess += groups.value(u"access"_s) > 0;
    EXPECT_EQ(weeksWithAccess, 14); // 2026-W27 to W40
    EXPECT_GE(pdf.filledPaths(activityPage).value(access), weeksWithAccess);
    const int deniedPage = pageWith(pdf, u"Denied attempts per ISO week"_s);
    ASSERT_GT(deniedPage, 0);
    qsizetype weeksWithDenied = 0;
    for (qint64 count : figures.deniedByWeek)
        weeksWithDenied += count > 0;
    EXPECT_GT(weeksWithDenied, 10);
    EXPECT_GE(pdf.filledPaths(deniedPage).value(ManagementReviewReport::groupColor(u"security"_s).name()), weeksWithDenied);
    const int documentsPage = pageWith(pdf, u"most accessed documents"_s);
    ASSERT_GT(documentsPage, 0);
    const RankedCount &top = figures.topAccessedDocuments.first();
    EXPECT_EQ(top.id, u"DOC-0"_s);
    EXPECT_TRUE(PdfProbe::flattened(pdf.pages()[documentsPage - 1]).contains(u"procedure DOC-0"_s));
    EXPECT_TRUE(text.contains(u"Cycle times per object type"_s));

    // Every flag of the detector, with its first seq.
    auto scan = AnomalyDetector::scan(reader(), quarter.fromUs(), quarter.toUs(), AnomalyRules());
    ASSERT_TRUE(scan);
    ASSERT_FALSE(scan->flags.isEmpty());
    bool burst = false;
    const QString flagsText = text.mid(text.indexOf(u"Anomaly flags"_s));
    for (const AnomalyFlag &flag : scan->flags) {
        EXPECT_TRUE(flagsText.contains(u"%1 %2 %3"_s.arg(anomalySeverityName(flag.severity), anomalyRuleName(flag.rule), flag.actorId)))
            << anomalyRuleName(flag.rule).toStdString();
        EXPECT_TRUE(flagsText.contains(QString::number(flag.seqs.first())));
        burst = burst || (flag.rule == AnomalyRule::DeniedBurst && flag.actorId == u"intruder"_s);
    }
    EXPECT_TRUE(burst);

    // Coverage per month, from the two statements.
    const QString partly = QString::number(100.0 * 15 / 31, 'f', 1);
    EXPECT_TRUE(text.contains(u"2026-07 2026-07-01 to 2026-08-01 reviewed 100.0 % %1"_s.arg(july))) << text.toStdString();
    EXPECT_TRUE(text.contains(u"2026-08 2026-08-01 to 2026-09-01 partly reviewed %1 % %2"_s.arg(partly).arg(august)));
    EXPECT_TRUE(text.contains(u"2026-09 2026-09-01 to 2026-10-01 not reviewed 0.0 % -"_s));
    EXPECT_TRUE(text.contains(u"1 of 3 month(s) of the period are wholly covered"_s));
}

TEST_F(ManagementReviewReportTest, WithoutComparisonThereIsNoPreviousColumnAndNoChangeWithoutReason)
{
    appendQuarter();
    const ReviewPeriod july = *ReviewPeriod::parse(u"2026-07"_s);
    auto review = ManagementReviewReport::build(reader(), july, ManagementReviewOptions {}, ReportTestLog::header());
    ASSERT_TRUE(review) << review.error().message().toStdString();
    EXPECT_FALSE(review->previousFigures);
    const PdfProbe pdf = savedPdf(review->document, m_dir.filePath(u"july.pdf"_s));
    const QString text = PdfProbe::flattened(pdf.text());
    EXPECT_TRUE(text.contains(u"Figure 2026-07 "_s));
    EXPECT_FALSE(text.contains(u"2026-06"_s));
    EXPECT_FALSE(text.contains(u"Direction"_s));
    EXPECT_TRUE(text.contains(u"Changes without a reason none: every change of the period gives its reason"_s));
    EXPECT_TRUE(text.contains(u" events %1 "_s.arg(aggregates(july).total)));
    EXPECT_TRUE(text.contains(u"2026-07 2026-07-01 to 2026-08-01 not reviewed 0.0 % -"_s));
}

TEST_F(ManagementReviewReportTest, APeriodWithoutEventsSaysSoInsteadOfDrawingEmptyCharts)
{
    appendQuarter();
    const ReviewPeriod before = *ReviewPeriod::parse(u"2026-Q2"_s);
    ASSERT_EQ(aggregates(before).total, 0);
    auto review = ManagementReviewReport::build(reader(), before, ManagementReviewOptions {}, ReportTestLog::header());
    ASSERT_TRUE(review) << review.error().message().toStdString();
    const PdfProbe pdf = savedPdf(review->document, m_dir.filePath(u"empty.pdf"_s));
    const QString text = PdfProbe::flattened(pdf.text());
    for (const QString &sentence : { u"No event was recorded in the period."_s, u"No document was accessed in the period."_s,
             u"Nobody changed a document in the period."_s, u"No submit-to-approve or submit-to-release cycle ended in the period."_s,
             u"No anomaly flag in the period"_s })
        EXPECT_TRUE(text.contains(sentence)) << sentence.toStdString();
    for (int page = 1; page <= pdf.pageCount(); ++page)
        EXPECT_EQ(pdf.filledPaths(page).value(ManagementReviewReport::groupColor(u"access"_s).name()), 0) << page;
}

TEST_F(ManagementReviewReportTest, SavedOnAWorkerThreadItIsTheSameReport)
{
    // The QML module builds the report on the GUI thread (Qt Charts draws on no other: its text
    // measurement is a static QGraphicsTextItem) and writes the PDF on a worker thread. The charts
    // are recorded QPictures then: played back there, they must draw what they draw here.
    appendQuarter();
    const ReviewPeriod quarter = *ReviewPeriod::parse(u"2026-Q3"_s);
    ManagementReviewOptions options;
    options.comparePrevious = true;
    auto review = ManagementReviewReport::build(reader(), quarter, options, ReportTestLog::header());
    ASSERT_TRUE(review) << review.error().message().toStdString();
    const PdfProbe here = savedPdf(review->document, m_dir.filePath(u"gui.pdf"_s));

    Result<int> saved = 0;
    std::thread worker([&saved, document = review->document, path = m_dir.filePath(u"worker.pdf"_s)] { saved = document.savePdf(path); });
    worker.join();
    ASSERT_TRUE(saved) << saved.error().message().toStdString();
    const PdfProbe there(m_dir.filePath(u"worker.pdf"_s));
    ASSERT_EQ(there.error(), QString());
    EXPECT_EQ(*saved, here.pageCount());
    ASSERT_EQ(there.pageCount(), here.pageCount());
    EXPECT_EQ(there.pages(), here.pages());
    const int activityPage = pageWith(here, u"Events per ISO week by action group"_s);
    ASSERT_GT(activityPage, 0);
    EXPECT_GE(there.filledPaths(activityPage).value(ManagementReviewReport::groupColor(u"access"_s).name()), 14); // a column a week
    for (int page = 1; page <= here.pageCount(); ++page)
        EXPECT_EQ(there.filledPaths(page), here.filledPaths(page)) << "page " << page;
}

} // namespace
} // namespace QmsAudit::Test
