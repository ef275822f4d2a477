// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>
#include <qmsaudit/verificationreport.h>

#include <functional>
#include <memory>
#include <optional>

namespace QmsAudit {

class Connection;

/**
 * Recomputes the hash chain of a log record by record and cross-checks every indexed column
 * against the hashed encoding, while SQLite's page-level quick_check runs on a second thread. Read-only.
 */
class ChainVerifier
{
public:
    using ConnectionFactory = std::function<Result<std::unique_ptr<Connection>>()>;
    /// Findings beyond this many are counted but not listed.
    static constexpr int MaxFindings = 100;

    ChainVerifier(QString logId, ConnectionFactory openConnection);
    VerificationReport run() const;

private:
    void scanChain(Connection &connection, VerificationReport &report) const;
    /// SQLite's quick_check on a connection of its own; runs beside scanChain() on another thread.
    std::optional<VerificationFinding> checkPages() const;

    QString m_logId;
    ConnectionFactory m_openConnection;
};

} // namespace QmsAudit
