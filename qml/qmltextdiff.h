// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace QmsAudit {

/**
 * The `TextDiff` singleton: the difference between an old and a new value, word by word, so that
 * a details pane can highlight what a change replaced instead of showing two long strings.
 */
class QmlTextDiff : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(TextDiff)
    QML_SINGLETON

public:
    /// Beyond this many words on either side the diff is the whole old value removed, the whole new added.
    static constexpr int MaxWords = 2000;

    explicit QmlTextDiff(QObject *parent = nullptr);

    /**
     * [{text, kind}] with kind "same", "removed" or "added", in reading order; the spaces between
     * words stay in the pieces, so joining every text but the removed ones gives @p newText.
     */
    Q_INVOKABLE QVariantList words(const QString &oldText, const QString &newText) const;
    /// The same pieces as rich text: removed struck through on @p removedColor, added on @p addedColor.
    Q_INVOKABLE QString html(const QString &oldText, const QString &newText, const QString &removedColor, const QString &addedColor) const;
};

} // namespace QmsAudit
