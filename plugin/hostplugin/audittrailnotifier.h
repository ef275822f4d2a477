// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>
#include <QString>

namespace QmsAudit {

class AuditTrail;

/**
 * The QObject behind IAuditTrailPlugin::notifier(): re-emits the signals of an AuditTrail with
 * QtCore types only, so a host that does not link libqmsaudit can connect to them by name:
 * @code
 * QObject::connect(audit->notifier(), SIGNAL(recordFailed(QString)), this, SLOT(showAuditError(QString)));
 * @endcode
 * The trail emits from its writer thread; the notifier re-emits in its own thread (the thread
 * that created the plugin), so the host's slots run there.
 */
class AuditTrailNotifier : public QObject
{
    Q_OBJECT

public:
    /// Follows @p trail (which must outlive the notifier or be its ancestor).
    explicit AuditTrailNotifier(AuditTrail *trail, QObject *parent = nullptr);
    ~AuditTrailNotifier() override;

Q_SIGNALS:
    /// An event is on disk with this seq.
    void recorded(qint64 seq);
    /// An event could not be recorded; @p message is one sentence for humans.
    void recordFailed(const QString &message);
    /// The trail became (un)available: fail_closed hosts should stop offering audited actions.
    void availabilityChanged(bool available);
};

} // namespace QmsAudit
