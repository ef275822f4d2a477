// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit-host-sample [--data DIR] [--config FILE]
//
// A QMS client in miniature that embeds QmsAudit the way a real host does: it opens an AuditTrail
// (by default on an embedded default log under ./demo-data/, created with a fresh key on the first
// run), lives through a short working day on a calibration procedure, then reviews and verifies
// its own trail. Exit code 0 when everything was recorded and the chain verifies.
#include <qmsaudit/audittrail.h>
#include <qmsaudit/keyfileprovider.h>
#include <qmsaudit/timestamp.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSysInfo>
#include <QTextStream>

#include <thread>
#include <vector>

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

/// The embedded default: a log and key under @p dataDir, the key generated on first use.
QmsAudit::Result<QmsAudit::AuditTrailConfig> defaultConfig(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return QmsAudit::Error(QmsAudit::ErrorCode::IoError, QStringLiteral("Cannot create %1.").arg(dataDir));
    QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto config = QmsAudit::AuditTrailConfig::defaults();
    config.logPath = QDir(dataDir).filePath(QStringLiteral("qms-host.qmslog"));
    config.keyFile = QDir(dataDir).filePath(QStringLiteral("qms-host.key"));
    config.host = {QStringLiteral("QmsAudit host sample"), QStringLiteral("1.0"), QSysInfo::machineHostName()};
    if (!QFileInfo::exists(config.keyFile)) {
        if (auto generated = QmsAudit::KeyFileProvider::generateKeyFile(config.keyFile); !generated)
            return generated.error();
    }
    return config;
}

