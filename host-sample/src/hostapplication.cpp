// SPDX-License-Identifier: LGPL-2.1-or-later
#include "hostapplication.h"

#include "demohistory.h"
#include "terminalprogress.h"

#include <qmsaudit/iaudittrailplugin.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QQmlEngine>
#include <QSysInfo>
#include <QTextStream>

HostApplication::HostApplication(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_folder(m_options.dataDir)
    , m_store(m_folder.documentsPath())
    , m_users(m_folder.usersPath())
{
}

HostApplication::~HostApplication()
{
    if (m_service)
        m_service->logout();
    if (m_audit)
        m_audit->close();
}

QVariantMap HostApplication::trailConfig() const
{
    const QStringList review = {QStringLiteral("trail.view"), QStringLiteral("trail.export"), QStringLiteral("trail.review")};
    return {
        {QStringLiteral("log_path"), m_folder.logPath()},
        {QStringLiteral("key_file"), m_folder.keyFile()},
        {QStringLiteral("durability"), QStringLiteral("durable")},
        {QStringLiteral("failure_policy"), QStringLiteral("fail_closed")},
        {QStringLiteral("retry_interval_ms"), m_options.retryMs},
        {QStringLiteral("host"), QVariantMap{{QStringLiteral("app"), QStringLiteral("QMS Desk")},
                                             {QStringLiteral("version"), QStringLiteral("1.0")},
                                             {QStringLiteral("workstation"), QSysInfo::machineHostName()}}},
        // Who may use the trail's own views: the application's roles, not QmsAudit's defaults.
        {QStringLiteral("role_permissions"),
         QVariantMap{{QStringLiteral("auditor"), review + QStringList{QStringLiteral("review.dashboard")}},
                     {QStringLiteral("manager"), QStringList{QStringLiteral("review.dashboard"), QStringLiteral("trail.view"),
                                                             QStringLiteral("trail.export")}},
                     {QStringLiteral("author"), QStringList()},
                     {QStringLiteral("reviewer"), QStringList()},
                     {QStringLiteral("approver"), QStringList()},
                     {QStringLiteral("admin"), QStringList()}}},
    };
}

bool HostApplication::start(QTextStream &out, QString *error)
{
    if (!m_folder.prepare(error) || !m_users.load(error) || !m_store.load(error))
        return false;
    out << "QMS Desk data folder: " << m_folder.dir() << '\n'
        << "  store:    " << m_folder.documentsPath() << ", " << m_folder.usersPath() << '\n'
        << "  log:      " << m_folder.logPath() << '\n'
        << "  key file: " << m_folder.keyFile() << (m_folder.createdKey() ? " (new, mode 0600)" : "") << '\n'
        << "  outputs:  " << m_folder.outputsDir() << '\n';
    out.flush();

    m_audit = std::make_unique<AuditBridge>(trailConfig());
    m_audit->setRetryInterval(m_options.retryMs);
    if (!m_audit->load(error))
        return false;
    if (m_folder.isFirstStart() && m_options.demoMonths > 0) {
        out << "first start: recording " << m_options.demoMonths << " months of demonstration history through the plugin\n";
        out.flush();
        DemoHistory::Options demo;
        demo.months = m_options.demoMonths;
        DemoHistory history(*m_audit->plugin(), trailConfig(), m_store, m_users, demo);
        TerminalProgress progress(QStringLiteral("events"));
        QElapsedTimer timer;
        timer.start();
        if (!history.run([&](qint64 done, qint64 total) { progress.update(done, total); }, error))
            return false;
        progress.finish();
        out << "recorded " << history.recordedEvents() << " events in " << timer.elapsed() / 1000 << " s; planted anomalies:\n";
        for (const QString &anomaly : history.plantedAnomalies())
            out << "  - " << anomaly << '\n';
        out.flush();
    } else if (m_folder.isFirstStart() && !seedSmallRegister(error)) {
        return false;
    }
    m_service = std::make_unique<DocumentService>(m_folder, m_store, m_users, *m_audit);
    QString why;
    if (!m_audit->open(&why))
        out << "the audit trail is DOWN: " << why << " Documents are locked until it records again.\n";
    return true;
}

bool HostApplication::seedSmallRegister(QString *error)
{
    // --demo-data 0: people to log in as, and documents that enter the register through the trail.
    const struct {
        const char *id, *name, *role;
    } people[] = {{"u-anna", "Anna Berger", "author"},   {"u-rolf", "Rolf Imhof", "reviewer"}, {"u-petra", "Petra Lang", "approver"},
                  {"u-ines", "Ines Auer", "auditor"},    {"u-max", "Max Roth", "manager"},     {"u-ada", "Ada Keller", "admin"}};
    for (const auto &p : people)
        m_users.add(QString::fromLatin1(p.id), QString::fromUtf8(p.name), {QString::fromLatin1(p.role)}, UserDirectory::DemoPassword);
    return m_users.save(error) && m_store.save(error);
}

void HostApplication::exposeTo(QQmlEngine &engine)
{
    engine.addImportPath(QStringLiteral(QMSDEMO_QML_IMPORT_DIR));
    if (m_registered) // types are registered once per process, engines come and go
        return;
    m_registered = true;
    qmlRegisterSingletonInstance("QmsDemo", 1, 0, "Desk", m_service.get());
    qmlRegisterSingletonInstance("QmsDemo", 1, 0, "Trail", m_audit.get());
}
