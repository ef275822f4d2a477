// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventfilter.h>

#include <qmsaudit/timestamp.h>

#include <QStringList>

namespace QmsAudit {

bool EventFilter::isEmpty() const
{
    return !fromUs && !toUs && !occurredFromUs && !occurredToUs && actorId.isEmpty() && actions.isEmpty() && objectId.isEmpty() && objectType.isEmpty()
        && !outcome && text.trimmed().isEmpty();
}

QString EventFilter::describe() const
{
    QStringList parts;
    const auto time = [&parts](const char *name, const std::optional<qint64> &us) {
        if (us)
            parts.append(QLatin1StringView(name) + u'=' + formatTimestamp(*us));
    };
    const auto text = [&parts](const char *name, const QString &value) {
        if (!value.isEmpty())
            parts.append(QLatin1StringView(name) + u'=' + value);
    };
    time("from", fromUs);
    time("to", toUs);
    time("occurred_from", occurredFromUs);
    time("occurred_to", occurredToUs);
    text("actor", actorId);
    QStringList actionNames;
    for (Action action : actions)
        actionNames.append(actionName(action));
    text("action", actionNames.join(u','));
    text("object_type", objectType);
    text("object_id", objectId);
    if (outcome)
        text("outcome", outcomeName(*outcome));
    // Quoted: free text may contain the separators.
    if (const QString words = this->text.trimmed(); !words.isEmpty())
        parts.append(QStringLiteral("text=\"%1\"").arg(words));
    return parts.isEmpty() ? QStringLiteral("all events") : parts.join(QLatin1StringView("; "));
}

} // namespace QmsAudit
