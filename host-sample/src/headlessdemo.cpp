// SPDX-License-Identifier: LGPL-2.1-or-later
#include "headlessdemo.h"

#include "hostapplication.h"
#include "workflow.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QSaveFile>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace {

constexpr int kEvidenceTimeoutMs = 30 * 60 * 1000; // a year of history is read in minutes, not hours

} // namespace

HeadlessDemo::HeadlessDemo(HostApplication &host, QTextStream &out)
    : m_host(host)
    , m_out(out)
{
}

bool HeadlessDemo::step(bool ok, const QString &what)
{
    m_out << (ok ? "  ok    " : "  FAIL  ") << what;
    if (!ok)
        m_out << ": " << m_host.service().lastError();
    m_out << '\n';
    m_out.flush();
    if (!ok && m_failure.isEmpty())
        m_failure = what;
    return ok;
}

QString HeadlessDemo::userWithRole(const QString &role) const
{
    const QStringList ids = m_host.users().withRole(role);
    return ids.isEmpty() ? QString() : ids.first();
}

bool HeadlessDemo::loginAs(const QString &role)
{
    const QString id = userWithRole(role);
    return step(m_host.service().login(id, UserDirectory::DemoPassword), QStringLiteral("%1 %2 logs in").arg(role, id));
}

int HeadlessDemo::run()
{
    DocumentService &desk = m_host.service();
    if (!m_host.audit().isAvailable()) {
        m_out << "the audit trail is down, so nothing can be done: " << m_host.audit().problem() << '\n';
        return 4;
    }
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QDir outputs(QDir(m_host.folder().outputsDir()).filePath(QStringLiteral("session-") + stamp));
    if (!QDir().mkpath(outputs.path())) {
        m_out << "cannot create " << outputs.path() << '\n';
        return 4;
    }
    m_out << "\n== scripted session (the same calls as the pages)\n";

    // An author mistypes, then writes a procedure and sends it for review.
    const QString author = userWithRole(QStringLiteral("author"));
    step(!desk.login(author, QStringLiteral("not-the-password")), QStringLiteral("a wrong password is refused (login_failed)"));
    loginAs(QStringLiteral("author"));
    const QString id = desk.create(QStringLiteral("procedure"), QStringLiteral("Handling of nonconforming product"),
                                   QStringLiteral("1. Segregate the product.\n2. Label it NONCONFORMING.\n3. Record it in the NC log."),
                                   QStringLiteral("New procedure for ISO 9001 clause 8.7"));
    step(!id.isEmpty(), QStringLiteral("creates %1").arg(id));
    step(!desk.open(id).isEmpty(), QStringLiteral("opens %1 (view)").arg(id));
    step(desk.edit(id, QStringLiteral("Control of nonconforming outputs"),
                   QStringLiteral("1. Segregate the product within 1 hour.\n2. Label it NONCONFORMING.\n3. Record it in the NC log.\n"
                                  "4. Inform the quality manager."),
                   QStringLiteral("CAPA-2026-031: segregation deadline and escalation added")),
         QStringLiteral("edits %1 with a reason (old and new values recorded)").arg(id));
    step(desk.advance(id, QStringLiteral("submit"), QString(), QString()), QStringLiteral("submits %1 for review").arg(id));
    step(!desk.requestAuditAccess(QStringLiteral("audit_views")), QStringLiteral("is turned away from the auditor views (access_denied)"));
    desk.logout();

    // The reviewer signs, the approver signs and releases.
    loginAs(QStringLiteral("reviewer"));
    step(!desk.open(id).isEmpty(), QStringLiteral("reads %1").arg(id));
    step(desk.signReview(id, UserDirectory::DemoPassword), QStringLiteral("signs %1: Reviewed (password re-entered)").arg(id));
    desk.logout();
    loginAs(QStringLiteral("approver"));
    step(!desk.advance(id, QStringLiteral("approve"), QString(), QStringLiteral("wrong")), QStringLiteral("a wrong signing password is refused"));
    step(desk.advance(id, QStringLiteral("approve"), QString(), UserDirectory::DemoPassword),
         QStringLiteral("approves %1 with an e-signature: Approved").arg(id));
    step(desk.advance(id, QStringLiteral("release"), QStringLiteral("Effective 1 December; training done"), QString()),
         QStringLiteral("releases %1").arg(id));
    const QString printed = desk.printPdf(id);
    step(!printed.isEmpty(), QStringLiteral("prints %1 to PDF with its signature manifestation").arg(id));
    const QString exported = desk.exportDocument(id);
    step(!exported.isEmpty(), QStringLiteral("exports %1").arg(id));
    desk.logout();
    if (!m_failure.isEmpty())
        return 4;

    // The auditor takes the document's trail and verifies the log; the manager the review report.
    m_out << "\n== evidence, made with the QmsAudit QML module\n";
    loginAs(QStringLiteral("auditor"));
    step(desk.requestAuditAccess(QStringLiteral("audit_views")), QStringLiteral("opens the auditor views"));
    QVariantMap auditor;
    const QString csv = outputs.filePath(id + QStringLiteral("-audit-trail.csv"));
    const QString trailPdf = outputs.filePath(id + QStringLiteral("-audit-trail.pdf"));
    const bool audited = makeEvidence("runAuditor",
                                      {{QStringLiteral("viewer"), desk.user()}, {QStringLiteral("documentId"), id},
                                       {QStringLiteral("csvPath"), csv}, {QStringLiteral("trailPdfPath"), trailPdf}},
                                      &auditor);
    step(audited, QStringLiteral("exports the trail of %1 (CSV, PDF) and verifies the log").arg(id));
    const QString verification = outputs.filePath(QStringLiteral("verification.json"));
    if (audited)
        step(writeVerification(verification, auditor), QStringLiteral("writes the verification result"));
    desk.logout();

    loginAs(QStringLiteral("manager"));
    step(desk.requestAuditAccess(QStringLiteral("dashboard")), QStringLiteral("opens the management review"));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QString period = QStringLiteral("%1..%2").arg(today.addMonths(-12).toString(Qt::ISODate), today.toString(Qt::ISODate));
    const QString reviewPdf = outputs.filePath(QStringLiteral("management-review.pdf"));
    QVariantMap manager;
    step(makeEvidence("runManager",
                      {{QStringLiteral("viewer"), desk.user()}, {QStringLiteral("period"), period}, {QStringLiteral("reviewPdfPath"), reviewPdf}},
                      &manager),
         QStringLiteral("writes the management-review report for %1").arg(period));
    desk.logout();
    if (!m_failure.isEmpty())
        return 4;

    m_out << "\n== outputs\n"
          << "  management review:    " << reviewPdf << '\n'
          << "  document audit trail: " << trailPdf << " (" << auditor.value(QStringLiteral("trailPdfEvents")).toLongLong() << " events)\n"
          << "  CSV export:           " << csv << " (" << auditor.value(QStringLiteral("csvEvents")).toLongLong() << " events)\n"
          << "  verification:         " << verification << '\n'
          << "  printed document:     " << printed << '\n'
          << "  exported document:    " << exported << '\n'
          << "\n" << auditor.value(QStringLiteral("summary")).toString() << '\n';
    m_out.flush();
    return auditor.value(QStringLiteral("verified")).toBool() ? 0 : 3;
}

