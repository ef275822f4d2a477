// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trailuserecorder.h"

#include "console.h"
#include "exitstatus.h"
#include "terminaltext.h"
#include "toolidentity.h"

#include <qmsaudit/eventvalidator.h>

#include <QFile>
#include <QFileInfo>

#include <iostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace QmsAudit::Cli {
namespace {

bool writableByCaller(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    // AT_EACCESS: the effective ids, the ones open() uses; a read-only file system fails here too.
    if (::faccessat(AT_FDCWD, native.constData(), W_OK, AT_EACCESS) != 0)
        return false;
    if (::geteuid() != 0)
        return true;
    struct stat st{};
    return ::stat(native.constData(), &st) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

} // namespace

Result<TrailUseRecorder> TrailUseRecorder::create(const CommandOptions &options, Action action, const QString &view)
{
    auto actor = options.recordedAs();
    if (!actor)
        return actor.error();
    TrailUseRecorder use;
    use.m_event.actor.id = *actor;
    use.m_event.action = action;
    use.m_event.host = ToolIdentity::host();
    use.m_event.attributes.insert(QStringLiteral("view"), view);
    return use;
}

ObjectRef TrailUseRecorder::trailObject(const AuditLog &log)
{
    return {QStringLiteral("audit_trail"), log.logId(), QString(), QFileInfo(log.path()).fileName()};
}

void TrailUseRecorder::setAttribute(const QString &key, const QString &value)
{
    m_event.attributes.insert(key, value);
}

void TrailUseRecorder::setAttributes(const QMap<QString, QString> &attributes)
{
    m_event.attributes.insert(attributes);
}

Result<void> TrailUseRecorder::check() const
{
    // The log's own reason policy is known only once it is open; record() reports a refusal.
    if (auto valid = validateEvent(m_event, {}); !valid) {
        return Error(ErrorCode::InvalidArgument,
            QStringLiteral("This use of the trail could not be recorded, so nothing is read: %1").arg(valid.error().message()));
    }
    return {};
}

int TrailUseRecorder::record(AuditLog &log, int exitCode)
{
    if (!isWritable(log.path())) {
        Console::printLine(std::cerr, QStringLiteral("qms-audit: note: the log is read-only; this use of the trail is not recorded"));
        return exitCode;
    }
    m_event.object = trailObject(log);
    if (auto appended = log.append(m_event); !appended) {
        Console::printLine(std::cerr,
            QStringLiteral("qms-audit: error: could not record the use of the trail: ") + TerminalText::escaped(appended.error().message()));
        return exitCode == toInt(ExitStatus::Ok) ? toInt(ExitStatus::NotRecorded) : exitCode;
    }
    return exitCode;
}

int TrailUseRecorder::recordReport(AuditLog &log, bool verified, const QString &logPath, const QString &out)
{
    if (verified)
        return record(log, toInt(ExitStatus::Ok));
    // The report is written and says so on page 1; the exit code tells scripts the same.
    const int failed = Console::fail(Error(ErrorCode::IntegrityFailure,
        QStringLiteral("The log %1 failed verification; the report %2 shows the findings.").arg(logPath, out)));
    return record(log, failed);
}

bool TrailUseRecorder::isWritable(const QString &path)
{
    const QFileInfo info(path);
    // SQLite keeps -wal and -shm beside the file a symbolic link points to.
    const QString file = info.canonicalFilePath().isEmpty() ? info.absoluteFilePath() : info.canonicalFilePath();
    return writableByCaller(file) && writableByCaller(QFileInfo(file).absolutePath());
}

} // namespace QmsAudit::Cli
