// SPDX-License-Identifier: LGPL-2.1-or-later
#include "hosttest.h"

#include <QTextStream>

void HostTest::SetUp()
{
    host = std::make_unique<HostApplication>(HostApplication::Options{dir.path(), 0, 50});
    QString output;
    QTextStream out(&output);
    QString error;
    ASSERT_TRUE(host->start(out, &error)) << error.toStdString();
    ASSERT_TRUE(host->audit().isAvailable()) << host->audit().problem().toStdString();
}
