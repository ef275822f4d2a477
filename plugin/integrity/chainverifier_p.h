// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>
#include <qmsaudit/verificationreport.h>

#include <functional>
#include <memory>
#include <optional>

namespace QmsAudit {

class Connection;
class TextIndexCheck;

/**
 * Recomputes the hash chain of a log record by record and cross-checks every indexed column
 * against the hashed encoding, while SQLite's page-level quick_check runs on a second thread,
 * then checks the text index against the events (TextIndexCheck). Read-only.
 */
class ChainVerifier
{
public:
    using ConnectionFactory = std::function<Result<std::unique_ptr<Connection>>()>;
    /// Findings beyond this many are counted but not listed.
    static constexpr int MaxFindings = 100;

    /// The genesis comes from the meta table read through @p openConnection, not from the caller:
    /// a policy changed on disk must break the chain, even while a writer has the log open.
    explicit ChainVerifier(ConnectionFactory openConnection, VerificationControl control = {});
    VerificationReport run() const;

private:
    void scanChain(Connection &connection, VerificationReport &report, TextIndexCheck &text) const;
    /// SQLite's quick_check on a connection of its own; runs beside scanChain() on another thread.
    std::optional<VerificationFinding> checkPages() const;
    /// TextIndexCheck::readIndex() on a connection of its own (the second thread).
    void readTextIndex(TextIndexCheck &text, VerificationReport &report) const;

    bool isCancelled() const;

    ConnectionFactory m_openConnection;
    VerificationControl m_control;
};

} // namespace QmsAudit
