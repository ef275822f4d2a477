// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmlmanagementreview.h"

#include <qmsaudit/action.h>
#include <qmsaudit/anomalydetector.h>
#include <qmsaudit/clock.h>
#include <qmsaudit/eventexportfile.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/integritystatus.h>
#include <qmsaudit/keyfigure.h>
#include <qmsaudit/managementreviewreport.h>
#include <qmsaudit/reviewcoverage.h>
#include <qmsaudit/reviewperiod.h>
#include <qmsaudit/timestamp.h>
#include <qmsaudit/trailexportrecord.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace QmsAudit {

namespace {

/// The view named in what is recorded: trail_viewed, trail_exported, access_denied.
QString viewName()
{
    return QStringLiteral("ManagementReviewView");
}

/// A path, or the local file of a file: URL (what a file dialog gives).
QString localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl.trimmed();
}

const QStringList &groupNames()
{
    static const QStringList names{QStringLiteral("access"),   QStringLiteral("change"), QStringLiteral("workflow"),
                                   QStringLiteral("security"), QStringLiteral("audit"),  QStringLiteral("system")};
    return names;
}

QString dayOf(qint64 us)
{
    return us ? formatTimestamp(us).left(10) : QStringLiteral("never");
}

double days(qint64 us)
{
    return double(us) / double(MicrosPerDay);
}

/// The last whole calendar quarter before today (UTC): what a quarterly §9.3 meeting looks at.
QString lastWholeQuarter()
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const int quarter = (today.month() - 1) / 3; // the current quarter, 0-based
    return quarter == 0 ? QStringLiteral("%1-Q4").arg(today.year() - 1) : QStringLiteral("%1-Q%2").arg(today.year()).arg(quarter);
}

/// Every ISO week [fromUs, toUs) touches, in order ("2026-W27").
QStringList weeksOf(qint64 fromUs, qint64 toUs)
{
    QStringList weeks;
    for (qint64 day = fromUs / MicrosPerDay; day < (toUs + MicrosPerDay - 1) / MicrosPerDay; ++day) {
        int year = 0;
        const int week = QDate(1970, 1, 1).addDays(day).weekNumber(&year);
        const QString name = QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
        if (weeks.isEmpty() || weeks.constLast() != name)
            weeks.append(name);
    }
    return weeks;
}

QVariantMap verificationMap(const RecordedVerification &v)
{
    return {{QStringLiteral("seq"), v.seq},
            {QStringLiteral("at"), formatTimestamp(v.atUs)},
            {QStringLiteral("actor"), v.actorName.isEmpty() ? v.actorId : QStringLiteral("%1 (%2)").arg(v.actorName, v.actorId)},
            {QStringLiteral("result"), v.result},
            {QStringLiteral("lastSeq"), v.lastSeq},
            {QStringLiteral("firstBadSeq"), v.firstBadSeq}};
}

} // namespace

/// Everything but the anomaly flags, as the view shows it (made on the worker thread).
struct QmlManagementReview::Figures {
    QString error;
    QString periodLabel;
    QString previousLabel;
    QString periodRange;
    qint64 fromUs = 0;
    qint64 toUs = 0;
    QVariantList keyFigures;
    QVariantList weeks;
    QVariantList topDocuments;
    QVariantList topUsers;
    QVariantList cycleTimes;
    QVariantList staleDocuments;
    qint64 staleDocumentCount = 0;
    qint64 changesWithoutReason = 0;
    QVariantList coverage;
    int reviewedMonths = 0;
    QVariantMap integrity;

    static std::shared_ptr<Figures> read(const EventReader &reader, const ReviewPeriod &period, bool comparePrevious,
                                         const AggregateRequest &request, const std::atomic_bool *cancel);
};

/// A report written by writeReport(): what is recorded for it, or why it was not written.
struct QmlManagementReview::Report {
    QString error;
    QString periodLabel;
    TrailExportRecord record;
    QMap<QString, QString> extra; ///< what `review-report` records besides the export record
};

struct QmlManagementReview::Flags {
    bool done = false; ///< the scan of the shown period ended without an error
    QString error;
    QVariantList flags;
    QVariantMap countsByRule;
    int count = 0;
};