bool HeadlessDemo::makeEvidence(const char *phase, const QVariantMap &settings, QVariantMap *results)
{
    QQmlEngine engine;
    m_host.exposeTo(engine);
    QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/qmsdemo/HeadlessOutputs.qml")));
    std::unique_ptr<QObject> outputs(component.createWithInitialProperties(settings));
    if (!outputs) {
        m_out << "    " << component.errorString() << '\n';
        return false;
    }
    QEventLoop loop;
    QObject::connect(outputs.get(), SIGNAL(done()), &loop, SLOT(quit()));
    QTimer::singleShot(kEvidenceTimeoutMs, &loop, &QEventLoop::quit);
    QMetaObject::invokeMethod(outputs.get(), phase, Qt::QueuedConnection);
    loop.exec();
    *results = outputs->property("results").toMap();
    if (!outputs->property("succeeded").toBool()) {
        const QString failure = outputs->property("failure").toString();
        m_out << "    " << (failure.isEmpty() ? QStringLiteral("no answer within the time allowed") : failure) << '\n';
        return false;
    }
    return true;
}

bool HeadlessDemo::writeVerification(const QString &path, const QVariantMap &results)
{
    QJsonObject json;
    for (const char *key : {"verified", "summary", "eventCount", "lastSeq", "headHash", "findings", "elapsedMs"})
        json.insert(QLatin1StringView(key), QJsonValue::fromVariant(results.value(QLatin1StringView(key))));
    json.insert(QStringLiteral("log"), m_host.folder().logPath());
    json.insert(QStringLiteral("checked_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(json).toJson()) > 0 && file.commit();
}
