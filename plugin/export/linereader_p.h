// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

#include <QByteArray>
#include <QCryptographicHash>

#include <optional>

class QIODevice;

namespace QmsAudit {

/// Reads lines from a device in chunks, hashing every byte and counting lines (blank ones too).
/// Holds at most one line plus one chunk, so memory stays bounded however long the input.
class LineReader
{
public:
    explicit LineReader(QIODevice &input, qint64 maxLineBytes);

    /// The next line without its line end; std::nullopt at the end of the input.
    Result<std::optional<QByteArray>> next();

    qint64 lineNumber() const { return m_lineNumber; }
    /// SHA-256 of every byte read so far: of the whole input once next() returned std::nullopt.
    QByteArray sha256() const { return m_hash.result(); }

private:
    Result<std::optional<QByteArray>> finish(QByteArray line);
    Error tooLong() const;

    QIODevice &m_input;
    const qint64 m_maxLineBytes;
    QByteArray m_buffer;
    qsizetype m_scanned = 0; ///< bytes of m_buffer known to hold no newline
    bool m_atEnd = false;
    qint64 m_lineNumber = 0;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

} // namespace QmsAudit