std::shared_ptr<QmlManagementReview::Figures> QmlManagementReview::Figures::read(const EventReader &reader, const ReviewPeriod &period,
                                                                                 bool comparePrevious, const AggregateRequest &request,
                                                                                 const std::atomic_bool *cancel)
{
    auto figures = std::make_shared<Figures>();
    figures->periodLabel = period.label();
    figures->fromUs = period.fromUs();
    figures->toUs = period.toUs();
    figures->periodRange = QStringLiteral("%1 – %2").arg(dayOf(period.fromUs()), dayOf(period.toUs() - MicrosPerDay));
    const auto fail = [&](const Error &error) {
        figures->error = error.message();
        return figures;
    };

    auto current = reader.aggregates(request, cancel);
    if (!current)
        return fail(current.error());
    std::optional<PeriodAggregates> previous;
    if (comparePrevious) {
        const ReviewPeriod before = period.previous();
        figures->previousLabel = before.label();
        AggregateRequest previousRequest = request;
        previousRequest.fromUs = before.fromUs();
        previousRequest.toUs = before.toUs();
        auto read = reader.aggregates(previousRequest, cancel);
        if (!read)
            return fail(read.error());
        previous = *read;
    }
    auto coverage = ReviewCoverage::compute(reader, period.fromUs(), period.toUs(), cancel);
    if (!coverage)
        return fail(coverage.error());
    auto integrity = IntegrityStatus::read(reader);
    if (!integrity)
        return fail(integrity.error());

    const PeriodAggregates &a = *current;
    for (const KeyFigure &figure : KeyFigure::of(a, previous ? &*previous : nullptr)) {
        figures->keyFigures.append(QVariantMap{{QStringLiteral("name"), figure.name},
                                               {QStringLiteral("value"), figure.value},
                                               {QStringLiteral("previous"), figure.previous ? QVariant(*figure.previous) : QVariant()},
                                               {QStringLiteral("change"), figure.changeText()},
                                               {QStringLiteral("direction"), figure.direction()}});
    }
    for (const QString &week : weeksOf(period.fromUs(), period.toUs())) {
        QVariantMap row{{QStringLiteral("week"), week},
                        {QStringLiteral("total"), a.byWeek.value(week)},
                        {QStringLiteral("approvals"), a.approvalsByWeek.value(week)},
                        {QStringLiteral("releases"), a.releasesByWeek.value(week)},
                        {QStringLiteral("denied"), a.deniedByWeek.value(week)}};
        const auto groups = a.byWeekAndGroup.value(week);
        for (const QString &group : groupNames())
            row.insert(group, groups.value(group));
        figures->weeks.append(row);
    }
    for (const RankedCount &document : a.topAccessedDocuments)
        figures->topDocuments.append(QVariantMap{{QStringLiteral("label"), document.objectType + QLatin1Char(' ') + document.id},
                                                 {QStringLiteral("count"), document.count}});
    for (const RankedCount &user : a.topUsersByChanges)
        figures->topUsers.append(QVariantMap{{QStringLiteral("label"), user.id}, {QStringLiteral("count"), user.count}});
    QStringList cycleTypes = a.submitToApprove.keys() + a.submitToRelease.keys();
    cycleTypes.removeDuplicates();
    cycleTypes.sort();
    for (const QString &type : std::as_const(cycleTypes)) {
        const CycleTimes approve = a.submitToApprove.value(type);
        const CycleTimes release = a.submitToRelease.value(type);
        figures->cycleTimes.append(QVariantMap{{QStringLiteral("objectType"), type},
                                               {QStringLiteral("approveCount"), approve.count},
                                               {QStringLiteral("approveMedianDays"), days(approve.medianUs)},
                                               {QStringLiteral("approveP90Days"), days(approve.p90Us)},
                                               {QStringLiteral("releaseCount"), release.count},
                                               {QStringLiteral("releaseMedianDays"), days(release.medianUs)},
                                               {QStringLiteral("releaseP90Days"), days(release.p90Us)}});
    }
    for (const StaleDocument &stale : a.staleDocuments.mid(0, MaxStaleListed))
        figures->staleDocuments.append(QVariantMap{{QStringLiteral("objectType"), stale.objectType},
                                                   {QStringLiteral("objectId"), stale.objectId},
                                                   {QStringLiteral("lastRevised"), dayOf(stale.lastRevisedUs)},
                                                   {QStringLiteral("lastReviewed"), dayOf(stale.lastReviewedUs)}});
    figures->staleDocumentCount = a.staleDocumentCount;
    figures->changesWithoutReason = a.changesWithoutReason;

    QHash<qint64, const ReviewStatement *> statements;
    for (const ReviewStatement &statement : std::as_const(coverage->statements))
        statements.insert(statement.seq, &statement);
    for (const MonthCoverage &month : std::as_const(coverage->months)) {
        QVariantList covering;
        for (qint64 seq : month.statementSeqs) {
            const ReviewStatement &s = *statements.value(seq);
            covering.append(QVariantMap{{QStringLiteral("seq"), s.seq},
                                        {QStringLiteral("reviewer"), s.reviewerName.isEmpty() ? s.reviewerId : s.reviewerName},
                                        {QStringLiteral("signedAt"), formatTimestamp(s.signedAtUs)},
                                        {QStringLiteral("meaning"), s.meaning},
                                        {QStringLiteral("period"), QStringLiteral("%1 – %2").arg(dayOf(s.periodFromUs), dayOf(s.periodToUs - 1))},
                                        {QStringLiteral("scope"), s.scope},
                                        {QStringLiteral("result"), s.result}});
        }
        figures->coverage.append(QVariantMap{{QStringLiteral("month"), month.month},
                                             {QStringLiteral("state"), MonthCoverage::stateName(month.state)},
                                             {QStringLiteral("coveredPercent"), qRound(100.0 * double(month.coveredUs) / double(month.toUs - month.fromUs))},
                                             {QStringLiteral("statements"), covering}});
    }
    figures->reviewedMonths = coverage->reviewedMonths;

    QVariantMap status{{QStringLiteral("headSeq"), integrity->head.seq},
                       {QStringLiteral("headHash"), QString::fromLatin1(integrity->head.hash.toHex())},
                       {QStringLiteral("headAt"), integrity->head.recordedAtUs ? formatTimestamp(integrity->head.recordedAtUs) : QString()},
                       {QStringLiteral("eventsSinceLastPass"), integrity->eventsSinceLastPass()}};
    if (integrity->lastVerification)
        status.insert(QStringLiteral("lastVerification"), verificationMap(*integrity->lastVerification));
    if (integrity->lastPassedVerification)
        status.insert(QStringLiteral("lastPassedVerification"), verificationMap(*integrity->lastPassedVerification));
    figures->integrity = status;
    return figures;
}

