// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/trailexportrecord.h>

namespace QmsAudit {

QString TrailExportRecord::formatName(EventExportWriter::Format format, CsvCells cells)
{
    if (format == EventExportWriter::Format::JsonLines)
        return QStringLiteral("jsonl");
    return cells == CsvCells::SpreadsheetSafe ? QStringLiteral("csv-spreadsheet-safe") : QStringLiteral("csv");
}

QMap<QString, QString> TrailExportRecord::attributes() const
{
    QMap<QString, QString> attributes;
    if (sample)
        attributes = sample->recordedAttributes();
    attributes.insert(QStringLiteral("filter"), sample ? sample->request.filter.describe() : filter.describe());
    attributes.insert(QStringLiteral("format"), format);
    attributes.insert(QStringLiteral("file"), fileName);
    attributes.insert(QStringLiteral("event_count"), QString::number(eventCount));
    if (!sha256.isEmpty())
        attributes.insert(QStringLiteral("sha256"), QString::fromLatin1(sha256.toHex()));
    if (!report.isEmpty())
        attributes.insert(QStringLiteral("report"), report);
    if (verified)
        attributes.insert(QStringLiteral("verification"), *verified ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (treeSize)
        attributes.insert(QStringLiteral("tree_size"), QString::number(*treeSize));
    if (!origin.isEmpty())
        attributes.insert(QStringLiteral("origin"), origin);
    return attributes;
}

} // namespace QmsAudit
