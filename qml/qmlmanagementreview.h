// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "qmlauditlogsource.h"

#include <qmsaudit/anomalyrules.h>

#include <QFutureWatcher>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace QmsAudit {

/**
 * What ManagementReviewView shows for a period (ISO 9001 §9.3), read on worker threads:
 * - the aggregates of the period and of the previous one (EventReader::aggregates(): the rollups
 *   answer a year of a 10 M-event log in about 0.3 s), the audit-trail review coverage per month
 *   (ReviewCoverage) and the integrity status (IntegrityStatus), together;
 * - then the anomaly flags (AnomalyDetector), which stream the period's events and may take
 *   minutes on a large log: the figures are on screen meanwhile, and `anomaliesRunning` says so.
 * Changing the period cancels whatever still runs for the old one. The dashboard is guarded by
 * the permission review.dashboard; each period shown is recorded (trail_viewed) through the log.
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

private:
    struct Figures;
    struct Flags;
    void finishFigures();
    void finishAnomalies();
    void startAnomalies();

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
};

} // namespace QmsAudit
