// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>
#include <QPluginLoader>
#include <QString>
#include <QTimer>
#include <QVariantMap>

namespace QmsAudit {
class IAuditTrailPlugin;
}

/**
 * The application's only way into QmsAudit for recording: the Qt plugin, loaded with
 * QPluginLoader through `IAuditTrailPlugin` (no QmsAudit library is linked).
 *
 * It makes the trail's state the application's: `available` is false while the trail is not open,
 * after a failure to record (fail_closed), and while the key file is missing; the pages lock
 * controlled content then. While down it tries to open the trail again every `retryMs`, so the
 * documents come back by themselves when the trail does.
 */
class AuditBridge : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ isAvailable NOTIFY availabilityChanged)
    /// Why the trail is down, in one sentence for the banner; empty while available.
    Q_PROPERTY(QString problem READ problem NOTIFY availabilityChanged)
    Q_PROPERTY(QString logPath READ logPath CONSTANT)
    Q_PROPERTY(QString pluginVersion READ pluginVersion CONSTANT)

public:
    /// @p config: the trail configuration (log_path, key_file, …; docs/recording.md).
    explicit AuditBridge(QVariantMap config, QObject *parent = nullptr);
    ~AuditBridge() override;

    /// Where the plugin is looked for: $QMSAUDIT_PLUGIN, else where the installed package put it.
    static QString pluginFile();
    /// Loads the plugin; false and @p error when it cannot be loaded or has another interface.
    bool load(QString *error);
    /// Opens the trail now; on failure the bridge stays down, says why and keeps retrying.
    bool open(QString *error = nullptr);
    /// Flushes and closes the trail (`stopped` is recorded); no retrying afterwards.
    void close();

    /**
     * Records @p event (export-format map) and, the trail being durable, waits until it is on
     * disk. Returns its seq, or -1 with @p error: the caller must then not do what it records.
     */
    qint64 record(const QVariantMap &event, QString *error);
    void setCurrentUser(const QVariantMap &actor);
    bool flush(int timeoutMs);

    bool isAvailable() const { return m_available; }
    QString problem() const { return m_problem; }
    QString logPath() const { return m_config.value(QStringLiteral("log_path")).toString(); }
    QString keyFile() const { return m_config.value(QStringLiteral("key_file")).toString(); }
    QString pluginVersion() const;
    QVariantMap config() const { return m_config; }
    /// How often a down trail is retried and the key file checked (ms).
    void setRetryInterval(int ms) { m_watch.setInterval(ms); }
    /// The plugin, for a caller that needs its full interface (the demo history).
    QmsAudit::IAuditTrailPlugin *plugin() const { return m_plugin; }

Q_SIGNALS:
    void availabilityChanged(bool available);
    /// A buffered event could not be recorded after all (never swallowed: the host shows it).
    void recordFailed(const QString &message);

private Q_SLOTS:
    void onPluginAvailability(bool available);
    void onRecordFailed(const QString &message);
    void watch();

private:
    void setState(bool available, const QString &problem);

    QVariantMap m_config;
    QPluginLoader m_loader;
    QmsAudit::IAuditTrailPlugin *m_plugin = nullptr;
    QTimer m_watch;
    bool m_open = false;
    bool m_available = false;
    bool m_closedOnPurpose = false;
    QString m_problem;
    QVariantMap m_currentUser;
};
