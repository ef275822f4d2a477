// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmltextdiff.h"

#include <QRegularExpression>

#include <vector>

namespace QmsAudit {
namespace {

/// Words with the spaces that follow them, so that pieces join back into the text.
QStringList tokens(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\S+\\s*|\\s+"));
    QStringList list;
    for (auto it = word.globalMatch(text); it.hasNext();)
        list.append(it.next().captured());
    return list;
}

void appendPiece(QVariantList &pieces, const QString &text, const QString &kind)
{
    if (!pieces.isEmpty()) {
        QVariantMap last = pieces.last().toMap();
        if (last.value(QStringLiteral("kind")).toString() == kind) {
            last[QStringLiteral("text")] = last.value(QStringLiteral("text")).toString() + text;
            pieces.last() = last;
            return;
        }
    }
    pieces.append(QVariantMap{{QStringLiteral("text"), text}, {QStringLiteral("kind"), kind}});
}

} // namespace

QmlTextDiff::QmlTextDiff(QObject *parent)
    : QObject(parent)
{
}

QVariantList QmlTextDiff::words(const QString &oldText, const QString &newText) const
{
    const QStringList a = tokens(oldText);
    const QStringList b = tokens(newText);
    const QString same = QStringLiteral("same"), removed = QStringLiteral("removed"), added = QStringLiteral("added");
    QVariantList pieces;
    if (a.size() > MaxWords || b.size() > MaxWords) {
        if (!oldText.isEmpty())
            appendPiece(pieces, oldText, removed);
        if (!newText.isEmpty())
            appendPiece(pieces, newText, added);
        return pieces;
    }
    // Longest common subsequence of words (trailing spaces ignored), table filled from the end.
    const auto key = [](const QString &token) { return QStringView(token).trimmed(); };
    const qsizetype n = a.size(), m = b.size();
    std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
    const auto at = [&](qsizetype i, qsizetype j) -> int & { return lcs[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = key(a[i]) == key(b[j]) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        if (key(a[i]) == key(b[j])) {
            appendPiece(pieces, b[j], same);
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            appendPiece(pieces, a[i++], removed);
        } else {
            appendPiece(pieces, b[j++], added);
        }
    }
    for (; i < n; ++i)
        appendPiece(pieces, a[i], removed);
    for (; j < m; ++j)
        appendPiece(pieces, b[j], added);
    return pieces;
}

QString QmlTextDiff::html(const QString &oldText, const QString &newText, const QString &removedColor, const QString &addedColor) const
{
    QString html;
    QString previousKind;
    for (const QVariant &piece : words(oldText, newText)) {
        const QVariantMap map = piece.toMap();
        const QString text = map.value(QStringLiteral("text")).toString().toHtmlEscaped();
        const QString kind = map.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1StringView("removed"))
            html += QStringLiteral("<s style=\"background-color:%1\">%2</s>").arg(removedColor, text);
        else if (kind == QLatin1StringView("added"))
            // An arrow between what was replaced and what replaced it: "255 → 256", not "255256".
            html += (previousKind == QLatin1StringView("removed") ? QStringLiteral(" → ") : QString())
                + QStringLiteral("<span style=\"background-color:%1\">%2</span>").arg(addedColor, text);
        else
            html += text;
        previousKind = kind;
    }
    return html;
}

} // namespace QmsAudit
