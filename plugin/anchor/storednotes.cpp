// SPDX-License-Identifier: LGPL-2.1-or-later
#include "anchor/storednotes_p.h"

#include "checkpoint/signednote_p.h"

namespace QmsAudit {

Result<Checkpoint> StoredNotes::claimed(QByteArrayView note)
{
    auto parsed = SignedNote::parse(note);
    if (!parsed)
        return parsed.error();
    return Checkpoint::parse(parsed->text());
}

QList<QByteArray> StoredNotes::split(QByteArrayView journal)
{
    // A note holds one empty line, between its text and its signatures; the journal adds another
    // after the signatures. So empty lines alternate: text | signatures | text | signatures ...
    QList<QByteArray> notes;
    QByteArray note;
    bool inSignatures = false;
    qsizetype start = 0;
    while (start < journal.size()) {
        qsizetype end = journal.indexOf('\n', start);
        end = end < 0 ? journal.size() : end + 1;
        const QByteArrayView line = journal.sliced(start, end - start);
        start = end;
        if (line == "\n") {
            if (inSignatures) {
                notes.append(note);
                note.clear();
            } else {
                note.append(line.data(), line.size());
            }
            inSignatures = !inSignatures;
            continue;
        }
        note.append(line.data(), line.size());
    }
    if (!note.isEmpty())
        notes.append(note); // a last note without its closing empty line (an interrupted append)
    return notes;
}

std::optional<QByteArray> StoredNotes::newest(const QList<QByteArray> &notes, const QString &origin)
{
    if (const auto index = newestIndex(notes, origin))
        return notes.at(*index);
    return std::nullopt;
}

std::optional<qsizetype> StoredNotes::newestIndex(const QList<QByteArray> &notes, const QString &origin)
{
    std::optional<qsizetype> newest;
    qint64 newestSize = -1;
    for (qsizetype i = 0; i < notes.size(); ++i) {
        auto checkpoint = claimed(notes[i]);
        if (checkpoint && checkpoint->origin() == origin && checkpoint->treeSize() > newestSize) {
            newestSize = checkpoint->treeSize();
            newest = i;
        }
    }
    return newest;
}

} // namespace QmsAudit
