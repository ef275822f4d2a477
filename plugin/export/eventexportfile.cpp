// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventexportfile.h>

#include <qmsaudit/eventreader.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>

namespace QmsAudit {
namespace {

constexpr int kPageSize = 1000;

bool isCancelled(const EventExportControl &control)
{
    return control.cancel && control.cancel->load();
}

Error cancelled(const QString &path)
{
    return Error(ErrorCode::Cancelled, QStringLiteral("The export to %1 was cancelled; no file was written.").arg(path));
}

/// Opens @p path as a QSaveFile, lets @p fill write the events, and commits only when it succeeded.
Result<qint64> writeWhole(const QString &path, EventExportWriter::Format format, CsvCells cells,
                          const std::function<Result<qint64>(EventExportWriter &)> &fill)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot create %1: %2.").arg(path, file.errorString()));
    EventExportWriter writer(format, file, cells);
    auto written = fill(writer);
    if (!written)
        return written; // QSaveFile's destructor discards what was written
    if (auto finished = writer.finish(); !finished)
        return finished.error();
    if (!file.commit())
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    return written;
}

} // namespace

Result<qint64> EventExportFile::write(const EventReader &reader, const EventFilter &filter, EventExportWriter::Format format, CsvCells cells,
                                      const QString &path, const EventExportControl &control)
{
    return writeWhole(path, format, cells, [&](EventExportWriter &writer) -> Result<qint64> {
        PageRequest page{0, kPageSize};
        if (control.upToSeq > 0)
            page.beforeSeq = control.upToSeq + 1;
        qint64 written = 0;
        while (true) {
            if (isCancelled(control))
                return cancelled(path);
            auto result = reader.query(filter, page);
            if (!result)
                return result.error();
            for (const Event &event : std::as_const(result->events)) {
                if (auto done = writer.write(event); !done)
                    return done.error();
            }
            written += result->events.size();
            if (control.progress)
                control.progress(written);
            if (!result->hasMore)
                return written;
            page.afterSeq = result->nextAfterSeq;
        }
    });
}

Result<qint64> EventExportFile::writeSeqs(const EventReader &reader, const QList<qint64> &seqs, EventExportWriter::Format format, CsvCells cells,
                                          const QString &path, const EventExportControl &control)
{
    return writeWhole(path, format, cells, [&](EventExportWriter &writer) -> Result<qint64> {
        qint64 written = 0;
        for (qint64 seq : seqs) {
            if (isCancelled(control))
                return cancelled(path);
            auto event = reader.eventAt(seq);
            if (!event)
                return event.error();
            if (auto done = writer.write(*event); !done)
                return done.error();
            ++written;
            if (control.progress && written % kPageSize == 0)
                control.progress(written);
        }
        if (control.progress)
            control.progress(written);
        return written;
    });
}

Result<QByteArray> EventExportFile::sha256(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot read back %1: %2.").arg(path, file.errorString()));
    return hash.result();
}

} // namespace QmsAudit
