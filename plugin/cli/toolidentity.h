// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>

namespace QmsAudit::Cli {

/// Where qms-audit runs: the host of every event the tool records.
class ToolIdentity
{
public:
    /// App "qms-audit", the tool's version and this machine's host name.
    static HostInfo host();
};

} // namespace QmsAudit::Cli