QmlManagementReview::QmlManagementReview(QObject *parent)
    : QObject(parent)
    , m_figures(std::make_shared<Figures>())
    , m_flags(std::make_shared<Flags>())
    , m_report(std::make_shared<Report>())
{
    connect(&m_figuresRun, &QFutureWatcher<std::shared_ptr<Figures>>::finished, this, &QmlManagementReview::finishFigures);
    connect(&m_anomaliesRun, &QFutureWatcher<std::shared_ptr<Flags>>::finished, this, &QmlManagementReview::finishAnomalies);
    connect(&m_reportRun, &QFutureWatcher<std::shared_ptr<Report>>::finished, this, [this] { finishReport(m_reportRun.result()); });
}

QmlManagementReview::~QmlManagementReview()
{
    cancel();
    m_figuresRun.waitForFinished();
    m_anomaliesRun.waitForFinished();
    m_reportRun.waitForFinished(); // a PDF being written: whole or absent either way
}

QmlAuditLogSource *QmlManagementReview::log() const { return m_source; }
QString QmlManagementReview::period() const { return m_period; }
bool QmlManagementReview::comparePrevious() const { return m_comparePrevious; }
bool QmlManagementReview::isRunning() const { return m_figuresPending; }
bool QmlManagementReview::anomaliesRunning() const { return m_anomaliesPending; }
bool QmlManagementReview::isReady() const { return !m_figures->periodLabel.isEmpty() && m_figures->error.isEmpty(); }
QString QmlManagementReview::errorString() const { return m_figures->error; }
QString QmlManagementReview::periodLabel() const { return m_figures->periodLabel; }
QString QmlManagementReview::previousLabel() const { return m_figures->previousLabel; }
QString QmlManagementReview::periodRange() const { return m_figures->periodRange; }
QVariantList QmlManagementReview::keyFigures() const { return m_figures->keyFigures; }
QVariantList QmlManagementReview::weeks() const { return m_figures->weeks; }
QStringList QmlManagementReview::actionGroups() const { return groupNames(); }
QVariantList QmlManagementReview::topDocuments() const { return m_figures->topDocuments; }
QVariantList QmlManagementReview::topUsers() const { return m_figures->topUsers; }
QVariantList QmlManagementReview::cycleTimes() const { return m_figures->cycleTimes; }
QVariantList QmlManagementReview::staleDocuments() const { return m_figures->staleDocuments; }
qint64 QmlManagementReview::staleDocumentCount() const { return m_figures->staleDocumentCount; }
qint64 QmlManagementReview::changesWithoutReason() const { return m_figures->changesWithoutReason; }
QVariantList QmlManagementReview::coverage() const { return m_figures->coverage; }
int QmlManagementReview::reviewedMonths() const { return m_figures->reviewedMonths; }
QVariantMap QmlManagementReview::integrity() const { return m_figures->integrity; }
QVariantList QmlManagementReview::anomalies() const { return m_flags->flags; }
QVariantMap QmlManagementReview::anomalyCounts() const { return m_flags->countsByRule; }
int QmlManagementReview::anomalyCount() const { return m_flags->count; }
bool QmlManagementReview::anomaliesReady() const { return m_flags->done; }
QString QmlManagementReview::anomalyError() const { return m_flags->error; }
bool QmlManagementReview::readsFigures() const { return m_readsFigures; }
bool QmlManagementReview::isReportRunning() const { return m_reportPending; }
bool QmlManagementReview::isReportOk() const { return !m_report->record.sha256.isEmpty() && m_report->error.isEmpty(); }
QString QmlManagementReview::reportError() const { return m_report->error; }
QString QmlManagementReview::reportFileName() const { return isReportOk() ? m_report->record.fileName : QString(); }
QString QmlManagementReview::reportSha256() const { return isReportOk() ? QString::fromLatin1(m_report->record.sha256.toHex()) : QString(); }
QString QmlManagementReview::reportPeriod() const { return isReportOk() ? m_report->periodLabel : QString(); }
qint64 QmlManagementReview::reportEventCount() const { return isReportOk() ? m_report->record.eventCount : 0; }
bool QmlManagementReview::isReportVerified() const { return isReportOk() && m_report->record.verified.value_or(false); }

