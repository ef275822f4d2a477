// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/event.h>
#include <qmsaudit/result.h>

#include <QString>

namespace QmsAudit::Cli {

/**
 * The use of the trail by a reading command (query, stats: trail_viewed; verify: trail_verified),
 * appended as one event to the log it read once the command has done its work, so that nothing it
 * printed counts its own record. The actor is --as, else the operating-system user.
 *
 * A log the caller cannot write is left as it is, with a note on stderr. On a writable log a
 * failed append is an error (ExitStatus::NotRecorded), never silent: auditors cannot opt out.
 * @code
 * auto use = TrailUseRecorder::create(options, Action::TrailViewed, QStringLiteral("cli query"));
 * if (!use)
 *     return Console::fail(use.error());
 * use->setAttribute(QStringLiteral("filter"), filter.describe());
 * // … open and read …
 * if (auto checked = use->check(); !checked)  // before anything is printed
 *     return Console::fail(checked.error());
 * // … print …
 * use->setAttribute(QStringLiteral("event_count"), QString::number(printed));
 * return use->record(log, toInt(ExitStatus::Ok));
 * @endcode
 */
class TrailUseRecorder
{
public:
    /// An @p action event by --as (or the operating-system user) with attribute "view" = @p view;
    /// fails (usage error) if --as is given empty.
    static Result<TrailUseRecorder> create(const CommandOptions &options, Action action, const QString &view);

    /// The log as the object of trail_* and review events, named as AuditTrail::trailObject() names it.
    static ObjectRef trailObject(const AuditLog &log);

    void setAttribute(const QString &key, const QString &value);
    /// Sets each of @p attributes (the record of a sample or an export, as the library states it).
    void setAttributes(const QMap<QString, QString> &attributes);
    /// Fails (usage error) if the event could not be recorded as it stands (an over-long --as or
    /// filter, say): call it before the command prints anything.
    Result<void> check() const;
    /**
     * Appends the event to @p log if the caller may write the log, else prints the read-only note.
     * Returns @p exitCode, the command's own verdict; ExitStatus::NotRecorded instead of success
     * if the append failed (the error is printed).
     */
    int record(AuditLog &log, int exitCode);
    /**
     * record() for a command that wrote @p out from the log @p logPath: success if the log
     * verified (or nothing was verified), else the integrity failure, printed (a PDF report
     * says so on page 1).
     */
    int recordReport(AuditLog &log, bool verified, const QString &logPath, const QString &out);

private:
    TrailUseRecorder() = default;

    /**
     * Whether the caller may write the file at @p path and create files beside it (SQLite's -wal
     * and -shm). Root passes every permission check, so for root a file or directory without any
     * write permission bit counts as read-only: `chmod a-w` keeps an archived log as it is for
     * everyone.
     */
    static bool isWritable(const QString &path);

    Event m_event;
};

} // namespace QmsAudit::Cli
