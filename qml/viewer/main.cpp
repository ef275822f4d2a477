// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit-viewer --log FILE --key-file FILE: the auditor views over a log opened read-only.
#include "viewerwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>

#include <cstdio>
#include <pwd.h>
#include <unistd.h>

namespace {

/// Exit status for a command line the viewer cannot use (as qms-audit's usage errors).
constexpr int UsageError = 2;

QString operatingSystemUser()
{
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("unknown"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qms-audit-viewer"));
    QApplication::setApplicationVersion(QStringLiteral(QMSAUDIT_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows an audit-trail log opened read-only: the log browser, document history, user activity, the integrity check and\n"
        "the sampling and review workspace, and the management review dashboard.\n"
        "Looking at the log is recorded only when a host application has its trail open; this viewer opens the file\n"
        "read-only and says so in its status line."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("log"), QStringLiteral("The log file to open (required)."), QStringLiteral("FILE")},
        {QStringLiteral("key-file"), QStringLiteral("File holding the log's key."), QStringLiteral("FILE")},
        {QStringLiteral("passphrase-env"), QStringLiteral("Environment variable holding the passphrase (never on the command line)."), QStringLiteral("VAR")},
        {QStringLiteral("user"), QStringLiteral("Who is looking (default: the operating-system user)."), QStringLiteral("ID")},
        {QStringLiteral("role"), QStringLiteral("A role of the viewer, repeatable (default: auditor)."), QStringLiteral("ROLE")},
        {QStringLiteral("view"), QStringLiteral("View to show first: log, document, user, integrity, sampling or review (default: log)."), QStringLiteral("VIEW")},
        {QStringLiteral("object"), QStringLiteral("Document for the document history, as TYPE:ID."), QStringLiteral("TYPE:ID")},
        {QStringLiteral("actor"), QStringLiteral("User for the user-activity view."), QStringLiteral("ID")},
        {QStringLiteral("from"), QStringLiteral("User activity from this day (YYYY-MM-DD, UTC)."), QStringLiteral("DAY")},
        {QStringLiteral("to"), QStringLiteral("User activity before this day (YYYY-MM-DD, UTC)."), QStringLiteral("DAY")},
        {QStringLiteral("period"), QStringLiteral("Period of the management review: 2026, 2026-Q3, 2026-07 or 2026-07-01..2026-07-15 (default: the last whole quarter)."), QStringLiteral("PERIOD")},
        {QStringLiteral("seed"), QStringLiteral("Draw the sampling view's sample with this seed when it opens (0 to 2^63-1)."), QStringLiteral("SEED")},
        {QStringLiteral("export"), QStringLiteral("Open the log view's export dialog with FORMAT chosen: csv, csv-verbatim, jsonl, pdf or pack (an evidence pack)."), QStringLiteral("FORMAT")},
        {QStringLiteral("dark"), QStringLiteral("Use a dark palette.")},
        {QStringLiteral("screenshot"), QStringLiteral("Render the view(s) to DIR/<view>.png at --size and quit (--view all: every view; with --export the log view and its dialog, DIR/log-export-<format>.png)."), QStringLiteral("DIR")},
        {QStringLiteral("size"), QStringLiteral("Window size, WIDTHxHEIGHT (default 1280x800)."), QStringLiteral("WxH")},
    });
    parser.process(app);

    const auto usage = [](const QString &message) {
        std::fprintf(stderr, "qms-audit-viewer: error: %s\n", qPrintable(message));
        return UsageError;
    };
    ViewerOptions options;
    options.logPath = parser.value(QStringLiteral("log"));
    options.keyFile = parser.value(QStringLiteral("key-file"));
    options.passphraseEnv = parser.value(QStringLiteral("passphrase-env"));
    if (options.logPath.isEmpty())
        return usage(QStringLiteral("--log FILE is required."));
    if (!QFileInfo::exists(options.logPath))
        return usage(QStringLiteral("%1 does not exist.").arg(options.logPath));
    if (options.keyFile.isEmpty() == options.passphraseEnv.isEmpty())
        return usage(QStringLiteral("Give exactly one of --key-file and --passphrase-env."));
    options.userId = parser.isSet(QStringLiteral("user")) ? parser.value(QStringLiteral("user")) : operatingSystemUser();
    options.roles = parser.isSet(QStringLiteral("role")) ? parser.values(QStringLiteral("role")) : QStringList{QStringLiteral("auditor")};
    options.exportFormat = parser.value(QStringLiteral("export"));
    const QStringList formats{QStringLiteral("csv"), QStringLiteral("csv-verbatim"), QStringLiteral("jsonl"), QStringLiteral("pdf"), QStringLiteral("pack")};
    if (parser.isSet(QStringLiteral("export")) && !formats.contains(options.exportFormat))
        return usage(QStringLiteral("Unknown export format '%1'; use csv, csv-verbatim, jsonl, pdf or pack.").arg(options.exportFormat));
    options.view = parser.value(QStringLiteral("view"));
    if (options.view.isEmpty())
        options.view = parser.isSet(QStringLiteral("screenshot")) && options.exportFormat.isEmpty() ? QStringLiteral("all") : QStringLiteral("log");
    const QStringList views{QStringLiteral("log"), QStringLiteral("document"), QStringLiteral("user"), QStringLiteral("integrity"), QStringLiteral("sampling"),
                             QStringLiteral("review"), QStringLiteral("all")};
    if (!views.contains(options.view))
        return usage(QStringLiteral("Unknown view '%1'; use log, document, user, integrity, sampling or review.").arg(options.view));
    if (!options.exportFormat.isEmpty() && options.view != QLatin1StringView("log"))
        return usage(QStringLiteral("--export opens the log view's export dialog; it goes with --view log."));
    if (parser.isSet(QStringLiteral("object"))) {
        const QString object = parser.value(QStringLiteral("object"));
        const qsizetype colon = object.indexOf(u':');
        if (colon <= 0 || colon == object.size() - 1)
            return usage(QStringLiteral("--object takes TYPE:ID, e.g. procedure:SOP-017."));
        options.objectType = object.left(colon);
        options.objectId = object.mid(colon + 1);
    }
    options.actorId = parser.value(QStringLiteral("actor"));
    options.from = parser.value(QStringLiteral("from"));
    options.to = parser.value(QStringLiteral("to"));
    options.seed = parser.value(QStringLiteral("seed"));
    options.period = parser.value(QStringLiteral("period"));
    if (parser.isSet(QStringLiteral("seed"))) {
        bool number = false;
        if (options.seed.toLongLong(&number) < 0 || !number)
            return usage(QStringLiteral("--seed takes a whole number from 0 to 9223372036854775807."));
    }
    options.dark = parser.isSet(QStringLiteral("dark"));
    options.screenshotDir = parser.value(QStringLiteral("screenshot"));
    if (parser.isSet(QStringLiteral("size"))) {
        const QStringList size = parser.value(QStringLiteral("size")).split(u'x');
        bool wide = false, high = false;
        options.width = size.value(0).toInt(&wide);
        options.height = size.value(1).toInt(&high);
        if (size.size() != 2 || !wide || !high || options.width < 320 || options.height < 240)
            return usage(QStringLiteral("--size takes WIDTHxHEIGHT, at least 320x240."));
    }

    QQmlApplicationEngine engine;
    // In the build tree the module sits beside the viewer's directory; installed, Qt finds it itself.
    const QString buildTreeModules = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(".."));
    if (QFileInfo::exists(buildTreeModules + QStringLiteral("/QmsAudit/qmldir")))
        engine.addImportPath(buildTreeModules);
    ViewerWindow window(engine, options);
    if (!window.load())
        return 1;
    return QApplication::exec();
}
