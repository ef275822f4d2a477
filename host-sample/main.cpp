// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit-host-sample DIR: opens (or creates) DIR/host.qmslog with the key DIR/host.key, records
// what a QMS client records while a user works on a procedure, and verifies the log.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/keyfileprovider.h>

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

int main(int argc, char **argv)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (argc != 2) {
        err << "usage: qmsaudit-host-sample DIR\n";
        return 1;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    const QString keyPath = dir.filePath(QStringLiteral("host.key"));
    const QString logPath = dir.filePath(QStringLiteral("host.qmslog"));
    if (!QFileInfo::exists(keyPath)) {
        if (auto generated = QmsAudit::KeyFileProvider::generateKeyFile(keyPath); !generated) {
            err << generated.error().message() << '\n';
            return 2;
        }
    }
    QmsAudit::KeyFileProvider keys(keyPath);
    auto log = QFileInfo::exists(logPath) ? QmsAudit::AuditLog::open(logPath, keys) : QmsAudit::AuditLog::create(logPath, keys);
    if (!log) {
        err << log.error().message() << '\n';
        return 2;
    }

    const QmsAudit::Actor user{QStringLiteral("u-anna"), QStringLiteral("Anna Berger"), {QStringLiteral("qa_manager")}};
    const QmsAudit::ObjectRef sop{QStringLiteral("procedure"), QStringLiteral("SOP-017"), QStringLiteral("C"),
                                  QStringLiteral("Calibration of torque wrenches")};
    QmsAudit::Event login;
    login.actor = user;
    login.action = QmsAudit::Action::Login;
    QmsAudit::Event view;
    view.actor = user;
    view.action = QmsAudit::Action::View;
    view.object = sop;
    QmsAudit::Event edit = view;
    edit.action = QmsAudit::Action::Edit;
    edit.reason = QStringLiteral("Interval shortened after CAPA-9");
    edit.changes = {{QStringLiteral("interval_days"), QStringLiteral("365"), QStringLiteral("180")}};

    auto seqs = (*log)->appendAll({login, view, edit});
    if (!seqs) {
        err << "recording failed: " << seqs.error().message() << '\n';
        return 4;
    }
    out << "recorded seq " << seqs->first() << ".." << seqs->last() << '\n';
    const auto report = (*log)->verify();
    out << report.summary() << '\n';
    return report.ok ? 0 : 3;
}
