// SPDX-License-Identifier: LGPL-2.1-or-later
#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // The pages and the management review need a QApplication, offscreen in a test.
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
