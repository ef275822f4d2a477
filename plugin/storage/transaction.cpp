// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/transaction_p.h"

#include "storage/connection_p.h"

namespace QmsAudit {

Transaction::Transaction(Connection &connection)
    : m_connection(connection)
{
}

Transaction::~Transaction()
{
    if (m_active)
        (void)m_connection.exec("ROLLBACK"); // nothing to report: the caller already has the original error
}

Result<void> Transaction::begin()
{
    auto r = m_connection.exec("BEGIN IMMEDIATE");
    m_active = r.ok();
    return r;
}

Result<void> Transaction::commit()
{
    auto r = m_connection.exec("COMMIT");
    // A failed COMMIT may leave the transaction open (e.g. SQLITE_BUSY) or rolled back; the
    // destructor's ROLLBACK is harmless in either case.
    if (r)
        m_active = false;
    return r;
}

} // namespace QmsAudit
