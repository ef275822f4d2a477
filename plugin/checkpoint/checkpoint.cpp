// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpoint.h>

#include <limits>
#include <optional>

namespace QmsAudit {
namespace {

Error invalid(const QString &sentence)
{
    return Error(ErrorCode::InvalidArgument, sentence);
}

/// A line of the body: non-empty, no newline, no other control character (a signed note allows none).
bool isValidLine(const QString &line)
{
    if (line.isEmpty())
        return false;
    for (const QChar c : line) {
        if (c.unicode() < 0x20)
            return false;
    }
    return true;
}

/// The tree size exactly as tlog-checkpoint writes it: ASCII digits, no sign, no leading zero.
std::optional<qint64> parseTreeSize(QByteArrayView digits)
{
    if (digits.isEmpty() || (digits.size() > 1 && digits[0] == '0'))
        return std::nullopt;
    qint64 value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

} // namespace

QString Checkpoint::defaultOrigin(const QString &logId)
{
    return QStringLiteral("qmsaudit/") + logId;
}

Result<Checkpoint> Checkpoint::create(QString origin, qint64 treeSize, QByteArray rootHash, QStringList extensions)
{
    if (origin.isEmpty())
        return invalid(QStringLiteral("A checkpoint needs a non-empty origin."));
    if (!isValidLine(origin))
        return invalid(QStringLiteral("The checkpoint origin must not contain a newline or another control character."));
    if (treeSize < 0)
        return invalid(QStringLiteral("A checkpoint's tree size cannot be negative (%1).").arg(treeSize));
    if (rootHash.size() != RootHashSize)
        return invalid(QStringLiteral("A checkpoint's root hash has 32 bytes, not %1.").arg(rootHash.size()));
    for (const QString &extension : extensions) {
        if (!isValidLine(extension))
            return invalid(QStringLiteral("A checkpoint extension line must be non-empty and without newline or control characters."));
    }
    Checkpoint checkpoint;
    checkpoint.m_origin = std::move(origin);
    checkpoint.m_treeSize = treeSize;
    checkpoint.m_rootHash = std::move(rootHash);
    checkpoint.m_extensions = std::move(extensions);
    return checkpoint;
}

Result<Checkpoint> Checkpoint::parse(QByteArrayView text)
{
    if (text.isEmpty() || !text.endsWith('\n'))
        return invalid(QStringLiteral("The checkpoint text does not end with a newline."));
    if (QString::fromUtf8(text).toUtf8() != text)
        return invalid(QStringLiteral("The checkpoint text is not valid UTF-8."));
    const QList<QByteArrayView> lines = [&] {
        QList<QByteArrayView> result;
        QByteArrayView rest = text;
        while (!rest.isEmpty()) {
            const qsizetype end = rest.indexOf('\n');
            result.append(rest.first(end));
            rest = rest.sliced(end + 1);
        }
        return result;
    }();
    if (lines.size() < 3) {
        return invalid(QStringLiteral("The checkpoint has %1 line(s); it needs at least three: origin, tree size and root hash.")
                           .arg(lines.size()));
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            return invalid(QStringLiteral("Line %1 of the checkpoint is empty.").arg(i + 1));
    }
    const std::optional<qint64> size = parseTreeSize(lines[1]);
    if (!size) {
        return invalid(QStringLiteral("The checkpoint's tree size is not a decimal number without sign or leading zeros that fits 63 bits."));
    }
    const QByteArray base64 = lines[2].toByteArray();
    const auto root = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!root || root.decoded.toBase64() != base64)
        return invalid(QStringLiteral("The checkpoint's root hash is not canonical base64."));
    if (root.decoded.size() != RootHashSize)
        return invalid(QStringLiteral("The checkpoint's root hash has %1 bytes; it must have 32.").arg(root.decoded.size()));
    QStringList extensions;
    for (qsizetype i = 3; i < lines.size(); ++i)
        extensions.append(QString::fromUtf8(lines[i]));
    // create() applies the remaining rules (control characters in the origin and extensions).
    return create(QString::fromUtf8(lines[0]), *size, root.decoded, std::move(extensions));
}

QByteArray Checkpoint::toText() const
{
    QByteArray text = m_origin.toUtf8();
    text += '\n';
    text += QByteArray::number(m_treeSize);
    text += '\n';
    text += m_rootHash.toBase64();
    text += '\n';
    for (const QString &extension : m_extensions) {
        text += extension.toUtf8();
        text += '\n';
    }
    return text;
}

} // namespace QmsAudit
