// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace QmsAudit {

/**
 * The body of a C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): which log (origin), how
 * many events its Merkle tree holds (tree size) and the RFC 9162 root of that tree. Signed as a
 * note (CheckpointNote), it commits the log to exactly this prefix; the root alone would not bind
 * the size. A value type; every instance is valid (built by create() or parse()).
 * @code
 * auto checkpoint = QmsAudit::Checkpoint::create(QStringLiteral("qms.example/audit"), 1234, root);
 * if (checkpoint)
 *     file.write(checkpoint->toText()); // "qms.example/audit\n1234\n<base64 root>\n"
 * @endcode
 */
class QMSAUDIT_EXPORT Checkpoint
{
public:
    static constexpr int RootHashSize = 32;

    /**
     * A checkpoint of @p treeSize leaves with root @p rootHash (32 bytes). @p origin must be
     * non-empty, and neither it nor any of the optional @p extensions may hold a newline or
     * another control character or be empty. InvalidArgument otherwise.
     */
    static Result<Checkpoint> create(QString origin, qint64 treeSize, QByteArray rootHash, QStringList extensions = {});

    /// The origin of a log's checkpoints unless the host names one: "qmsaudit/<log id>", unique
    /// per log, so that a checkpoint of one log is never taken for one of another.
    static QString defaultOrigin(const QString &logId);

    /**
     * Parses a checkpoint body strictly: UTF-8 lines each ending in a newline, no empty line,
     * the size in decimal without sign or leading zeros, the root as canonical base64 of exactly
     * 32 bytes. InvalidArgument with one sentence otherwise.
     */
    static Result<Checkpoint> parse(QByteArrayView text);

    const QString &origin() const { return m_origin; }
    qint64 treeSize() const { return m_treeSize; }
    const QByteArray &rootHash() const { return m_rootHash; }
    /// Opaque extension lines after the root, without their newlines; usually none.
    const QStringList &extensions() const { return m_extensions; }

    /// "origin\nsize\nbase64(root)\n" and one line per extension: the text a note signs.
    QByteArray toText() const;

    friend bool operator==(const Checkpoint &, const Checkpoint &) = default;

private:
    Checkpoint() = default;

    QString m_origin;
    qint64 m_treeSize = 0;
    QByteArray m_rootHash;
    QStringList m_extensions;
};

} // namespace QmsAudit
