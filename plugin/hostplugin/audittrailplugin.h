// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/iaudittrailplugin.h>

#include <QObject>

namespace QmsAudit {

class AuditTrail;
class AuditTrailNotifier;

/**
 * The QmsAudit Qt plugin: an AuditTrail behind the QtCore-only IAuditTrailPlugin interface.
 *
 * Events are QVariantMaps with the field names of the export format (docs/export-format.md),
 * converted with eventFromJson(); an event without an actor id gets the current user. The
 * configuration map uses the keys of the config file (AuditTrailConfig::fromVariantMap()).
 *
 * While open, the plugin's trail is also AuditTrail::defaultTrail() unless the host set another
 * one, so the QML module's `AuditTrail` singleton records into the same log.
 * @code
 * QPluginLoader loader(pluginPath);
 * auto *audit = qobject_cast<QmsAudit::IAuditTrailPlugin *>(loader.instance());
 * QString error;
 * if (!audit->open({{"log_path", path}, {"key_file", keyFile}}, &error))
 *     return fail(error);
 * @endcode
 */
class AuditTrailPlugin : public QObject, public IAuditTrailPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QmsAudit_IAuditTrailPlugin_iid FILE "qmsaudit-plugin.json")
    Q_INTERFACES(QmsAudit::IAuditTrailPlugin)

public:
    explicit AuditTrailPlugin(QObject *parent = nullptr);
    /// Closes the trail (records `stopped`).
    ~AuditTrailPlugin() override;

    QString pluginVersion() const override;
    bool open(const QVariantMap &config, QString *errorMessage) override;
    void close() override;
    bool isAvailable() const override;
    void setCurrentUser(const QVariantMap &actor) override;
    qint64 record(const QVariantMap &event, QString *errorMessage) override;
    bool flush(int timeoutMs) override;
    QObject *notifier() override;

private:
    AuditTrail *m_trail;
    AuditTrailNotifier *m_notifier;
};

} // namespace QmsAudit
