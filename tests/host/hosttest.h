// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "hostapplication.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

/// QMS Desk started on a fresh data folder with six people and no history, its trail open, a
/// trail that is down retried every 50 ms.
class HostTest : public ::testing::Test
{
protected:
    void SetUp() override;

    QTemporaryDir dir;
    std::unique_ptr<HostApplication> host;
};
