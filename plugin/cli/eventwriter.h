// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>

#include <QList>
#include <QString>

#include <optional>
#include <ostream>
#include <vector>

namespace QmsAudit::Cli {

/**
 * Writes query results to a stream, page by page, as an aligned table, JSON Lines (the export
 * JSON form, one compact object per line) or CSV (RFC 4180, CRLF line ends).
 * @code
 * EventWriter writer(EventWriter::Format::Csv, std::cout);
 * writer.write(page.events); // header first, then rows
 * writer.finish();           // header even when nothing matched
 * @endcode
 */
class EventWriter
{
public:
    enum class Format { Table, Jsonl, Csv };

    /// "table", "jsonl" or "csv".
    static std::optional<Format> formatFromName(const QString &name);

    EventWriter(Format format, std::ostream &out);

    /// Writes @p events. The first call prints the header and, for tables, fixes the column widths.
    void write(const QList<Event> &events);
    /// Prints the header if write() never did, and flushes.
    void finish();

private:
    void writeHeader(const QList<Event> &firstPage);
    void writeTableRow(const QStringList &cells);
    void writeLine(const QString &line, const char *ending = "\n");

    Format m_format;
    std::ostream &m_out;
    bool m_headerWritten = false;
    std::vector<qsizetype> m_widths; ///< table column widths, fixed by the first page
};

} // namespace QmsAudit::Cli
