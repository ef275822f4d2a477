// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_qml_export.h>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace QmsAudit {

class AuditTrail;
class RecordTicket;

/**
 * The `AuditTrail` singleton of the QML module `QmsAudit`, so that a QML-only page can record
 * in one line:
 * @code
 * import QmsAudit
 * Page {
 *     Component.onCompleted: AuditTrail.viewed("procedure", "SOP-017", "Calibration of torque wrenches")
 * }
 * @endcode
 *
 * It records into AuditTrail::defaultTrail() when the host set one (the usual case: the host
 * opens the trail in C++ and calls AuditTrail::setDefaultTrail()), or into a trail of its own
 * that QML opens with open(config). close() only closes a trail the singleton opened itself.
 *
 * The recording calls return the event's seq (> 0), or -1 with lastError set. Like the Qt
 * plugin they wait per the durability mode: durable, until the event is on disk (a short block
 * of the calling thread); buffered, not at all (0 until the next group commit). lastError is
 * the error of the last call, empty when it succeeded.
 */
class QMSAUDIT_QML_EXPORT QmlAuditTrail : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(AuditTrail)
    QML_SINGLETON
    /// false while closed, and after a failure to record until the log is writable again.
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)
    /// A trail is open (the host's default trail or the singleton's own).
    Q_PROPERTY(bool isOpen READ isOpen NOTIFY isOpenChanged)
    /// One sentence on why the last call failed; empty when it succeeded.
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    explicit QmlAuditTrail(QObject *parent = nullptr);
    ~QmlAuditTrail() override;

    bool isAvailable() const;
    bool isOpen() const;
    QString lastError() const;

    /**
     * Opens a trail of the singleton's own from a config map with the keys of the config file
     * ({"log_path": …, "key_file": …}, see AuditTrailConfig::fromVariantMap()). Refused while a
     * trail (the host's or its own) is open.
     */
    Q_INVOKABLE bool open(const QVariantMap &config);
    /// Closes the singleton's own trail (records `stopped`); leaves the host's trail alone.
    Q_INVOKABLE void close();

    /// Records an event given in the export format ({"action": "view", "object": {…}, …}).
    Q_INVOKABLE qint64 record(const QVariantMap &event);
    Q_INVOKABLE qint64 viewed(const QString &type, const QString &id, const QString &title = {}, const QString &version = {});
    Q_INVOKABLE qint64 printed(const QString &type, const QString &id, const QString &title = {}, const QString &version = {});
    Q_INVOKABLE qint64 exported(const QString &type, const QString &id, const QString &title = {},
                                const QString &version = {}, const QString &format = {});
    /// @p changes: [{"field": …, "old": …, "new": …}, …]; @p reason is required by the default policy.
    Q_INVOKABLE qint64 changed(const QString &type, const QString &id, const QVariantList &changes, const QString &reason);
    /// An electronic signature with its @p meaning as shown to the signer ("approved as author").
    Q_INVOKABLE qint64 signature(const QString &type, const QString &id, const QString &meaning);
    Q_INVOKABLE qint64 accessDenied(const QString &type, const QString &id, const QString &reason = {});
    /// Call when an audit-trail view is shown.
    Q_INVOKABLE qint64 trailViewed(const QString &description);
    /// {"id": …, "name": …, "roles": […]}: the actor of events that name none. Kept across open().
    Q_INVOKABLE void setCurrentUser(const QVariantMap &actor);
    /// Waits until everything queued so far is committed; false on timeout or when not open.
    Q_INVOKABLE bool flush(int timeoutMs = 5000);

Q_SIGNALS:
    void availableChanged();
    void isOpenChanged();
    void lastErrorChanged();
    /// An event is on disk (also for events recorded by C++ code on the same trail).
    void recorded(qint64 seq);
    /// An event could not be recorded (also reported asynchronously, e.g. in buffered mode).
    void recordFailed(const QString &message);

private:
    AuditTrail *trail();
    const AuditTrail *currentTrail() const;
    void attach(AuditTrail *trail);
    void refresh();
    qint64 finish(const AuditTrail *trail, const RecordTicket &ticket);
    qint64 fail(const QString &message);
    bool refuse(const QString &message);
    qint64 notOpen();
    void setLastError(const QString &message);

    std::unique_ptr<AuditTrail> m_own;
    QPointer<AuditTrail> m_attached;
    QVariantMap m_user;
    QString m_lastError;
    bool m_available = false;
    bool m_open = false;
};

} // namespace QmsAudit
