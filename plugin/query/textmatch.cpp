// SPDX-License-Identifier: LGPL-2.1-or-later
#include "query/textmatch_p.h"

#include <algorithm>

namespace QmsAudit {

TextMatch::TextMatch(const QString &searchText)
    : m_words(words(searchText))
{
}

QStringList TextMatch::words(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QStringList result;
    QString current;
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing)
            continue; // a diacritic: unicode61 removes it and keeps the word together
        if (c.isLetterOrNumber() || c.isSurrogate()) {
            current.append(c);
        } else if (!current.isEmpty()) {
            result.append(current.toLower());
            current.clear();
        }
    }
    if (!current.isEmpty())
        result.append(current.toLower());
    return result;
}

bool TextMatch::matches(const QString &title, const QString &reason) const
{
    const QStringList eventWords = words(title) + words(reason);
    for (const QString &word : m_words) {
        const bool found = std::any_of(eventWords.cbegin(), eventWords.cend(),
                                       [&word](const QString &candidate) { return candidate.startsWith(word); });
        if (!found)
            return false;
    }
    return true;
}

} // namespace QmsAudit
