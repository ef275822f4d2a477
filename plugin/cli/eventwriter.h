// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "commandoptions.h"

#include <qmsaudit/event.h>
#include <qmsaudit/eventexportwriter.h>
#include <qmsaudit/result.h>

#include <QFile>

#include <QList>
#include <QString>

#include <optional>
#include <ostream>
#include <vector>

namespace QmsAudit::Cli {

/**
 * Writes query results to stdout, page by page, as an aligned table or, through the core's
 * EventExportWriter, as JSON Lines or CSV. A failed write (disk full, closed pipe) is an error.
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

    /// --format (table by default) and --spreadsheet-safe (CSV only) of @p command's @p options;
    /// a command that writes files (@p withTable false) takes jsonl or csv only.
    struct Output {
        Format format = Format::Table;
        CsvCells cells = CsvCells::Verbatim;
    };
    static Result<Output> outputFromOptions(const CommandOptions &options, const QString &command, bool withTable = true);

    EventWriter(Format format, std::ostream &out, CsvCells cells = CsvCells::Verbatim);

    /// Writes @p events. The first call prints the header and, for tables, fixes the column widths.
    Result<void> write(const QList<Event> &events);
    /// Prints the header if write() never did, and flushes.
    Result<void> finish();

private:
    void writeHeader(const QList<Event> &firstPage);
    void writeTableRow(const QStringList &cells);
    void writeLine(const QString &line, const char *ending = "\n");
    Result<void> flush();

    Format m_format;
    std::ostream &m_out;
    bool m_headerWritten = false;
    std::vector<qsizetype> m_widths; ///< table column widths, fixed by the first page
    QFile m_stdout;
    std::optional<EventExportWriter> m_export; ///< JSON Lines and CSV
};

} // namespace QmsAudit::Cli
