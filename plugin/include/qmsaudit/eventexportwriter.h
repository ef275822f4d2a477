// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/eventjson.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

class QIODevice;

namespace QmsAudit {

/**
 * Writes events in an export format to any QIODevice (a file, a socket, a buffer, stdout):
 * JSON Lines (eventToJson(), one compact object per line, what `import` reads back) or CSV
 * (RFC 4180, CRLF line ends, csvHeader() first). See docs/export-format.md.
 * @code
 * QFile file("evidence.csv");
 * file.open(QIODevice::WriteOnly);
 * QmsAudit::EventExportWriter writer(QmsAudit::EventExportWriter::Format::Csv, file);
 * for (const auto &event : page.events)
 *     if (auto written = writer.write(event); !written)
 *         return written.error();   // disk full, closed pipe: never silently short
 * writer.finish();                   // the CSV header even when nothing matched
 * @endcode
 */
class QMSAUDIT_EXPORT EventExportWriter
{
public:
    enum class Format { JsonLines, Csv };

    /// @p cells applies to CSV: verbatim (the default), or safe to open in a spreadsheet.
    EventExportWriter(Format format, QIODevice &device, CsvCells cells = CsvCells::Verbatim);

    /// Appends one event (the CSV header first, once). IoError if the device refuses the bytes.
    Result<void> write(const Event &event);
    /// Writes the CSV header if no event was written.
    Result<void> finish();

private:
    Result<void> writeBytes(const QByteArray &bytes);

    Format m_format;
    QIODevice &m_device;
    CsvCells m_cells;
    bool m_headerWritten = false;
};

} // namespace QmsAudit
