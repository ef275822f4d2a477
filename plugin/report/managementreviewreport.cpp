// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/managementreviewreport.h>

#include "reviewchart_p.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/keyfigure.h>
#include <qmsaudit/reporttable.h>
#include <qmsaudit/timestamp.h>

#include <QDateTime>

#include <algorithm>

namespace QmsAudit {
namespace {

using Emphasis = ReportSection::Emphasis;

// Charts span the text width of a landscape page (about 267 mm at 96 px per inch); two fit a page.
constexpr int kChartWidthPx = 1000;
constexpr int kChartHeightPx = 260;
// A flag names at most this many seqs in the table; the rest are counted.
constexpr int kSeqsShown = 12;
// Flags listed one by one, the most severe first; all of them are counted per rule.
constexpr int kFlagsListed = 300;

const QStringList kGroups = { QStringLiteral("access"), QStringLiteral("change"), QStringLiteral("workflow"),
    QStringLiteral("security"), QStringLiteral("audit"), QStringLiteral("system") };

QString day(qint64 us)
{
    return formatTimestamp(us).left(10);
}

QString span(const ReviewPeriod &period)
{
    return QStringLiteral("%1 (%2 to %3, UTC, the end excluded)").arg(period.label(), day(period.fromUs()), day(period.toUs()));
}

/// Every ISO week ("2026-W27") that overlaps [fromUs, toUs), in order: weeks without events are charted too.
QStringList isoWeeks(qint64 fromUs, qint64 toUs)
{
    QStringList weeks;
    const QDate last = QDateTime::fromMSecsSinceEpoch((toUs - 1) / 1000, Qt::UTC).date();
    QDate date = QDateTime::fromMSecsSinceEpoch(fromUs / 1000, Qt::UTC).date();
    date = date.addDays(1 - date.dayOfWeek()); // its Monday
    for (; date <= last; date = date.addDays(7)) {
        int year = 0;
        const int week = date.weekNumber(&year);
        weeks.append(QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0')));
    }
    return weeks;
}

QList<qreal> valuesOf(const QStringList &keys, const QMap<QString, qint64> &counts)
{
    QList<qreal> values;
    for (const QString &key : keys)
        values.append(qreal(counts.value(key)));
    return values;
}

QString objectName(const QString &type, const QString &id)
{
    return type.isEmpty() ? id : type + QLatin1Char(' ') + id;
}

QString days(qint64 us)
{
    return QStringLiteral("%1 d").arg(double(us) / MicrosPerDay, 0, 'f', 1);
}

/// The seqs of a flag, at most kSeqsShown: the first ones, "…" where some are left out, the very last.
QString seqsText(const QList<qint64> &seqs, qint64 eventCount)
{
    QStringList shown;
    for (qint64 seq : seqs)
        shown.append(QString::number(seq));
    if (shown.size() > kSeqsShown)
        shown.erase(shown.begin() + kSeqsShown - 1, shown.end() - 1);
    if (eventCount > shown.size() && shown.size() > 1)
        shown.insert(shown.size() - 1, QStringLiteral("…"));
    return QStringLiteral("%1\n(%2 event(s))").arg(shown.join(QStringLiteral(", "))).arg(eventCount);
}

QString stateText(MonthCoverage::State state)
{
    switch (state) {
    case MonthCoverage::State::Reviewed:
        return QStringLiteral("reviewed");
    case MonthCoverage::State::PartlyReviewed:
        return QStringLiteral("partly reviewed");
    case MonthCoverage::State::NotReviewed:
        break;
    }
    return QStringLiteral("not reviewed");
}

/// Lays out the report's sections from what build() read.
class ReviewDocumentBuilder
{
public:
    ReviewDocumentBuilder(const ManagementReviewReport &review, const ReviewPeriod &period, const std::optional<ReviewPeriod> &previous,
                          const ManagementReviewOptions &options)
        : m_review(review)
        , m_period(period)
        , m_previous(previous)
        , m_staleDays(options.staleAfterUs / MicrosPerDay)
        , m_rulesDigest(options.anomalyRules.digest())
        , m_document(review.header.startDocument(QStringLiteral("Management review %1").arg(period.label())))
    {
    }

    ReportDocument build()
    {
        addKeyFigures();
        addActivityCharts();
        addRankings();
        addCycleTimes();
        addIntegrity();
        addCoverage();
        addStaleDocuments();
        // Last: the one part that may run over many pages.
        addAnomalies();
        m_document.addSection(ReportSection::paragraph(QStringLiteral(
            "End of report: the figures of %1 events recorded in %2.").arg(m_review.figures.total).arg(span(m_period))));
        return m_document;
    }

private:
    void addChart(const ReviewChart &chart, const QString &caption, int heightPx = kChartHeightPx)
    {
        m_document.addSection(ReportSection::picture(chart.render(kChartWidthPx, heightPx), caption));
    }

    /// A ranking's chart grows with its entries (--top), up to a page.
    static int rankingHeight(qsizetype entries) { return std::clamp(int(entries) * 16 + 70, kChartHeightPx, 2 * kChartHeightPx); }

    void addKeyFigures()
    {
        const PeriodAggregates &a = m_review.figures;
        m_document.addSection(ReportSection::heading(QStringLiteral("Key figures")));
        QList<ReportTable::Column> columns { { QStringLiteral("Figure"), 3 }, { m_period.label(), 1.5 } };
        if (m_previous)
            columns += { { m_previous->label(), 1.5 }, { QStringLiteral("Change"), 1.8 }, { QStringLiteral("Direction"), 1.2 } };
        ReportTable table(columns);
        for (const KeyFigure &figure : KeyFigure::of(a, m_review.previousFigures ? &*m_review.previousFigures : nullptr)) {
            QStringList row { figure.name, QString::number(figure.value) };
            if (figure.previous)
                row << QString::number(*figure.previous) << figure.changeText() << figure.direction();
            table.addRow(row);
        }
        m_document.addSection(ReportSection::table(table));

        const bool reasonsMissing = a.changesWithoutReason > 0;
        m_document.addSection(ReportSection::keyValues({ { QStringLiteral("Changes without a reason"),
            reasonsMissing ? QStringLiteral("%1 change event(s) of the period have no reason: every change must say why (21 CFR "
                                            "11.10(e), EU GMP Annex 11 §9). The period's changes with their reasons: qms-audit "
                                            "query --from %2 --to %3 --action create,edit,revise,delete,obsolete,restore.")
                                 .arg(a.changesWithoutReason)
                                 .arg(day(m_period.fromUs()), day(m_period.toUs()))
                           : QStringLiteral("none: every change of the period gives its reason"),
            reasonsMissing ? Emphasis::Alert : Emphasis::Good } }));
        m_document.addSection(ReportSection::paragraph(QStringLiteral(
            "Events are counted by when the log recorded them, in whole UTC days. Changes are create, edit, revise, delete, "
            "obsolete and restore events; denied attempts are events of any action refused by the host; a document is stale "
            "when it has had neither a revision nor a review for %1 days at the period's end.")
                .arg(m_staleDays)));
    }

    void addActivityCharts()
    {
        const PeriodAggregates &a = m_review.figures;
        m_document.addSection(ReportSection::heading(QStringLiteral("Activity")));
        // A chart of nothing but zeros says less than a sentence.
        if (a.total == 0) {
            m_document.addSection(ReportSection::paragraph(QStringLiteral("No event was recorded in the period.")));
            return;
        }
        const QStringList weeks = isoWeeks(m_period.fromUs(), m_period.toUs());
        ReviewChart activity(ReviewChart::Kind::StackedColumns, weeks);
        for (const QString &group : kGroups) {
            QList<qreal> values;
            bool any = false;
            for (const QString &week : weeks) {
                const qint64 count = a.byWeekAndGroup.value(week).value(group);
                values.append(qreal(count));
                any = any || count > 0;
            }
            if (any)
                activity.addSeries(group, ManagementReviewReport::groupColor(group), values);
        }
        activity.setValueTitle(QStringLiteral("events"));
        addChart(activity, QStringLiteral("Events per ISO week by action group (%1 events in all)").arg(a.total));

        QMap<QString, qint64> changesByWeek;
        for (auto it = a.byWeekAndGroup.cbegin(); it != a.byWeekAndGroup.cend(); ++it)
            changesByWeek.insert(it.key(), it.value().value(QStringLiteral("change")));
        if (a.changes + a.approvals + a.releases == 0) {
            m_document.addSection(ReportSection::paragraph(QStringLiteral("No change, approval or release in the period.")));
        } else {
            ReviewChart trend(ReviewChart::Kind::Columns, weeks);
            trend.addSeries(QStringLiteral("changes"), ManagementReviewReport::groupColor(QStringLiteral("change")), valuesOf(weeks, changesByWeek));
            trend.addSeries(QStringLiteral("approvals"), QColor(0x6a, 0x3d, 0x9a), valuesOf(weeks, a.approvalsByWeek));
            trend.addSeries(QStringLiteral("releases"), QColor(0x33, 0xa0, 0x2c), valuesOf(weeks, a.releasesByWeek));
            trend.setValueTitle(QStringLiteral("events"));
            addChart(trend, QStringLiteral("Changes (%1), approvals (%2) and releases (%3) per ISO week").arg(a.changes).arg(a.approvals).arg(a.releases));
        }

        if (a.denied == 0) {
            m_document.addSection(ReportSection::paragraph(QStringLiteral("No denied attempt in the period.")));
        } else {
            ReviewChart denied(ReviewChart::Kind::Columns, weeks);
            denied.addSeries(QStringLiteral("denied"), ManagementReviewReport::groupColor(QStringLiteral("security")), valuesOf(weeks, a.deniedByWeek));
            denied.setValueTitle(QStringLiteral("denied attempts"));
            addChart(denied, QStringLiteral("Denied attempts per ISO week (%1 in all)").arg(a.denied));
        }
    }

    void addRankings()
    {
        const PeriodAggregates &a = m_review.figures;
        m_document.addSection(ReportSection::heading(QStringLiteral("Most accessed documents and most active authors")));
        if (a.topAccessedDocuments.isEmpty()) {
            m_document.addSection(ReportSection::paragraph(QStringLiteral("No document was accessed in the period.")));
        } else {
            QStringList names;
            QList<qreal> counts;
            for (const RankedCount &entry : a.topAccessedDocuments) {
                names.append(objectName(entry.objectType, entry.id));
                counts.append(qreal(entry.count));
            }
            ReviewChart documents(ReviewChart::Kind::Bars, names);
            documents.addSeries(QStringLiteral("accesses"), ManagementReviewReport::groupColor(QStringLiteral("access")), counts);
            documents.setValueTitle(QStringLiteral("views, prints, exports, downloads and searches"));
            addChart(documents, QStringLiteral("The %1 most accessed documents").arg(names.size()), rankingHeight(names.size()));
        }
        if (a.topUsersByChanges.isEmpty()) {
            m_document.addSection(ReportSection::paragraph(QStringLiteral("Nobody changed a document in the period.")));
        } else {
            QStringList names;
            QList<qreal> counts;
            for (const RankedCount &entry : a.topUsersByChanges) {
                names.append(entry.id);
                counts.append(qreal(entry.count));
            }
            ReviewChart users(ReviewChart::Kind::Bars, names);
            users.addSeries(QStringLiteral("changes"), ManagementReviewReport::groupColor(QStringLiteral("change")), counts);
            users.setValueTitle(QStringLiteral("change events"));
            addChart(users, QStringLiteral("The %1 users with the most changes").arg(names.size()), rankingHeight(names.size()));
        }
    }

    void addCycleTimes()
    {
        const PeriodAggregates &a = m_review.figures;
        m_document.addSection(ReportSection::heading(QStringLiteral("Cycle times")));
        QStringList types = a.submitToApprove.keys() + a.submitToRelease.keys();
        types.removeDuplicates();
        std::sort(types.begin(), types.end());
        if (types.isEmpty()) {
            m_document.addSection(ReportSection::paragraph(QStringLiteral("No submit-to-approve or submit-to-release cycle ended in the period.")));
            return;
        }
        const auto daysOf = [&types](const QMap<QString, CycleTimes> &times, qint64 CycleTimes::*member) {
            QList<qreal> values;
            for (const QString &type : types)
                values.append(double(times.value(type).*member) / MicrosPerDay);
            return values;
        };
        ReviewChart chart(ReviewChart::Kind::Bars, types);
        chart.addSeries(QStringLiteral("submit → approve, median"), QColor(0x9e, 0xc5, 0xe8), daysOf(a.submitToApprove, &CycleTimes::medianUs));
        chart.addSeries(QStringLiteral("submit → approve, 90th percentile"), QColor(0x2f, 0x6d, 0xb5), daysOf(a.submitToApprove, &CycleTimes::p90Us));
        chart.addSeries(QStringLiteral("submit → release, median"), QColor(0xb8, 0xe0, 0xa8), daysOf(a.submitToRelease, &CycleTimes::medianUs));
        chart.addSeries(QStringLiteral("submit → release, 90th percentile"), QColor(0x3c, 0x8d, 0x2f), daysOf(a.submitToRelease, &CycleTimes::p90Us));
        chart.setValueTitle(QStringLiteral("days"));
        chart.setValueFormat(QStringLiteral("%.1f"));
        // Four bars per object type, each a few millimetres thick: the chart grows with the types.
        addChart(chart, QStringLiteral("Cycle times per object type: median and 90th percentile, in days"),
                 std::clamp(int(types.size()) * 48 + 90, kChartHeightPx, 2 * kChartHeightPx));

        ReportTable table({ { QStringLiteral("Object type"), 2 }, { QStringLiteral("Submit to approve: median / 90th percentile (cycles)"), 3 },
            { QStringLiteral("Submit to release: median / 90th percentile (cycles)"), 3 } });
        const auto cell = [](const QMap<QString, CycleTimes> &times, const QString &type) {
            const auto it = times.find(type);
            return it == times.end() ? QStringLiteral("-") : QStringLiteral("%1 / %2 (%3)").arg(days(it->medianUs), days(it->p90Us)).arg(it->count);
        };
        for (const QString &type : std::as_const(types))
            table.addRow({ type, cell(a.submitToApprove, type), cell(a.submitToRelease, type) });
        m_document.addSection(ReportSection::table(table));
    }

    void addAnomalies()
    {
        const QList<AnomalyFlag> &flags = m_review.anomalies.flags;
        m_document.addSection(ReportSection::heading(QStringLiteral("Anomaly flags")));
        if (flags.isEmpty()) {
            m_document.addSection(ReportSection::paragraph(
                QStringLiteral("No anomaly flag in the period (%1 events scanned with the rules of SHA-256 %2).")
                    .arg(m_review.anomalies.periodEvents)
                    .arg(m_rulesDigest)));
            return;
        }
        ReportTable counts({ { QStringLiteral("Rule"), 2 }, { QStringLiteral("High"), 1 }, { QStringLiteral("Medium"), 1 },
            { QStringLiteral("Low"), 1 }, { QStringLiteral("Flags"), 1 } });
        for (AnomalyRule rule : allAnomalyRules()) {
            qint64 bySeverity[3] = {};
            for (const AnomalyFlag &flag : flags) {
                if (flag.rule == rule)
                    ++bySeverity[int(flag.severity)];
            }
            const qint64 total = bySeverity[0] + bySeverity[1] + bySeverity[2];
            if (total > 0) {
                counts.addRow({ anomalyRuleName(rule), QString::number(bySeverity[int(AnomalySeverity::High)]),
                    QString::number(bySeverity[int(AnomalySeverity::Medium)]), QString::number(bySeverity[int(AnomalySeverity::Low)]),
                    QString::number(total) });
            }
        }
        m_document.addSection(ReportSection::table(counts));

        QList<AnomalyFlag> listed = flags;
        std::stable_sort(listed.begin(), listed.end(), [](const AnomalyFlag &a, const AnomalyFlag &b) { return a.severity > b.severity; });
        QString intro = QStringLiteral("%1 flag(s) from %2 events of the period (rules SHA-256 %3). A flag is a prompt to look, not a "
                                       "verdict: open its events with qms-audit query, record what was concluded with qms-audit review.")
                            .arg(flags.size())
                            .arg(m_review.anomalies.periodEvents)
                            .arg(m_rulesDigest);
        if (listed.size() > kFlagsListed) {
            intro += QStringLiteral(" The %1 most severe are listed; qms-audit anomalies --from %2 --to %3 lists all.")
                         .arg(kFlagsListed)
                         .arg(day(m_period.fromUs()), day(m_period.toUs()));
            listed.resize(kFlagsListed);
        }
        m_document.addSection(ReportSection::paragraph(intro));
        ReportTable table({ { QStringLiteral("Severity"), 0.8 }, { QStringLiteral("Rule"), 1.2 }, { QStringLiteral("User"), 1 },
            { QStringLiteral("Document"), 1.4 }, { QStringLiteral("First / last event (UTC)"), 2.3 }, { QStringLiteral("Explanation"), 3.6 },
            { QStringLiteral("Seqs"), 1.8 } });
        for (const AnomalyFlag &flag : std::as_const(listed)) {
            table.addRow({ anomalySeverityName(flag.severity), anomalyRuleName(flag.rule), flag.actorId, objectName(flag.object.type, flag.object.id),
                formatTimestamp(flag.firstUs) + QLatin1Char('\n') + formatTimestamp(flag.lastUs), flag.explanation,
                seqsText(flag.seqs, flag.eventCount) });
        }
        m_document.addSection(ReportSection::table(table));
    }

    static QString verificationText(const std::optional<RecordedVerification> &verification)
    {
        if (!verification)
            return QStringLiteral("none recorded");
        QString text = QStringLiteral("%1 at %2 by %3 (seq %4): %5 events up to seq %6")
                           .arg(verification->result, formatTimestamp(verification->atUs), verification->actorId)
                           .arg(verification->seq)
                           .arg(verification->eventCount)
                           .arg(verification->lastSeq);
        if (!verification->headHash.isEmpty())
            text += QStringLiteral(", head ") + verification->headHash;
        if (verification->firstBadSeq > 0)
            text += QStringLiteral(", first bad seq %1").arg(verification->firstBadSeq);
        return text;
    }

    void addIntegrity()
    {
        const IntegrityStatus &status = m_review.integrity;
        const EvidenceHeader &header = m_review.header;
        m_document.addSection(ReportSection::heading(QStringLiteral("Integrity")));
        m_document.addSection(ReportSection::keyValues({
            { QStringLiteral("This report's verification"), header.verificationLines().join(QLatin1Char('\n')),
                header.verification.ok ? Emphasis::Good : Emphasis::Alert },
            { QStringLiteral("Head of the chain"),
                QStringLiteral("seq %1, hash %2").arg(status.head.seq).arg(QString::fromLatin1(status.head.hash.toHex())), Emphasis::Code },
            { QStringLiteral("Last verification recorded"), verificationText(status.lastVerification),
                status.lastVerification && status.lastVerification->result != QLatin1StringView("ok") ? Emphasis::Alert : Emphasis::None },
            { QStringLiteral("Last passed verification"), verificationText(status.lastPassedVerification),
                status.lastPassedVerification ? Emphasis::None : Emphasis::Alert },
            { QStringLiteral("Events since the last pass"), QString::number(status.eventsSinceLastPass()), Emphasis::None },
        }));
        m_document.addSection(ReportSection::paragraph(QStringLiteral(
            "Verifications are recorded in the log as trail_verified events (qms-audit verify, the views); the lines above are "
            "the newest of them, as recorded. This report's own verification, on page 1, is not recorded as one.")));
    }

    void addCoverage()
    {
        const ReviewCoverage &coverage = m_review.coverage;
        m_document.addSection(ReportSection::heading(QStringLiteral("Audit-trail review coverage")));
        m_document.addSection(ReportSection::paragraph(
            QStringLiteral("%1 of %2 month(s) of the period are wholly covered by signed \"audit trail reviewed\" statements "
                           "(qms-audit review --kind trail_reviewed), whenever they were recorded.")
                .arg(coverage.reviewedMonths)
                .arg(coverage.months.size())));
        ReportTable months({ { QStringLiteral("Month"), 1 }, { QStringLiteral("Part of the period (UTC)"), 2.2 }, { QStringLiteral("State"), 1.4 },
            { QStringLiteral("Covered"), 1.2 }, { QStringLiteral("Statements (seq)"), 2.5 } });
        for (const MonthCoverage &month : coverage.months) {
            QStringList seqs;
            for (qint64 seq : month.statementSeqs)
                seqs.append(QString::number(seq));
            const qint64 length = month.toUs - month.fromUs;
            months.addRow({ month.month, QStringLiteral("%1 to %2").arg(day(month.fromUs), day(month.toUs)),
                stateText(month.state),
                QStringLiteral("%1 %").arg(length > 0 ? 100.0 * double(month.coveredUs) / double(length) : 0.0, 0, 'f', 1),
                seqs.isEmpty() ? QStringLiteral("-") : seqs.join(QStringLiteral(", ")) });
        }
        m_document.addSection(ReportSection::table(months));
        if (coverage.statements.isEmpty())
            return;
        ReportTable statements({ { QStringLiteral("Seq"), 0.7 }, { QStringLiteral("Signed at (UTC)"), 2.3 }, { QStringLiteral("Reviewer"), 1.5 },
            { QStringLiteral("Period reviewed"), 2.4 }, { QStringLiteral("Scope"), 1.6 }, { QStringLiteral("Result"), 1.6 },
            { QStringLiteral("Meaning of the signature"), 2.1 } });
        for (const ReviewStatement &statement : coverage.statements) {
            const QString reviewer = statement.reviewerName.isEmpty() ? statement.reviewerId : statement.reviewerId + QLatin1Char('\n') + statement.reviewerName;
            statements.addRow({ QString::number(statement.seq), formatTimestamp(statement.signedAtUs), reviewer,
                QStringLiteral("%1 to %2").arg(day(statement.periodFromUs), day(statement.periodToUs)), statement.scope, statement.result,
                statement.meaning });
        }
        m_document.addSection(ReportSection::table(statements));
    }

    void addStaleDocuments()
    {
        const PeriodAggregates &a = m_review.figures;
        m_document.addSection(ReportSection::heading(QStringLiteral("Stale documents")));
        if (a.staleDocumentCount == 0) {
            m_document.addSection(ReportSection::paragraph(
                QStringLiteral("No document went without a revision or a review for %1 days at the period's end.").arg(m_staleDays)));
            return;
        }
        m_document.addSection(ReportSection::paragraph(
            QStringLiteral("%1 document(s) had neither a revision nor a review for %2 days at the period's end; %3 listed, the longest "
                           "unrevised first.")
                .arg(a.staleDocumentCount)
                .arg(m_staleDays)
                .arg(a.staleDocuments.size())));
        ReportTable table({ { QStringLiteral("Document"), 3 }, { QStringLiteral("Last revised (UTC)"), 1.5 }, { QStringLiteral("Last reviewed (UTC)"), 1.5 } });
        for (const StaleDocument &d : a.staleDocuments) {
            table.addRow({ objectName(d.objectType, d.objectId), d.lastRevisedUs ? day(d.lastRevisedUs) : QStringLiteral("never"),
                d.lastReviewedUs ? day(d.lastReviewedUs) : QStringLiteral("never") });
        }
        m_document.addSection(ReportSection::table(table));
    }

    const ManagementReviewReport &m_review;
    const ReviewPeriod &m_period;
    const std::optional<ReviewPeriod> &m_previous;
    const qint64 m_staleDays;
    const QString m_rulesDigest;
    ReportDocument m_document;
};

} // namespace

QColor ManagementReviewReport::groupColor(const QString &group)
{
    static const QMap<QString, QColor> colors {
        { QStringLiteral("access"), QColor(0x4e, 0x79, 0xa7) },
        { QStringLiteral("change"), QColor(0xf2, 0x8e, 0x2b) },
        { QStringLiteral("workflow"), QColor(0x59, 0xa1, 0x4f) },
        { QStringLiteral("security"), QColor(0xe1, 0x57, 0x59) },
        { QStringLiteral("audit"), QColor(0x76, 0xb7, 0xb2) },
        { QStringLiteral("system"), QColor(0x9c, 0x75, 0x5f) },
    };
    return colors.value(group, QColor(0x79, 0x70, 0x6e));
}

Result<ManagementReviewReport> ManagementReviewReport::build(const EventReader &reader, const ReviewPeriod &period,
                                                             const ManagementReviewOptions &options, EvidenceHeader header)
{
    if (!ReviewChart::canRender()) {
        return Error(ErrorCode::Internal,
            QStringLiteral("The management review report draws its charts with Qt Charts, which needs a QApplication."));
    }
    ManagementReviewReport review;
    if (auto verified = header.verifyLog(reader); !verified)
        return verified.error();

    AggregateRequest request;
    request.fromUs = period.fromUs();
    request.toUs = period.toUs();
    request.topCount = options.topCount;
    request.staleAfterUs = options.staleAfterUs;
    auto figures = reader.aggregates(request);
    if (!figures)
        return figures.error();
    review.figures = std::move(*figures);
    std::optional<ReviewPeriod> previous;
    if (options.comparePrevious) {
        previous = period.previous();
        AggregateRequest before = request;
        before.fromUs = previous->fromUs();
        before.toUs = previous->toUs();
        auto previousFigures = reader.aggregates(before);
        if (!previousFigures)
            return previousFigures.error();
        review.previousFigures = std::move(*previousFigures);
    }
    auto anomalies = AnomalyDetector::scan(reader, period.fromUs(), period.toUs(), options.anomalyRules);
    if (!anomalies)
        return anomalies.error();
    review.anomalies = std::move(*anomalies);
    auto integrity = IntegrityStatus::read(reader);
    if (!integrity)
        return integrity.error();
    review.integrity = std::move(*integrity);
    auto coverage = ReviewCoverage::compute(reader, period.fromUs(), period.toUs());
    if (!coverage)
        return coverage.error();
    review.coverage = std::move(*coverage);

    EventFilter selection;
    selection.fromUs = period.fromUs();
    selection.toUs = period.toUs();
    header.filter = selection.describe();
    header.scope = QStringLiteral("management review (ISO 9001 §9.3): the figures, anomaly flags, integrity and audit-trail review "
                                  "coverage of the period");
    header.period = span(period);
    if (previous)
        header.period += QStringLiteral("\ncompared with %1").arg(span(*previous));
    header.eventCount = review.figures.total;
    review.header = std::move(header);

    review.document = ReviewDocumentBuilder(review, period, previous, options).build();
    return review;
}

} // namespace QmsAudit
