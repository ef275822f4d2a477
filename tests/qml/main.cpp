// SPDX-License-Identifier: LGPL-2.1-or-later
// QUICK_TEST_MAIN_WITH_SETUP spelled out: offscreen by default (docs/design-notes.md, pitfall 12), a
// QApplication (Qt Charts' ChartView needs one, pitfall 13; quick_test_main uses the application it
// finds), and a run with unexpected warnings fails even when every TestCase passed.
#include "qmltestsetup.h"

#include <QApplication>
#include <QtQuickTest/quicktest.h>

#include <cstdio>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTEST_SET_MAIN_SOURCE_PATH
    QApplication application(argc, argv);
    QmlTestSetup setup;
    const int rc = quick_test_main_with_setup(argc, argv, "qmsaudit_qml_tests", QUICK_TEST_SOURCE_DIR, &setup);
    const QStringList warnings = QmlTestSetup::unexpectedWarnings();
    if (warnings.isEmpty())
        return rc;
    std::fprintf(stderr, "FAIL: %lld unexpected warning(s):\n", static_cast<long long>(warnings.size()));
    for (const QString &warning : warnings)
        std::fprintf(stderr, "  %s\n", qPrintable(warning));
    return rc != 0 ? rc : 1;
}
