// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>

#include <QString>

namespace QmsAudit::Cli {

/// Who runs qms-audit and where: what the tool puts into the events it records.
class ToolIdentity
{
public:
    /// App "qms-audit", the tool's version and this machine's host name.
    static HostInfo host();
    /**
     * The name of the effective operating-system user (the password database), else $USER, else
     * "uid:<n>": the actor of a use of the trail when no one is named on the command line.
     */
    static QString systemUser();
    /// Who made a report, as its page 1 states it: "@p userId (qms-audit <version> on <host>)".
    static QString reportAuthor(const QString &userId);
};

} // namespace QmsAudit::Cli
