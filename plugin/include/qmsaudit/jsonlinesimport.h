// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/auditlog.h>
#include <qmsaudit/event.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QString>

class QIODevice;

namespace QmsAudit {

/// What an import appended, and the trail_imported event that records it.
struct ImportReport {
    qint64 imported = 0;       ///< events taken from the input
    qint64 firstSeq = 0;       ///< their seqs (0 when none)
    qint64 lastSeq = 0;
    qint64 importEventSeq = 0; ///< the trail_imported event, in the same transaction
    QByteArray inputSha256;    ///< of every byte read, as a file checksum tool would compute it
};

/**
 * Imports history written as JSON Lines (docs/export-format.md) into a log: one event per
 * line, streamed (memory stays bounded however long the input) into ONE transaction, so that
 * either every line is appended or none is. The receiving log assigns its own seq, time and
 * hash; the event's original recorded_at becomes its occurred_at.
 *
 * Refused, naming the line: invalid JSON, duplicate keys, events the log's policy or limits
 * refuse, and actions only the library writes (isLibraryOnlyAction()). A trail_imported event
 * by @p importer closes the import (count, seq range, the input's SHA-256); a failed import
 * is recorded too, as a failed trail_imported event, after the rollback.
 * @code
 * QFile input("history.jsonl");
 * input.open(QIODevice::ReadOnly);
 * auto report = QmsAudit::JsonLinesImport(*log, {"u7", "Quality admin"}, "history.jsonl").run(input);
 * @endcode
 */
class QMSAUDIT_EXPORT JsonLinesImport
{
public:
    /// The longest line accepted: room for the largest valid event with every character escaped.
    static constexpr qint64 MaxLineBytes = 32 * 1024 * 1024;

    JsonLinesImport(AuditLog &log, Actor importer, QString sourceName, QString reason = {});

    Result<ImportReport> run(QIODevice &input);

private:
    Event importEvent(Outcome outcome) const;

    AuditLog &m_log;
    Actor m_importer;
    QString m_sourceName;
    QString m_reason;
};

} // namespace QmsAudit
