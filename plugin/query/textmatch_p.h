// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace QmsAudit {

/**
 * Checks a text-index hit against the event itself. The full-text index is a separate table
 * that someone with the key could edit (docs/queries.md): a planted row would make a search
 * return an event that does not contain the words. Each search word must be a prefix of a word
 * of the title or the reason, compared the way SQLite's unicode61 tokenizer compares: case
 * folded, diacritics removed (canonical decomposition only: "½" stays "½", as in unicode61).
 */
class TextMatch
{
public:
    explicit TextMatch(const QString &searchText);

    bool isEmpty() const { return m_words.isEmpty(); }
    bool matches(const QString &title, const QString &reason) const;

    /// Lower case, no diacritics, split into runs of letters and digits.
    static QStringList words(const QString &text);

private:
    QStringList m_words;
};

} // namespace QmsAudit
