// SPDX-License-Identifier: LGPL-2.1-or-later
#include "toolidentity.h"

#include <QSysInfo>

#ifndef QMSAUDIT_VERSION_STRING
#error "QMSAUDIT_VERSION_STRING must be defined by the build"
#endif

namespace QmsAudit::Cli {

HostInfo ToolIdentity::host()
{
    return HostInfo { QStringLiteral("qms-audit"), QStringLiteral(QMSAUDIT_VERSION_STRING), QSysInfo::machineHostName() };
}

} // namespace QmsAudit::Cli
