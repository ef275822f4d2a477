// SPDX-License-Identifier: LGPL-2.1-or-later
#include "export/linereader_p.h"

#include <QIODevice>

#include <algorithm>

namespace QmsAudit {
namespace {
constexpr qsizetype kChunkBytes = 1 << 16;
} // namespace

LineReader::LineReader(QIODevice &input, qint64 maxLineBytes)
    : m_input(input)
    , m_maxLineBytes(maxLineBytes)
{
}

Result<std::optional<QByteArray>> LineReader::next()
{
    while (true) {
        const qsizetype newline = m_buffer.indexOf('\n', m_scanned);
        if (newline >= 0 || m_atEnd) {
            if (newline < 0 && m_buffer.isEmpty())
                return std::optional<QByteArray>();
            const qsizetype length = newline >= 0 ? newline + 1 : m_buffer.size();
            QByteArray line = m_buffer.first(length);
            m_buffer.remove(0, length);
            m_scanned = 0;
            return finish(std::move(line));
        }
        m_scanned = m_buffer.size();
        if (m_buffer.size() > m_maxLineBytes) {
            ++m_lineNumber;
            return tooLong();
        }
        const qsizetype filled = m_buffer.size();
        m_buffer.resize(filled + kChunkBytes);
        const qint64 n = m_input.read(m_buffer.data() + filled, kChunkBytes);
        m_buffer.resize(filled + std::max<qint64>(n, 0));
        if (n < 0)
            return Error(ErrorCode::IoError, QStringLiteral("Cannot read the input: %1.").arg(m_input.errorString()));
        m_atEnd = n == 0; // a blocking read returns 0 only at the end of the input
    }
}

Error LineReader::tooLong() const
{
    const qint64 mib = m_maxLineBytes >> 20;
    return Error(ErrorCode::InvalidArgument, mib > 0 ? QStringLiteral("The line is longer than %1 MiB; no valid event is that long.").arg(mib)
                                                     : QStringLiteral("The line is longer than %1 bytes.").arg(m_maxLineBytes));
}

Result<std::optional<QByteArray>> LineReader::finish(QByteArray line)
{
    ++m_lineNumber;
    m_hash.addData(line);
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.size() > m_maxLineBytes) // also when the whole line arrived within one chunk
        return tooLong();
    if (m_lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    return std::optional<QByteArray>(std::move(line));
}

} // namespace QmsAudit
