// SPDX-License-Identifier: LGPL-2.1-or-later
// consumer-core LOG KEY_FILE: opens an existing log with the installed library, appends one event,
// verifies the chain and prints the summary ("OK <n> events, head <hex>"). Exit 0 only if all worked.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/keyfileprovider.h>

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        err << "usage: consumer-core LOG KEY_FILE\n";
        return 1;
    }
    QmsAudit::KeyFileProvider keys(args.at(2));
    auto log = QmsAudit::AuditLog::open(args.at(1), keys);
    if (!log) {
        err << "open: " << log.error().message() << '\n';
        return 2;
    }
    QmsAudit::Event event;
    event.actor = {QStringLiteral("consumer"), QStringLiteral("Package consumer"), {}};
    event.action = QmsAudit::Action::View;
    event.object = {QStringLiteral("procedure"), QStringLiteral("SOP-001"), QStringLiteral("A"), QStringLiteral("Installed package check")};
    auto seq = (*log)->append(event);
    if (!seq) {
        err << "append: " << seq.error().message() << '\n';
        return 3;
    }
    const auto report = (*log)->verify();
    out << report.summary() << '\n';
    return report.ok ? 0 : 3;
}