void QmlManagementReview::setLog(QmlAuditLogSource *source)
{
    if (source == m_source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &QmlAuditLogSource::readerChanged, this, &QmlManagementReview::refresh);
        connect(m_source, &QmlAuditLogSource::permissionsChanged, this, &QmlManagementReview::refresh);
    }
    Q_EMIT logChanged();
    refresh();
}

void QmlManagementReview::setPeriod(const QString &period)
{
    if (period == m_period)
        return;
    m_period = period;
    Q_EMIT periodChanged();
    refresh();
}

void QmlManagementReview::setComparePrevious(bool compare)
{
    if (compare == m_comparePrevious)
        return;
    m_comparePrevious = compare;
    Q_EMIT periodChanged();
    refresh();
}

void QmlManagementReview::setReadsFigures(bool reads)
{
    if (reads == m_readsFigures)
        return;
    m_readsFigures = reads;
    Q_EMIT readsFiguresChanged();
    refresh();
}

void QmlManagementReview::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void QmlManagementReview::refresh()
{
    if (!m_readsFigures)
        return; // a host that only writes reports: nothing shown, so nothing read nor recorded as viewed
    if (m_figuresPending || m_anomaliesPending) {
        cancel(); // superseded: finishFigures() or finishAnomalies() starts the newer read
        m_rerun = true;
        return;
    }
    auto reader = m_source ? m_source->reader() : nullptr;
    if (!reader || !m_source->requirePermission(AccessPolicy::Dashboard, viewName()))
        return;
    auto period = ReviewPeriod::parse(m_period.isEmpty() ? lastWholeQuarter() : m_period);
    if (!period) {
        m_figures = std::make_shared<Figures>();
        m_figures->error = period.error().message();
        m_flags = std::make_shared<Flags>();
        Q_EMIT resultChanged();
        Q_EMIT anomaliesChanged();
        return;
    }
    EventFilter shown;
    shown.fromUs = period->fromUs();
    shown.toUs = period->toUs();
    m_source->noteFilterShown(viewName(), shown);

    AggregateRequest request;
    request.fromUs = period->fromUs();
    request.toUs = period->toUs();
    request.topCount = std::clamp(m_topCount, 1, 100);
    request.staleAfterUs = qint64(std::max(1, m_staleAfterDays)) * MicrosPerDay;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_figuresPending = true;
    m_figuresRun.setFuture(QtConcurrent::run([reader, period = *period, compare = m_comparePrevious, request, cancel = m_cancel] {
        return Figures::read(*reader, period, compare, request, cancel.get());
    }));
    Q_EMIT runningChanged();
}

