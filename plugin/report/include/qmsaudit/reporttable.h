// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_report_export.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace QmsAudit {

/**
 * A table of a report: titled columns with relative widths and rows of plain-text cells. A cell
 * may hold several lines ('\n'); long text wraps within its column, never clipped. In the PDF
 * a table breaks across pages between rows (a row taller than a page between its lines) and
 * repeats its column titles at the top of every page it reaches.
 * @code
 * QmsAudit::ReportTable table({{"Seq", 1}, {"Actor", 2}, {"Reason", 5}});
 * table.addRow({"17", "u42\nAda Lovelace", "Annual review"});
 * document.addSection(QmsAudit::ReportSection::table(table));
 * @endcode
 */
class QMSAUDIT_REPORT_EXPORT ReportTable
{
public:
    struct Column {
        QString title;
        qreal weight = 1; ///< share of the table's width, relative to the other columns
    };

    ReportTable() = default;
    explicit ReportTable(QList<Column> columns);

    const QList<Column> &columns() const { return m_columns; }
    /// Adds a row; missing cells are empty, cells beyond the columns are dropped.
    void addRow(QStringList cells);
    const QList<QStringList> &rows() const { return m_rows; }

private:
    QList<Column> m_columns;
    QList<QStringList> m_rows;
};

} // namespace QmsAudit
