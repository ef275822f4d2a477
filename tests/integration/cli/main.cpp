// SPDX-License-Identifier: LGPL-2.1-or-later
// Test runner: a QCoreApplication for QProcess, and any Qt warning fails the current test.

#include <QCoreApplication>

#include <gtest/gtest.h>

namespace {

void failOnWarning(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    ADD_FAILURE() << "unexpected Qt message: " << message.toStdString();
}

} // namespace

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    // gtest_discover_tests runs the binary with --gtest_list_tests at build time: nothing else to set up.
    if (::testing::GTEST_FLAG(list_tests))
        return RUN_ALL_TESTS();
    QCoreApplication app(argc, argv);
    qInstallMessageHandler(failOnWarning);
    return RUN_ALL_TESTS();
}
