// SPDX-License-Identifier: LGPL-2.1-or-later
#include "auditbridge.h"

#include <qmsaudit/iaudittrailplugin.h>

#include <QFileInfo>

AuditBridge::AuditBridge(QVariantMap config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_problem = QStringLiteral("The audit trail is not open yet.");
    m_watch.setInterval(1000);
    connect(&m_watch, &QTimer::timeout, this, &AuditBridge::watch);
}

AuditBridge::~AuditBridge()
{
    close();
}

QString AuditBridge::pluginFile()
{
    const QString fromEnvironment = qEnvironmentVariable("QMSAUDIT_PLUGIN");
    return fromEnvironment.isEmpty() ? QStringLiteral(QMSDEMO_PLUGIN_FILE) : fromEnvironment;
}

bool AuditBridge::load(QString *error)
{
    m_loader.setFileName(pluginFile());
    QObject *instance = m_loader.instance();
    m_plugin = qobject_cast<QmsAudit::IAuditTrailPlugin *>(instance);
    if (!m_plugin) {
        const QString iid = m_loader.metaData().value(QStringLiteral("IID")).toString();
        *error = instance ? QStringLiteral("%1 implements %2, not %3.").arg(m_loader.fileName(), iid, QStringLiteral(QmsAudit_IAuditTrailPlugin_iid))
                          : QStringLiteral("Cannot load the QmsAudit plugin: %1").arg(m_loader.errorString());
        return false;
    }
    // Connected by name: the notifier's class is the plugin's, not known to this application.
    QObject *notifier = m_plugin->notifier();
    connect(notifier, SIGNAL(availabilityChanged(bool)), this, SLOT(onPluginAvailability(bool)));
    connect(notifier, SIGNAL(recordFailed(QString)), this, SLOT(onRecordFailed(QString)));
    return true;
}

QString AuditBridge::pluginVersion() const
{
    return m_plugin ? m_plugin->pluginVersion() : QString();
}

bool AuditBridge::open(QString *error)
{
    m_closedOnPurpose = false;
    m_watch.start();
    QString message;
    if (!m_plugin) {
        message = QStringLiteral("The QmsAudit plugin is not loaded.");
    } else if (!QFileInfo::exists(keyFile())) {
        message = QStringLiteral("The audit log's key file %1 is missing.").arg(keyFile());
    } else if (m_plugin->open(m_config, &message)) {
        m_open = true;
        if (!m_currentUser.isEmpty())
            m_plugin->setCurrentUser(m_currentUser);
        setState(m_plugin->isAvailable(), QString());
        return true;
    }
    setState(false, QStringLiteral("%1 Controlled documents are locked until the audit trail records again.").arg(message));
    if (error)
        *error = message;
    return false;
}

void AuditBridge::close()
{
    m_closedOnPurpose = true;
    m_watch.stop();
    if (m_plugin && m_open)
        m_plugin->close();
    m_open = false;
    setState(false, QStringLiteral("The audit trail is closed."));
}

qint64 AuditBridge::record(const QVariantMap &event, QString *error)
{
    if (!m_open || !m_available) {
        // fail_closed as the host sees it: nothing is done that the trail cannot record.
        *error = m_problem.isEmpty() ? QStringLiteral("The audit trail is unavailable.") : m_problem;
        return -1;
    }
    const qint64 seq = m_plugin->record(event, error);
    if (seq < 0 && !m_plugin->isAvailable())
        setState(false, QStringLiteral("The audit trail cannot record: %1 Controlled documents are locked.").arg(*error));
    return seq;
}

void AuditBridge::setCurrentUser(const QVariantMap &actor)
{
    m_currentUser = actor;
    if (m_plugin && m_open)
        m_plugin->setCurrentUser(actor);
}

bool AuditBridge::flush(int timeoutMs)
{
    return m_plugin && m_open && m_plugin->flush(timeoutMs);
}

void AuditBridge::onPluginAvailability(bool available)
{
    if (!m_open)
        return;
    setState(available, available ? QString()
                                  : QStringLiteral("The audit trail cannot write to %1. Controlled documents are locked until it "
                                                   "records again.")
                                        .arg(logPath()));
}

void AuditBridge::onRecordFailed(const QString &message)
{
    Q_EMIT recordFailed(message);
}

void AuditBridge::watch()
{
    if (m_closedOnPurpose)
        return;
    if (m_open && !QFileInfo::exists(keyFile())) {
        // Without its key the log cannot be reopened or recovered: stop recording into it now,
        // while the key is still in memory to write `stopped`, and lock the documents.
        m_plugin->close();
        m_open = false;
        setState(false, QStringLiteral("The audit log's key file %1 is missing. Controlled documents are locked until the "
                                       "audit trail records again.")
                            .arg(keyFile()));
        return;
    }
    if (!m_open)
        open();
}

void AuditBridge::setState(bool available, const QString &problem)
{
    const bool changed = available != m_available || problem != m_problem;
    m_available = available;
    m_problem = problem;
    if (changed)
        Q_EMIT availabilityChanged(available);
}
