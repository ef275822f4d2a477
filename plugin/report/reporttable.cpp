// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/reporttable.h>

namespace QmsAudit {

ReportTable::ReportTable(QList<Column> columns) : m_columns(std::move(columns)) { }

void ReportTable::addRow(QStringList cells)
{
    // Fixed to the column count here, so that layout never has to guess what a cell belongs to.
    cells.resize(m_columns.size());
    m_rows.append(std::move(cells));
}

} // namespace QmsAudit
