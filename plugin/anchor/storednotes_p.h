// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace QmsAudit {

/// Reading checkpoint notes back from where sinks keep them, before any signature is checked.
class StoredNotes
{
public:
    /// The checkpoint a note claims to carry: its body parsed, its signatures not yet checked.
    static Result<Checkpoint> claimed(QByteArrayView note);
    /// The notes of a journal written by FileCheckpointSink: each note, then an empty line.
    static QList<QByteArray> split(QByteArrayView journal);
    /// Of @p notes, the one with the largest tree size among those of @p origin; notes that do not
    /// parse are skipped (a torn last append must not hide the checkpoints before it).
    static std::optional<QByteArray> newest(const QList<QByteArray> &notes, const QString &origin);
    /// The same choice as newest(), as an index into @p notes.
    static std::optional<qsizetype> newestIndex(const QList<QByteArray> &notes, const QString &origin);
};

} // namespace QmsAudit
