// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandcatalog.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/keyprovider.h>
#include <qmsaudit/result.h>

#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace QmsAudit::Cli {

/// The key provider and the log opened with it; the provider must outlive the log.
struct OpenedLog {
    std::unique_ptr<KeyProvider> keys;
    std::unique_ptr<AuditLog> log;
};

/// The options given to one command, with the checks every command shares.
class CommandOptions
{
public:
    using Values = std::map<std::string, std::vector<std::string>>;

    CommandOptions(const CommandSpec &command, Values values);

    const CommandSpec &command() const { return m_command; }
    bool isSet(const char *name) const;
    /// The (last) value of option --@p name, empty if not given.
    QString value(const char *name) const;
    QStringList values(const char *name) const;
    /// Fails with a usage message if option --@p name is missing or empty.
    Result<QString> requiredValue(const char *name) const;
    /// --from/--to as a time range; fails if either is malformed or from lies after to.
    Result<std::pair<std::optional<qint64>, std::optional<qint64>>> timeRange() const;
    /// Who is recorded as acting: --as (not empty), else the operating-system user.
    Result<QString> recordedAs() const;
    /// The filter options (--from, --to, --occurred-from/-to, --actor, --action, --object-id,
    /// --object-type, --outcome, --text) as a filter; fails with a usage error on a bad value.
    Result<EventFilter> eventFilter() const;

    /// The provider named by --@p fileOption or --@p envOption (exactly one must be given).
    Result<std::unique_ptr<KeyProvider>> keyProvider(const char *fileOption, const char *envOption) const;
    /// Opens --log with the key from --key-file/--passphrase-env.
    Result<OpenedLog> openLog() const;

    /// For options that must name a new file: true for a dangling symlink too.
    static bool pathExists(const QString &path);

private:
    const CommandSpec &m_command;
    Values m_values;
};

} // namespace QmsAudit::Cli
