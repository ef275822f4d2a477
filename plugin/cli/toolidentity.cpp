// SPDX-License-Identifier: LGPL-2.1-or-later
#include "toolidentity.h"

#include <QSysInfo>

#include <cstdlib>

#include <pwd.h>
#include <unistd.h>

#ifndef QMSAUDIT_VERSION_STRING
#error "QMSAUDIT_VERSION_STRING must be defined by the build"
#endif

namespace QmsAudit::Cli {

HostInfo ToolIdentity::host()
{
    return HostInfo { QStringLiteral("qms-audit"), QStringLiteral(QMSAUDIT_VERSION_STRING), QSysInfo::machineHostName() };
}

QString ToolIdentity::systemUser()
{
    // The effective user first: $USER is only what the environment claims.
    const uid_t uid = ::geteuid();
    if (const passwd *entry = ::getpwuid(uid); entry && entry->pw_name && *entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    if (const char *user = std::getenv("USER"); user && *user)
        return QString::fromLocal8Bit(user);
    return QStringLiteral("uid:%1").arg(uid);
}

QString ToolIdentity::reportAuthor(const QString &userId)
{
    const HostInfo tool = host();
    return QStringLiteral("%1 (%2 %3 on %4)").arg(userId, tool.app, tool.version, tool.workstation);
}

} // namespace QmsAudit::Cli
