// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "qmlauditlogsource.h"

#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/evidenceheader.h>

#include <QFutureWatcher>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace QmsAudit {

class EventReader;
class ReviewPeriod;
struct ManagementReviewOptions;

/**
 * What ManagementReviewView shows for a period (ISO 9001 §9.3), read on worker threads:
 * - the aggregates of the period and of the previous one (EventReader::aggregates(): the rollups
 *   answer a year of a 10 M-event log in about 0.3 s), the audit-trail review coverage per month
 *   (ReviewCoverage) and the integrity status (IntegrityStatus), together;
 * - then the anomaly flags (AnomalyDetector), which stream the period's events and may take
 *   minutes on a large log: the figures are on screen meanwhile, and `anomaliesRunning` says so.
 * Changing the period cancels whatever still runs for the old one. The dashboard is guarded by
 * the permission review.dashboard; each period shown is recorded (trail_viewed) through the log.
 *
 * writeReport() saves the management review report of the period as PDF (ManagementReviewReport,
 * the PDF `qms-audit review-report` writes), needs the same permission, never replaces a file,
 * and is recorded as trail_exported with the file's SHA-256 and the attributes the command
 * records. Its figures are read and its charts drawn on the GUI thread (Qt Charts cannot draw on
 * another), the PDF written on a worker thread. A host that only writes reports sets
 * readsFigures to false.
 */