void QmlManagementReview::finishFigures()
{
    m_figuresPending = false;
    if (std::exchange(m_rerun, false)) {
        Q_EMIT runningChanged();
        refresh();
        return;
    }
    m_figures = m_figuresRun.result();
    Q_EMIT resultChanged();
    Q_EMIT runningChanged();
    if (m_figures->error.isEmpty() && m_readsFigures)
        startAnomalies();
}

void QmlManagementReview::startAnomalies()
{
    auto reader = m_source ? m_source->reader() : nullptr;
    if (!reader)
        return;
    m_flags = std::make_shared<Flags>();
    Q_EMIT anomaliesChanged();
    m_anomaliesPending = true;
    m_anomaliesRun.setFuture(QtConcurrent::run([reader, from = m_figures->fromUs, to = m_figures->toUs, rules = m_source->anomalyRules(),
                                                cancel = m_cancel] {
        auto flags = std::make_shared<Flags>();
        auto report = AnomalyDetector::scan(*reader, from, to, rules, cancel.get());
        if (!report) {
            flags->error = report.error().message();
            return flags;
        }
        flags->done = true;
        flags->count = int(report->flags.size());
        // The most severe first, each severity in time order: a meeting reads the top of the list.
        std::stable_sort(report->flags.begin(), report->flags.end(),
                         [](const AnomalyFlag &a, const AnomalyFlag &b) { return a.severity > b.severity; });
        for (const AnomalyFlag &flag : std::as_const(report->flags)) {
            const QString rule = anomalyRuleName(flag.rule);
            flags->countsByRule[rule] = flags->countsByRule.value(rule).toInt() + 1;
            if (flags->flags.size() >= MaxFlagsListed)
                continue;
            QVariantList seqs;
            for (qint64 seq : flag.seqs)
                seqs.append(seq);
            flags->flags.append(QVariantMap{{QStringLiteral("rule"), rule},
                                            {QStringLiteral("severity"), anomalySeverityName(flag.severity)},
                                            {QStringLiteral("actor"), flag.actorId},
                                            {QStringLiteral("object"), flag.object.id.isEmpty() ? QString() : flag.object.type + QLatin1Char(' ') + flag.object.id},
                                            {QStringLiteral("first"), formatTimestamp(flag.firstUs)},
                                            {QStringLiteral("last"), formatTimestamp(flag.lastUs)},
                                            {QStringLiteral("explanation"), flag.explanation},
                                            {QStringLiteral("seqs"), seqs},
                                            {QStringLiteral("eventCount"), flag.eventCount}});
        }
        return flags;
    }));
    Q_EMIT runningChanged();
}

void QmlManagementReview::finishAnomalies()
{
    m_anomaliesPending = false;
    if (std::exchange(m_rerun, false)) {
        Q_EMIT runningChanged();
        refresh();
        return;
    }
    m_flags = m_anomaliesRun.result();
    Q_EMIT anomaliesChanged();
    Q_EMIT runningChanged();
}

QString QmlManagementReview::suggestedReportPath() const
{
    const QString log = m_source ? QFileInfo(m_source->logName()).completeBaseName() : QString();
    const QString period = m_period.isEmpty() ? lastWholeQuarter() : m_period;
    QString name = QStringLiteral("%1-management-review-%2.pdf").arg(log.isEmpty() ? QStringLiteral("audit-trail") : log, period);
    name.replace(QLatin1String(".."), QLatin1String("_")); // a custom period "2026-07-01..2026-07-15"
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
}

bool QmlManagementReview::refuseReport(const QString &message)
{
    m_report = std::make_shared<Report>();
    m_report->error = message;
    Q_EMIT reportChanged();
    return false;
}

