// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventwriter.h"

#include "terminaltext.h"

#include <qmsaudit/timestamp.h>

#include <QStringList>

#include <algorithm>

namespace QmsAudit::Cli {
namespace {

enum Column { Seq, RecordedAt, ActorColumn, ActionColumn, ObjectColumn, OutcomeColumn, Reason, ColumnCount };

/// Upper bounds for the table's column widths; longer cells are cut with an ellipsis.
constexpr qsizetype kMaxWidth[ColumnCount] = {20, 27, 24, 20, 40, 7, 0};

QString objectCell(const ObjectRef &object)
{
    QString cell = object.type + QLatin1Char(':') + object.id;
    if (!object.version.isEmpty())
        cell += QLatin1Char('@') + object.version;
    return cell;
}

QStringList tableCells(const Event &event)
{
    return {
        QString::number(event.seq),
        formatTimestamp(event.recordedAtUs),
        TerminalText::blanked(event.actor.id),
        actionName(event.action),
        TerminalText::blanked(objectCell(event.object)),
        outcomeName(event.outcome),
        TerminalText::blanked(event.reason),
    };
}

QStringList tableHeader()
{
    return {QStringLiteral("SEQ"), QStringLiteral("RECORDED_AT"), QStringLiteral("ACTOR"), QStringLiteral("ACTION"),
            QStringLiteral("OBJECT"), QStringLiteral("OUTCOME"), QStringLiteral("REASON")};
}

} // namespace

std::optional<EventWriter::Format> EventWriter::formatFromName(const QString &name)
{
    if (name == QLatin1String("table"))
        return Format::Table;
    if (name == QLatin1String("jsonl"))
        return Format::Jsonl;
    if (name == QLatin1String("csv"))
        return Format::Csv;
    return std::nullopt;
}

Result<EventWriter::Output> EventWriter::outputFromOptions(const CommandOptions &options, const QString &command, bool withTable)
{
    Output output;
    if (options.isSet("format")) {
        const auto parsed = formatFromName(options.value("format"));
        if (!parsed || (!withTable && *parsed == Format::Table)) {
            return Error(ErrorCode::InvalidArgument, QStringLiteral("Unknown format '%1' for %2; use %3.")
                                                         .arg(options.value("format"), command,
                                                              withTable ? QStringLiteral("table, jsonl or csv") : QStringLiteral("jsonl or csv")));
        }
        output.format = *parsed;
    }
    if (options.isSet("spreadsheet-safe")) {
        if (output.format != Format::Csv)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("--spreadsheet-safe applies to --format csv only."));
        output.cells = CsvCells::SpreadsheetSafe;
    }
    return output;
}

EventWriter::EventWriter(Format format, std::ostream &out, CsvCells cells)
    : m_format(format)
    , m_out(out)
{
    if (m_format != Format::Table) {
        // The export formats come from the core; stdout through C stdio, which std::cout shares.
        m_stdout.open(stdout, QIODevice::WriteOnly);
        m_export.emplace(m_format == Format::Jsonl ? EventExportWriter::Format::JsonLines : EventExportWriter::Format::Csv, m_stdout, cells);
    }
}

Result<void> EventWriter::write(const QList<Event> &events)
{
    if (m_export) {
        for (const Event &event : events) {
            if (auto written = m_export->write(event); !written)
                return written;
        }
        return flush();
    }
    if (!m_headerWritten)
        writeHeader(events);
    for (const Event &event : events)
        writeTableRow(tableCells(event));
    return flush();
}

Result<void> EventWriter::finish()
{
    if (m_export) {
        if (auto finished = m_export->finish(); !finished)
            return finished;
        return flush();
    }
    if (!m_headerWritten)
        writeHeader({});
    return flush();
}

Result<void> EventWriter::flush()
{
    if (m_export && !m_stdout.flush())
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write to standard output: %1.").arg(m_stdout.errorString()));
    m_out.flush();
    if (!m_out)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write to standard output."));
    return {};
}

void EventWriter::writeHeader(const QList<Event> &firstPage)
{
    m_headerWritten = true;
    switch (m_format) {
    case Format::Jsonl:
    case Format::Csv:
        return; // written by EventExportWriter
    case Format::Table: {
        const QStringList header = tableHeader();
        m_widths.assign(ColumnCount, 0);
        for (int column = 0; column < ColumnCount; ++column)
            m_widths[column] = header.at(column).size();
        for (const Event &event : firstPage) {
            const QStringList cells = tableCells(event);
            for (int column = 0; column < ColumnCount; ++column)
                m_widths[column] = std::max(m_widths[column], cells.at(column).size());
        }
        for (int column = 0; column < ColumnCount; ++column) {
            if (kMaxWidth[column] > 0)
                m_widths[column] = std::min(m_widths[column], kMaxWidth[column]);
        }
        writeTableRow(header);
        return;
    }
    }
}

void EventWriter::writeTableRow(const QStringList &cells)
{
    QString line;
    for (int column = 0; column < ColumnCount; ++column) {
        QString cell = cells.at(column);
        if (column == Reason) {
            line += cell;
            break;
        }
        const qsizetype width = m_widths[column];
        if (kMaxWidth[column] > 0 && cell.size() > kMaxWidth[column])
            cell = cell.left(kMaxWidth[column] - 1) + QChar(0x2026);
        line += column == Seq ? cell.rightJustified(width) : cell.leftJustified(width);
        line += QStringLiteral("  ");
    }
    // Rows without a reason would otherwise end in padding.
    while (line.endsWith(QLatin1Char(' ')))
        line.chop(1);
    writeLine(line);
}

void EventWriter::writeLine(const QString &line, const char *ending)
{
    const QByteArray utf8 = line.toUtf8();
    m_out.write(utf8.constData(), utf8.size());
    m_out << ending;
}

} // namespace QmsAudit::Cli
