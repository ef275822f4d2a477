// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

namespace QmsAudit {

class Connection;

/// RAII write transaction: rolls back on destruction unless commit() succeeded (SQLiteCpp style).
class Transaction
{
public:
    explicit Transaction(Connection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// BEGIN IMMEDIATE: takes the write lock now, so the chain tail read next cannot go stale.
    Result<void> begin();
    Result<void> commit();

private:
    Connection &m_connection;
    bool m_active = false;
};

} // namespace QmsAudit