class QmlManagementReview : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(ManagementReview)
    Q_PROPERTY(QmsAudit::QmlAuditLogSource *log READ log WRITE setLog NOTIFY logChanged)
    /// "2026-Q3", "2026-07", "2026", "2026-07-01..2026-07-15" (ReviewPeriod); empty: the last whole quarter.
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY periodChanged)
    Q_PROPERTY(bool comparePrevious READ comparePrevious WRITE setComparePrevious NOTIFY periodChanged)
    Q_PROPERTY(int topCount MEMBER m_topCount NOTIFY periodChanged)
    Q_PROPERTY(int staleAfterDays MEMBER m_staleAfterDays NOTIFY periodChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(bool anomaliesRunning READ anomaliesRunning NOTIFY runningChanged)
    /// Whether figures for the current period are shown (false while the first load runs or after an error).
    Q_PROPERTY(bool ready READ isReady NOTIFY resultChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY resultChanged)
    Q_PROPERTY(QString periodLabel READ periodLabel NOTIFY resultChanged)
    Q_PROPERTY(QString previousLabel READ previousLabel NOTIFY resultChanged)
    /// "2026-07-01 – 2026-09-30" (the last day included, as people say it).
    Q_PROPERTY(QString periodRange READ periodRange NOTIFY resultChanged)
    /// [{name, value, previous (or undefined), change, direction: up|down|same}] (KeyFigure).
    Q_PROPERTY(QVariantList keyFigures READ keyFigures NOTIFY resultChanged)
    /// Every ISO week the period touches, in order: [{week, access, change, workflow, security,
    /// audit, system, approvals, releases, denied, total}] (zeros included).
    Q_PROPERTY(QVariantList weeks READ weeks NOTIFY resultChanged)
    Q_PROPERTY(QStringList actionGroups READ actionGroups CONSTANT)
    /// [{label, count}], most first: documents "type id", people by id.
    Q_PROPERTY(QVariantList topDocuments READ topDocuments NOTIFY resultChanged)
    Q_PROPERTY(QVariantList topUsers READ topUsers NOTIFY resultChanged)
    /// [{objectType, approveCount, approveMedianDays, approveP90Days, releaseCount, releaseMedianDays, releaseP90Days}]
    Q_PROPERTY(QVariantList cycleTimes READ cycleTimes NOTIFY resultChanged)
    /// [{objectType, objectId, lastRevised, lastReviewed}] (dates or "never"), at most 20; staleDocumentCount counts all.
    Q_PROPERTY(QVariantList staleDocuments READ staleDocuments NOTIFY resultChanged)
    Q_PROPERTY(qint64 staleDocumentCount READ staleDocumentCount NOTIFY resultChanged)
    Q_PROPERTY(qint64 changesWithoutReason READ changesWithoutReason NOTIFY resultChanged)
    /// [{month, state: reviewed|partly_reviewed|not_reviewed, coveredPercent, statements: [{seq, reviewer, signedAt, meaning, period, scope, result}]}]
    Q_PROPERTY(QVariantList coverage READ coverage NOTIFY resultChanged)
    Q_PROPERTY(int reviewedMonths READ reviewedMonths NOTIFY resultChanged)
    /// {headSeq, headHash, headAt, lastVerification: {seq, at, actor, result, lastSeq} or undefined,
    ///  lastPassedVerification: the same, eventsSinceLastPass}
    Q_PROPERTY(QVariantMap integrity READ integrity NOTIFY resultChanged)
    /// [{rule, severity, actor, object, first, last, explanation, seqs: [..], eventCount}], the most severe first, at most MaxFlagsListed.
    Q_PROPERTY(QVariantList anomalies READ anomalies NOTIFY anomaliesChanged)
    /// Flags per rule {after_hours: 3, …} over all flags of the period.
    Q_PROPERTY(QVariantMap anomalyCounts READ anomalyCounts NOTIFY anomaliesChanged)
    Q_PROPERTY(int anomalyCount READ anomalyCount NOTIFY anomaliesChanged)
    Q_PROPERTY(bool anomaliesReady READ anomaliesReady NOTIFY anomaliesChanged)
    Q_PROPERTY(QString anomalyError READ anomalyError NOTIFY anomaliesChanged)
    /**
     * Whether the period's figures and flags are read for the dashboard, and the period shown is
     * recorded (trail_viewed). Default true; false: nothing is read, recorded or refused until
     * writeReport() is called (a host that only writes the PDF, and shows nothing).
     */
    Q_PROPERTY(bool readsFigures READ readsFigures WRITE setReadsFigures NOTIFY readsFiguresChanged)
    /// A report is being built and saved (writeReport()); it cannot be cancelled.
    Q_PROPERTY(bool reportRunning READ isReportRunning NOTIFY reportChanged)
    /// The last writeReport(): whether it wrote its file, or why not (refused or failed).
    Q_PROPERTY(bool reportOk READ isReportOk NOTIFY reportChanged)
    Q_PROPERTY(QString reportError READ reportError NOTIFY reportChanged)
    /// The written report's file name, SHA-256 (hex), period label and events in the period, as recorded.
    Q_PROPERTY(QString reportFileName READ reportFileName NOTIFY reportChanged)
    Q_PROPERTY(QString reportSha256 READ reportSha256 NOTIFY reportChanged)
    Q_PROPERTY(QString reportPeriod READ reportPeriod NOTIFY reportChanged)
    Q_PROPERTY(qint64 reportEventCount READ reportEventCount NOTIFY reportChanged)
    /// Whether the log passed the verification the report's page 1 states (a failed one is written too).
    Q_PROPERTY(bool reportVerified READ isReportVerified NOTIFY reportChanged)

public:
    static constexpr int MaxFlagsListed = 500;
    static constexpr int MaxStaleListed = 20;

    explicit QmlManagementReview(QObject *parent = nullptr);
    ~QmlManagementReview() override; ///< cancels what runs and waits for it

    QmlAuditLogSource *log() const;
    void setLog(QmlAuditLogSource *source);
    QString period() const;
    void setPeriod(const QString &period);
    bool comparePrevious() const;
    void setComparePrevious(bool compare);
    bool isRunning() const;
    bool anomaliesRunning() const;
    bool isReady() const;
    QString errorString() const;
    QString periodLabel() const;
    QString previousLabel() const;
    QString periodRange() const;
    QVariantList keyFigures() const;
    QVariantList weeks() const;
    QStringList actionGroups() const;
    QVariantList topDocuments() const;
    QVariantList topUsers() const;
    QVariantList cycleTimes() const;
    QVariantList staleDocuments() const;
    qint64 staleDocumentCount() const;
    qint64 changesWithoutReason() const;
    QVariantList coverage() const;
    int reviewedMonths() const;
    QVariantMap integrity() const;
    QVariantList anomalies() const;
    QVariantMap anomalyCounts() const;
    int anomalyCount() const;
    bool anomaliesReady() const;
    QString anomalyError() const;
    bool readsFigures() const;
    void setReadsFigures(bool reads);
    bool isReportRunning() const;
    bool isReportOk() const;
    QString reportError() const;
    QString reportFileName() const;
    QString reportSha256() const;
    QString reportPeriod() const;
    qint64 reportEventCount() const;
    bool isReportVerified() const;

    /**
     * Starts writing the management review report of `period` (with comparePrevious, topCount,
     * staleAfterDays and the host trail's anomaly rules) to @p pathOrFileUrl, a path or a file:
     * URL. Returns false, with reportError, when it cannot start: no log, no review.dashboard
     * (recorded as access_denied), no QApplication (Qt Charts), a bad period, an existing file;
     * false alone while a report runs (reportRunning). Otherwise reportFinished() follows; the log
     * must be Ready. The report
     * is built at the next turn of the event loop, on the GUI thread, which waits while the log is
     * verified and the period read (seconds; minutes for millions of events in the period).
     */
    Q_INVOKABLE bool writeReport(const QString &pathOrFileUrl);
    /// A file in the user's documents folder named after the log and the period.
    Q_INVOKABLE QString suggestedReportPath() const;
    /// Reads the period again (after new events, or to retry after an error).
    Q_INVOKABLE void refresh();
    /// Stops whatever runs; what was shown stays.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void logChanged();
    void periodChanged();
    void runningChanged();
    void resultChanged();
    void anomaliesChanged();
    void readsFiguresChanged();
    void reportChanged();
    /// A report started by writeReport() ended: written (and recorded) or not (reportError).
    void reportFinished(bool ok);

private:
    struct Figures;
    struct Flags;
    struct Report;
    void finishFigures();
    void finishAnomalies();
    void startAnomalies();
    bool refuseReport(const QString &message);
    void buildReport(const EventReader &reader, const ReviewPeriod &period, const ManagementReviewOptions &options, EvidenceHeader header,
                     const QString &path, const std::shared_ptr<Report> &report);
    void finishReport(const std::shared_ptr<Report> &report);

    QPointer<QmlAuditLogSource> m_source;
    QString m_period;
    bool m_comparePrevious = true;
    int m_topCount = 10;
    int m_staleAfterDays = 365;
    QFutureWatcher<std::shared_ptr<Figures>> m_figuresRun;
    QFutureWatcher<std::shared_ptr<Flags>> m_anomaliesRun;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<Figures> m_figures;
    std::shared_ptr<Flags> m_flags;
    // Set from the start of a run until its result is taken: a watcher stops "running" when the
    // thread ends, before finished() has delivered the result.
    bool m_figuresPending = false;
    bool m_anomaliesPending = false;
    bool m_rerun = false;
    bool m_readsFigures = true;
    QFutureWatcher<std::shared_ptr<Report>> m_reportRun;
    std::shared_ptr<Report> m_report; ///< the last report's outcome (never null)
    bool m_reportPending = false;
};

} // namespace QmsAudit
