// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

#include <QByteArrayView>
#include <QString>

namespace QmsAudit {

/// File operations that survive a crash, with errno-based messages ("No space left on device").
class DurableFile
{
public:
    /// Creates the file with O_EXCL and mode 0600: no race with another creator, never world-readable.
    static Result<void> createEmpty(const QString &path);
    /// Copies @p from to a new file @p to (mode 0600) and fsyncs it; removes @p to on failure.
    static Result<void> copy(const QString &from, const QString &to);
    /// rename(2) and then fsync of the directory, so the new name survives a crash.
    static Result<void> rename(const QString &from, const QString &to);
    /// unlink(2) (a missing file is fine) and fsync of the directory.
    static Result<void> remove(const QString &path);
    /// Writes @p bytes to @p path through a new file (mode 0644) renamed over it: readers see the
    /// old contents or the new, never a part. @p exclusive refuses an existing @p path instead.
    static Result<void> replace(const QString &path, QByteArrayView bytes, bool exclusive = false);
    /// Appends @p bytes to @p path (created with mode 0644) in one write(2) and fsyncs it.
    static Result<void> append(const QString &path, QByteArrayView bytes);
    /// Free bytes for an unprivileged writer on the file system holding @p path, -1 if unknown.
    static qint64 freeBytes(const QString &path);
};

} // namespace QmsAudit
