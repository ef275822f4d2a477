// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// Self-contained: a host that loads the plugin with QPluginLoader needs this header and QtCore
// only (no link to libqmsaudit). See docs/host-integration.md for the ABI promise.

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <QtPlugin>

namespace QmsAudit {

/**
 * The interface of the QmsAudit Qt plugin (libqmsaudit-plugin.so).
 *
 * Events and configuration travel as QVariantMap with the field names of the export format
 * (docs/export-format.md) and of the config file (docs/recording.md):
 * @code
 * QPluginLoader loader("/usr/lib/x86_64-linux-gnu/qt6/plugins/qmsaudit/libqmsaudit-plugin.so");
 * auto *audit = qobject_cast<QmsAudit::IAuditTrailPlugin *>(loader.instance());
 * QString error;
 * if (!audit || !audit->open({{"log_path", path}, {"key_file", keyFile}}, &error))
 *     return fail(error);
 * audit->setCurrentUser({{"id", "u42"}, {"name", "Ada"}});
 * qint64 seq = audit->record({{"action", "view"},
 *                             {"object", QVariantMap{{"type", "procedure"}, {"id", "SOP-017"}}}}, &error);
 * @endcode
 */
class IAuditTrailPlugin
{
public:
    virtual ~IAuditTrailPlugin() = default;

    /// The QmsAudit version, e.g. "0.1.0".
    virtual QString pluginVersion() const = 0;
    /// Opens the trail; false and a one-sentence @p errorMessage on failure.
    virtual bool open(const QVariantMap &config, QString *errorMessage) = 0;
    /// Flushes, records `stopped` and closes. Idempotent.
    virtual void close() = 0;
    virtual bool isAvailable() const = 0;
    /// The actor for events that name none: {"id", "name", "roles"}.
    virtual void setCurrentUser(const QVariantMap &actor) = 0;
    /**
     * Records an event and waits for it per the durability mode (durable: until it is on disk;
     * buffered: until it is queued). Returns its seq (0 when buffered and not yet committed), or
     * -1 with @p errorMessage set.
     */
    virtual qint64 record(const QVariantMap &event, QString *errorMessage) = 0;
    /// Waits until everything queued is committed; false on timeout.
    virtual bool flush(int timeoutMs) = 0;
    /**
     * A QObject with the signals recorded(qint64), recordFailed(QString) and
     * availabilityChanged(bool), connectable by name from the host. Owned by the plugin.
     */
    virtual QObject *notifier() = 0;
};

} // namespace QmsAudit

/// Bumped in its last part for every change to the interface above; hosts pin the IID they know.
#define QmsAudit_IAuditTrailPlugin_iid "org.qmsaudit.IAuditTrailPlugin/1.0"
Q_DECLARE_INTERFACE(QmsAudit::IAuditTrailPlugin, QmsAudit_IAuditTrailPlugin_iid)
