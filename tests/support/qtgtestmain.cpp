// SPDX-License-Identifier: LGPL-2.1-or-later
// The main() of every GoogleTest binary: a QCoreApplication (QProcess, signals across threads),
// and any Qt warning, from any thread, fails the test that was running (the FatalLogger pattern of KDDockWidgets).
// Links QtCore and GTest only, so the plugin test that must not link QmsAudit can use it too.
// Built a second time with QMSAUDIT_GTEST_GUI as qmsaudit_gtest_guimain: a QGuiApplication on the
// offscreen platform, for tests that paint (PDF reports need the font database); and a third time
// with QMSAUDIT_GTEST_WIDGETS too, as qmsaudit_gtest_widgetsmain: a QApplication, for Qt Charts.
#ifdef QMSAUDIT_GTEST_WIDGETS
#include <QApplication>
using TestApplication = QApplication;
#elif defined(QMSAUDIT_GTEST_GUI)
#include <QGuiApplication>
using TestApplication = QGuiApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

#include <gtest/gtest.h>

namespace {

void failOnWarning(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    // Non-fatal assertions are thread-safe in GoogleTest with pthreads.
    ADD_FAILURE() << "unexpected Qt message: " << message.toStdString();
}

} // namespace

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    // docs/design-notes.md, pitfall 12: gtest_discover_tests lists the cases at build time; nothing else to set up.
    if (::testing::GTEST_FLAG(list_tests))
        return RUN_ALL_TESTS();
#ifdef QMSAUDIT_GTEST_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    TestApplication app(argc, argv);
    qInstallMessageHandler(failOnWarning);
    return RUN_ALL_TESTS();
}