bool QmlManagementReview::writeReport(const QString &pathOrFileUrl)
{
    if (m_reportPending)
        return false; // reportRunning says why
    auto reader = m_source ? m_source->reader() : nullptr;
    if (!reader)
        return refuseReport(tr("The log is not open."));
    // The report is the dashboard on paper: the same permission (AccessPolicy: "the management-review dashboard and report").
    if (!m_source->requirePermission(AccessPolicy::Dashboard, viewName()))
        return refuseReport(tr("The management review report needs the permission “%1”.").arg(AccessPolicy::Dashboard));
    // Qt Charts draws the report's charts and needs a QApplication (docs/design-notes.md, pitfall 13);
    // asked by name, so that this library does not link Qt Widgets.
    if (!QCoreApplication::instance() || !QCoreApplication::instance()->inherits("QApplication"))
        return refuseReport(tr("The management review report draws its charts with Qt Charts, which needs a QApplication in the host."));
    const QString path = localPath(pathOrFileUrl);
    if (path.isEmpty())
        return refuseReport(tr("Choose the file to write."));
    if (QFileInfo::exists(path))
        return refuseReport(tr("%1 exists; a report never overwrites a file.").arg(path));
    auto period = ReviewPeriod::parse(m_period.isEmpty() ? lastWholeQuarter() : m_period);
    if (!period)
        return refuseReport(period.error().message());

    ManagementReviewOptions options;
    options.comparePrevious = m_comparePrevious;
    options.topCount = std::clamp(m_topCount, 1, 100);
    options.staleAfterUs = qint64(std::max(1, m_staleAfterDays)) * MicrosPerDay;
    options.anomalyRules = m_source->anomalyRules();

    // What `qms-audit review-report` records: the export record of a PDF report, the periods and the rules.
    auto report = std::make_shared<Report>();
    report->periodLabel = period->label();
    report->record.filter.fromUs = period->fromUs();
    report->record.filter.toUs = period->toUs();
    report->record.format = QStringLiteral("pdf");
    report->record.fileName = QFileInfo(path).fileName();
    report->record.report = QStringLiteral("management_review");
    report->extra.insert(QStringLiteral("period"), period->label());
    if (options.comparePrevious)
        report->extra.insert(QStringLiteral("compared_with"), period->previous().label());
    report->extra.insert(QStringLiteral("rules_sha256"), options.anomalyRules.digest());

    EvidenceHeader header;
    header.generatedBy = m_source->reportAuthor();
    header.generatedAtUs = SystemClock().nowUtcMicros();

    m_report = std::make_shared<Report>(); // nothing to show until this one ends
    m_reportPending = true;
    // Built at the next turn of the event loop, so that the caller (a button) returns and the
    // dialog shows that the report runs.
    QMetaObject::invokeMethod(
        this,
        [this, reader, period = *period, options, header = std::move(header), path, report]() mutable {
            buildReport(*reader, period, options, std::move(header), path, report);
        },
        Qt::QueuedConnection);
    Q_EMIT reportChanged();
    return true;
}

void QmlManagementReview::buildReport(const EventReader &reader, const ReviewPeriod &period, const ManagementReviewOptions &options,
                                      EvidenceHeader header, const QString &path, const std::shared_ptr<Report> &report)
{
    // On the GUI thread: Qt Charts measures text with a static QGraphicsTextItem of its own
    // (ChartPresenter::textBoundingRect), which a chart drawn on another thread corrupts; a report
    // built on a worker thread crashed there. So the GUI waits while the log is verified and
    // the period read; only the PDF is written on a worker thread.
    auto built = ManagementReviewReport::build(reader, period, options, std::move(header));
    if (!built) {
        report->error = built.error().message();
        finishReport(report);
        return;
    }
    report->record.eventCount = built->figures.total;
    report->record.verified = built->header.verification.ok;
    report->extra.insert(QStringLiteral("flag_count"), QString::number(built->anomalies.flags.size()));
    m_reportRun.setFuture(QtConcurrent::run([document = std::move(built->document), path, report] {
        // Asked again: the build took a while, and QSaveFile would replace a file made meanwhile.
        if (QFileInfo::exists(path)) {
            report->error = tr("%1 exists; a report never overwrites a file.").arg(path);
            return report;
        }
        // Whole or not at all (QSaveFile): a failure leaves nothing at the path.
        if (auto saved = document.savePdf(path); !saved) {
            report->error = saved.error().message();
            return report;
        }
        auto sha256 = EventExportFile::sha256(path);
        if (!sha256)
            report->error = sha256.error().message();
        else
            report->record.sha256 = *sha256;
        return report;
    }));
}

void QmlManagementReview::finishReport(const std::shared_ptr<Report> &report)
{
    m_report = report;
    m_reportPending = false;
    const bool ok = isReportOk();
    // A report of a log that failed verification is written and recorded too: its page 1 says so.
    if (ok && m_source)
        m_source->noteExported(m_report->record, viewName(), m_report->extra);
    Q_EMIT reportChanged();
    Q_EMIT reportFinished(ok);
}

} // namespace QmsAudit
