// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/eventexportwriter.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace QmsAudit {

class EventReader;

/// For exports on a worker thread (EventExportFile): stop early, and how far it got.
struct EventExportControl {
    const std::atomic_bool *cancel = nullptr; ///< set: Cancelled, and no file
    std::function<void(qint64 written)> progress; ///< after every page
    /// Events up to this seq only (0: to the end), so that the file holds what was asked for, not what came since.
    qint64 upToSeq = 0;
};

/**
 * An export written to a file whole or not at all: beside the target first and renamed when
 * complete (QSaveFile), so that a failure or a cancel leaves no partial file. What
 * `qms-audit export` and the views' exports (EventExport in QML) write; sha256() is what they
 * record in trail_exported (TrailExportRecord).
 * @code
 * auto written = QmsAudit::EventExportFile::write(*reader, filter, QmsAudit::EventExportWriter::Format::Csv,
 *                                                 QmsAudit::CsvCells::Verbatim, "q3.csv");
 * auto sha256 = QmsAudit::EventExportFile::sha256("q3.csv");
 * @endcode
 */
class QMSAUDIT_EXPORT EventExportFile
{
public:
    /// The events of @p filter, oldest first, into @p path. Returns how many were written.
    static Result<qint64> write(const EventReader &reader, const EventFilter &filter, EventExportWriter::Format format, CsvCells cells,
                                const QString &path, const EventExportControl &control = {});
    /// The events @p seqs, in that order (a drawn sample: its random picks, then its targeted ones).
    static Result<qint64> writeSeqs(const EventReader &reader, const QList<qint64> &seqs, EventExportWriter::Format format, CsvCells cells,
                                    const QString &path, const EventExportControl &control = {});
    /// SHA-256 of the file as it is on disk: what the recipient of the evidence gets.
    static Result<QByteArray> sha256(const QString &path);
};

} // namespace QmsAudit
