// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/accesspolicy.h>
#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/event.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/eventsampler.h>
#include <qmsaudit/reviewrecord.h>
#include <qmsaudit/trailexportrecord.h>
#include <qmsaudit/verificationreport.h>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace QmsAudit {

class AuditTrail;
class EventReader;

/**
 * The log a view shows: every view's `log` property takes one.
 *
 * Without logPath it reads the host's open trail (AuditTrail::defaultTrail()); with logPath it
 * opens that file read-only with keyFile or passphrase (a log copied from a workstation). Opening
 * runs on a worker thread; `status` says when the views can read.
 *
 * It also decides who may do what (AccessPolicy: the host trail's `role_permissions`, or
 * rolePermissions here) for the `viewer` (default: the trail's current user), and records the use
 * of the trail into the host's trail: `trail_viewed` with the filter (debounced), `trail_verified`,
 * and `access_denied` on the object `audit_trail`. A source without a host trail cannot record;
 * `recordingNote` says so and views show it.
 */
class QmlAuditLogSource : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(AuditLogSource)
    Q_PROPERTY(QString logPath READ logPath WRITE setLogPath NOTIFY logPathChanged)
    Q_PROPERTY(QString keyFile READ keyFile WRITE setKeyFile NOTIFY keyFileChanged)
    /// Write-only: kept as a key provider, never readable back from QML.
    Q_PROPERTY(QString passphrase READ passphrase WRITE setPassphrase)
    /// {"id": …, "name": …, "roles": […]}; empty: the host trail's current user.
    Q_PROPERTY(QVariantMap viewer READ viewer WRITE setViewer NOTIFY viewerChanged)
    /// Role → permissions; empty: the host trail's configuration, else AccessPolicy's defaults.
    Q_PROPERTY(QVariantMap rolePermissions READ rolePermissions WRITE setRolePermissions NOTIFY permissionsChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged)
    Q_PROPERTY(QString logName READ logName NOTIFY statusChanged)
    Q_PROPERTY(QString logId READ logId NOTIFY statusChanged)
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY permissionsChanged)
    /// The viewer's display name ("Anna Berg (u-anna)").
    Q_PROPERTY(QString viewerName READ viewerName NOTIFY viewerChanged)
    Q_PROPERTY(bool recordsUse READ recordsUse NOTIFY statusChanged)
    /// Why the use of this log is not recorded (empty when it is).
    Q_PROPERTY(QString recordingNote READ recordingNote NOTIFY statusChanged)
    /// Every actor id and object type in the log (from its summary tables), for completion; filled after Ready.
    Q_PROPERTY(QStringList actorIds READ actorIds NOTIFY namesChanged)
    Q_PROPERTY(QStringList objectTypes READ objectTypes NOTIFY namesChanged)
    /// The last failure to record a use of the trail (reported, never swallowed); empty when none.
    Q_PROPERTY(QString recordError READ recordError NOTIFY recordErrorChanged)

public:
    enum Status { Null, Loading, Ready, Error };
    Q_ENUM(Status)

    /// How long a filter must stay on screen before it is recorded: typing does not flood the log.
    static constexpr int FilterRecordDelayMs = 1500;

    explicit QmlAuditLogSource(QObject *parent = nullptr);
    ~QmlAuditLogSource() override;

    QString logPath() const;
    void setLogPath(const QString &path);
    QString keyFile() const;
    void setKeyFile(const QString &path);
    QString passphrase() const { return {}; } ///< never the passphrase itself
    void setPassphrase(const QString &passphrase);
    QVariantMap viewer() const;
    void setViewer(const QVariantMap &viewer);
    QVariantMap rolePermissions() const;
    void setRolePermissions(const QVariantMap &map);
    Status status() const;
    QString errorString() const;
    QString logName() const;
    QString logId() const;
    QStringList permissions() const;
    QString viewerName() const;
    bool recordsUse() const;
    QString recordingNote() const;
    QString recordError() const;
    QStringList actorIds() const;
    QStringList objectTypes() const;

    /// The reader views use (nullptr until Ready).
    std::shared_ptr<const EventReader> reader() const;

    Q_INVOKABLE bool can(const QString &permission) const;
    /**
     * For a view about to show: true if the viewer holds @p permission. Otherwise records
     * access_denied on the trail (once per @p view and permission) and returns false.
     */
    Q_INVOKABLE bool requirePermission(const QString &permission, const QString &view);
    /// The anomaly rules of the host trail's configuration ("anomaly_rules"), else the documented defaults.
    AnomalyRules anomalyRules() const;
    /// Reopens the log (after the file changed, or to retry after an error).
    Q_INVOKABLE void reload();

    /// A view now shows @p filter: recorded as trail_viewed once it stayed FilterRecordDelayMs.
    void noteFilterShown(const QString &view, const EventFilter &filter);
    /// Records trail_verified for @p report (not for a cancelled run? it is recorded too: the attempt counts).
    void noteVerified(const VerificationReport &report, const QString &view);
    /// Records trail_viewed with the definition of @p sample, drawn in @p view.
    void noteSampleDrawn(const EventSample &sample, const QString &view);
    /**
     * Records trail_exported for @p exported, written from @p view, with @p extra attributes besides
     * the record's (a management review report adds its period and rules, as `review-report` does).
     */
    void noteExported(const TrailExportRecord &exported, const QString &view, const QMap<QString, QString> &extra = {});
    /**
     * Records @p review by the viewer on the host trail and waits until it is committed: the
     * review's seq, or why it was not recorded (no host trail, an incomplete record, a failed write).
     */
    Result<qint64> recordReview(const ReviewRecord &review);
    /// Records now whatever filter is still waiting for its delay (tests and closing views).
    Q_INVOKABLE void flushPendingRecords();
    /// The viewer property, or else the host trail's current user.
    Actor currentViewer() const;
    /// A report's "Generated by": the viewer's id, the application (and its version) and the machine.
    QString reportAuthor() const;

    void classBegin() override;
    void componentComplete() override;

Q_SIGNALS:
    void logPathChanged();
    void keyFileChanged();
    void viewerChanged();
    void permissionsChanged();
    void statusChanged();
    void readerChanged();
    void recordErrorChanged();
    void namesChanged();
    /// A use of the trail was recorded (seq of the event).
    void useRecorded(qint64 seq);

private:
    struct Opened;
    void open();
    void finishOpen();
    AuditTrail *hostTrail() const;
    AccessPolicy policy() const;
    void recordPendingFilter();
    void finishRecord(const class RecordTicket &ticket);
    void setRecordError(const QString &message);

    QString m_logPath;
    QString m_keyFile;
    QByteArray m_passphrase;
    QVariantMap m_viewer;
    QVariantMap m_rolePermissions;
    Status m_status = Null;
    QString m_errorString;
    QString m_recordError;
    bool m_complete = false;
    std::shared_ptr<const EventReader> m_reader;
    QPointer<AuditTrail> m_trail; ///< the host trail the reader came from (trail mode)
    QFutureWatcher<std::shared_ptr<Opened>> m_opening;
    QFutureWatcher<std::pair<QStringList, QStringList>> m_naming; ///< actor ids, object types
    QStringList m_actorIds;
    QStringList m_objectTypes;
    QTimer m_filterDelay;
    QString m_pendingView;
    std::optional<EventFilter> m_pendingFilter;
    QString m_lastRecordedFilter;
    QStringList m_deniedRecorded;
};

} // namespace QmsAudit
