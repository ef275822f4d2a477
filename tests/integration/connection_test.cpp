// SPDX-License-Identifier: LGPL-2.1-or-later
// The settings every connection to a log gets, whatever opens it (writer, reader, CLI).
#include "storage/connection_p.h"

#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;
using namespace QmsAudit::Test;

TEST(Connection, EveryConnectionGetsTheSettingsTheLogDependsOn)
{
    TestLogDir dir;
    ASSERT_TRUE(dir.create());
    auto key = dir.keys().fetchKey();
    ASSERT_TRUE(key);
    for (auto mode : {Connection::Mode::ReadWrite, Connection::Mode::ReadOnly}) {
        auto connection = Connection::open(dir.logPath(), *key, mode, 1000);
        ASSERT_TRUE(connection) << connection.error().message().toStdString();
        // docs/design-notes.md, pitfall 7: temp files would be plaintext (2 = MEMORY).
        EXPECT_EQ((*connection)->queryText("PRAGMA temp_store").value(), QStringLiteral("2"));
        // Pitfall 10: WAL with NORMAL may lose the last commits (2 = FULL).
        EXPECT_EQ((*connection)->queryText("PRAGMA synchronous").value(), QStringLiteral("2"));
        // Negative: KiB, not pages (docs/performance.md, the page cache of a big log).
        EXPECT_EQ((*connection)->queryText("PRAGMA cache_size").value(),
                  QString::number(-Connection::CacheSizeKiB));
        
    }
}
