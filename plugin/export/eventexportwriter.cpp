// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventexportwriter.h>

#include <qmsaudit/eventjson.h>

#include <QIODevice>
#include <QJsonDocument>

namespace QmsAudit {

EventExportWriter::EventExportWriter(Format format, QIODevice &device, CsvCells cells)
    : m_format(format)
    , m_device(device)
    , m_cells(cells)
{
}

Result<void> EventExportWriter::writeBytes(const QByteArray &bytes)
{
    if (!m_device.isWritable())
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write the exported events: the device is not open for writing."));
    if (m_device.write(bytes) != bytes.size()) {
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write the exported events: %1.").arg(m_device.errorString()));
    }
    return {};
}

Result<void> EventExportWriter::write(const Event &event)
{
    if (m_format == Format::JsonLines)
        return writeBytes(QJsonDocument(eventToJson(event)).toJson(QJsonDocument::Compact) + '\n');
    if (auto header = finish(); !header)
        return header;
    return writeBytes(eventToCsvRow(event, m_cells).toUtf8() + "\r\n");
}

Result<void> EventExportWriter::finish()
{
    if (m_format != Format::Csv || m_headerWritten)
        return {};
    m_headerWritten = true;
    return writeBytes(csvHeader().join(QLatin1Char(',')).toUtf8() + "\r\n");
}

} // namespace QmsAudit