/// Waits for a ticket the way a careful host does before it lets the user go on.
bool confirmed(const QmsAudit::RecordTicket &ticket, const char *what)
{
    if (ticket.wait(5000) && ticket.isRecorded())
        return true;
    err << "not recorded (" << what << "): " << ticket.error().message() << '\n';
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qmsaudit-host-sample"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A QMS client that records its work in a QmsAudit trail."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data"), QStringLiteral("Directory of the default log and key."), QStringLiteral("DIR"),
                      QStringLiteral("demo-data")});
    parser.addOption({QStringLiteral("config"), QStringLiteral("AuditTrail JSON configuration instead of the default."),
                      QStringLiteral("FILE")});
    parser.process(app);

    auto config = parser.isSet(QStringLiteral("config")) ? QmsAudit::AuditTrailConfig::fromFile(parser.value(QStringLiteral("config")))
                                                         : defaultConfig(parser.value(QStringLiteral("data")));
    if (!config) {
        err << config.error().message() << '\n';
        return 2;
    }

    // --- the ten lines a host needs ---
    QmsAudit::AuditTrail trail;
    if (auto opened = trail.open(*config); !opened) {
        err << "cannot open the audit trail: " << opened.error().message() << '\n';
        return 2;
    }
    QmsAudit::AuditTrail::setDefaultTrail(&trail);
    QObject::connect(&trail, &QmsAudit::AuditTrail::recordFailed,
                     [](const QmsAudit::Error &e) { err << "audit: " << e.message() << '\n'; });
    QObject::connect(&trail, &QmsAudit::AuditTrail::availabilityChanged,
                     [](bool available) { err << "audit trail " << (available ? "available" : "UNAVAILABLE: documents locked") << '\n'; });
    // ----------------------------------

    const QmsAudit::Actor anna{QStringLiteral("u-anna"), QStringLiteral("Anna Berger"), {QStringLiteral("qa_manager")}};
    const QmsAudit::Actor ben{QStringLiteral("u-ben"), QStringLiteral("Ben Ito"), {QStringLiteral("author")}};
    const QmsAudit::Actor cho{QStringLiteral("u-cho"), QStringLiteral("Cho Park"), {QStringLiteral("operator")}};
    const QmsAudit::ObjectRef sop{QStringLiteral("procedure"), QStringLiteral("SOP-017"), QStringLiteral("C"),
                                  QStringLiteral("Calibration of torque wrenches")};
    const QmsAudit::ObjectRef calRecord{QStringLiteral("calibration_record"), QStringLiteral("CAL-0815"), QStringLiteral("1"),
                                        QStringLiteral("Torque wrench TW-3, 2026 calibration")};
    bool ok = true;

    // Ben revises the procedure and signs it as author.
    trail.setCurrentUser(ben);
    trail.setSession(QStringLiteral("ben-%1").arg(QCoreApplication::applicationPid()));
    ok &= confirmed(trail.loggedIn(), "login");
    ok &= confirmed(trail.viewed(sop), "view");
    ok &= confirmed(trail.changed(sop, {{QStringLiteral("interval_days"), QStringLiteral("365"), QStringLiteral("180")},
                                        {QStringLiteral("tolerance_pct"), QStringLiteral("4"), QStringLiteral("3")}},
                                  QStringLiteral("CAPA-9: drift found at last calibration")),
                    "change");
    ok &= confirmed(trail.signature(sop, QStringLiteral("reviewed and approved as author")), "signature");
    ok &= confirmed(trail.loggedOut(), "logout");

    // Cho, an operator, may read but not edit.
    trail.setCurrentUser(cho);
    trail.setSession(QStringLiteral("cho-%1").arg(QCoreApplication::applicationPid()));
    ok &= confirmed(trail.loginFailed(cho.id, QStringLiteral("wrong password")), "login_failed");
    ok &= confirmed(trail.loggedIn(), "login");
    ok &= confirmed(trail.viewed(sop), "view");
    ok &= confirmed(trail.printed(sop), "print");
    ok &= confirmed(trail.accessDenied(sop, QStringLiteral("edit requires the author role")), "access_denied");
    ok &= confirmed(trail.viewed(calRecord), "view");

    // A busy shift: four workstations record 50 views each at once; group commit shares the fsyncs.
    std::vector<std::thread> stations;
    std::vector<QmsAudit::RecordTicket> tickets(200);
    for (int s = 0; s < 4; ++s) {
        stations.emplace_back([&, s] {
            for (int i = 0; i < 50; ++i) {
                QmsAudit::Event e;
                e.actor = cho;
                e.action = QmsAudit::Action::View;
                e.object = calRecord;
                e.host = {QStringLiteral("QmsAudit host sample"), QStringLiteral("1.0"), QStringLiteral("station-%1").arg(s + 1)};
                tickets[std::size_t(s * 50 + i)] = trail.record(e);
            }
        });
    }
    for (auto &station : stations)
        station.join();
    for (const auto &t : tickets)
        ok &= confirmed(t, "station view");

    // Anna, the QA manager, releases the procedure and reviews the trail for it.
    trail.setCurrentUser(anna);
    trail.setSession(QStringLiteral("anna-%1").arg(QCoreApplication::applicationPid()));
    ok &= confirmed(trail.released(sop, QStringLiteral("Approved at management review 2026-11")), "release");
    QmsAudit::EventFilter forSop;
    forSop.objectId = sop.id;
    ok &= confirmed(trail.trailViewed(QStringLiteral("object_id=%1").arg(sop.id)), "trail_viewed");
    auto page = trail.query(forSop, {0, 1000});
    if (!page) {
        err << page.error().message() << '\n';
        return 4;
    }
    out << "Audit trail of " << sop.id << " (" << page->events.size() << " events shown):\n";
    const auto firstShown = page->events.size() > 12 ? page->events.size() - 12 : 0;
    for (qsizetype i = firstShown; i < page->events.size(); ++i) {
        const auto &e = page->events[i];
        out << QStringLiteral("  %1  %2  %3  %4  %5  %6\n")
                   .arg(e.seq, 5)
                   .arg(QmsAudit::formatTimestamp(e.recordedAtUs), e.actor.id.leftJustified(7), QmsAudit::actionName(e.action).leftJustified(14),
                        QmsAudit::outcomeName(e.outcome).leftJustified(7), e.reason.isEmpty() ? e.signatureMeaning : e.reason);
    }
    const auto report = trail.verify();
    QObject::disconnect(&trail, nullptr, nullptr, nullptr); // closing makes it unavailable on purpose
    trail.close();
    out << "log: " << config->logPath << '\n' << report.summary() << '\n';
    if (!ok)
        return 4;
    return report.ok ? 0 : 3;
}
