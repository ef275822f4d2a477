// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "testlog.h"

#include <qmsaudit/event.h>

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <optional>

namespace QmsAudit::Test {

/// What one run of qms-audit produced.
struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
    /// Non-empty lines of out (a trailing CR is stripped, for CSV).
    QStringList outLines() const;
};

/**
 * Runs the built qms-audit binary (QMSAUDIT_CLI_PATH) in a temporary directory that holds a
 * key file (mode 0600) and a log path (TestLogDir).
 */
class CliTest : public ::testing::Test
{
protected:
    /// Runs qms-audit with @p args, feeding @p input on stdin; @p environment defaults to ours.
    CliResult run(const QStringList &args, const QByteArray &input = {},
                  const std::optional<QProcessEnvironment> &environment = std::nullopt) const;
    /// {"--log", logPath, "--key-file", keyFilePath}
    QStringList logArgs() const;
    /// @p command followed by logArgs() and @p extra.
    QStringList commandArgs(const QString &command, const QStringList &extra = {}) const;

    /// `init`; the result's exit code is checked by the caller.
    CliResult initLog(const QStringList &extra = {}) const;
    /// `record` with logArgs(), a valid actor/action/object unless @p args override them; returns the seq or -1.
    qint64 record(const QStringList &args) const;
    /// Events in the log according to `verify` (-1 if verification did not succeed).
    qint64 eventCount() const;
    /// `query --all --format jsonl` plus @p filters, parsed back with eventFromJson().
    QList<Event> queryEvents(const QStringList &filters = {}) const;
    /// `import --actor importer` of @p lines (JSON Lines) into the test log.
    CliResult importLines(const QByteArray &lines) const;
    /// JSON Lines for `import`, from eventToJson() of each event.
    static QByteArray toJsonLines(const QList<Event> &events);

    QString path(const QString &name) const { return m_dir.path(name); }
    QString logPath() const { return m_dir.logPath(); }
    QString keyFilePath() const { return m_dir.keyFilePath(); }
    QString otherKeyFile() const { return m_dir.writeOtherKeyFile(); }

    TestLogDir m_dir;
};

/// Writes @p data to @p path (truncating); fails the test if it cannot.
void writeFile(const QString &path, const QByteArray &data);
/// Permission bits of @p path (st_mode & 07777), 0 if it does not exist.
unsigned fileMode(const QString &path);

} // namespace QmsAudit::Test
