// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit-host-sample ("QMS Desk") [--data DIR] [--demo-data MONTHS] [--headless-demo] [--screenshots DIR]
//
// A document-control application that embeds QmsAudit as a third-party host does: through the Qt
// plugin and the QML module only (README, docs/host-sample.md). Exit codes: 0 done; 2 bad usage
// or an unusable data folder or plugin; 3 the headless demo's log did not verify; 4 a step of
// the headless demo failed.
#include "headlessdemo.h"
#include "hostapplication.h"
#include "screenshottour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QTextStream>

namespace {

/// A window can be shown: an X or Wayland display, or a platform chosen on purpose (offscreen for
/// screenshots and tests).
bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char **argv)
{
    // Decided before the application exists: without a display the platform must be offscreen.
    bool headlessAsked = false;
    for (int i = 1; i < argc; ++i)
        headlessAsked |= qstrcmp(argv[i], "--headless-demo") == 0;
    const bool display = hasDisplay();
    if (headlessAsked || !display)
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv); // Qt Charts (the management review) needs QApplication
    QApplication::setApplicationName(QStringLiteral("qmsaudit-host-sample"));
    QApplication::setApplicationDisplayName(QStringLiteral("QMS Desk"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("QMS Desk: document control recorded in a QmsAudit trail."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data"), QStringLiteral("The data folder (store, audit log, key file, outputs)."), QStringLiteral("DIR"),
                      QStringLiteral("qms-demo")});
    parser.addOption({QStringLiteral("demo-data"), QStringLiteral("Months of history to generate on a first start (0: none)."),
                      QStringLiteral("MONTHS"), QStringLiteral("12")});
    parser.addOption({QStringLiteral("headless-demo"),
                      QStringLiteral("Run a scripted session without a window and write its outputs into the data folder.")});
    parser.addOption({QStringLiteral("screenshots"), QStringLiteral("Draw the main screens to PNG files in DIR and quit."), QStringLiteral("DIR")});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool monthsOk = false;
    const int months = parser.value(QStringLiteral("demo-data")).toInt(&monthsOk);
    if (!monthsOk || months < 0 || months > 120) {
        err << "--demo-data: a number of months from 0 to 120, not \"" << parser.value(QStringLiteral("demo-data")) << "\"\n";
        return 2;
    }

    HostApplication host({parser.value(QStringLiteral("data")), months});
    QString error;
    if (!host.start(out, &error)) {
        err << error << '\n';
        return 2;
    }
    if (headlessAsked || !display) {
        if (!headlessAsked)
            out << "no display: running the headless demo\n";
        return HeadlessDemo(host, out).run();
    }

    QQmlApplicationEngine engine;
    host.exposeTo(engine);
    if (parser.isSet(QStringLiteral("screenshots")))
        return ScreenshotTour(host, engine).run(parser.value(QStringLiteral("screenshots")), out) ? 0 : 4;
    engine.load(QUrl(QStringLiteral("qrc:/qmsdemo/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 2;
    return app.exec();
}
