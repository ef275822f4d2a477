// SPDX-License-Identifier: LGPL-2.1-or-later
#include "eventcells_p.h"

#include <qmsaudit/timestamp.h>

#include <QStringList>

namespace QmsAudit {
namespace {

QString twoLineTimestamp(qint64 us)
{
    return formatTimestamp(us).replace(QLatin1Char('T'), QLatin1Char('\n'));
}

/// An empty old value (a field set for the first time) must not read like a missing one.
QString valueText(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("(empty)") : value;
}

} // namespace

QList<ReportTable::Column> EventCells::leadingColumns()
{
    return { { QStringLiteral("Seq"), 0.55 }, { QStringLiteral("Recorded at (UTC)"), 1.5 }, { QStringLiteral("Actor"), 1.2 },
        { QStringLiteral("Action"), 1.4 } }; // "permission_change" on one line
}

QString EventCells::recordedAt(const Event &event)
{
    QString cell = twoLineTimestamp(event.recordedAtUs);
    if (event.occurredAtUs && *event.occurredAtUs != event.recordedAtUs)
        cell += QStringLiteral("\noccurred\n") + twoLineTimestamp(*event.occurredAtUs);
    return cell;
}

QString EventCells::actor(const Event &event)
{
    return event.actor.name.isEmpty() ? event.actor.id : event.actor.id + QLatin1Char('\n') + event.actor.name;
}

QString EventCells::object(const Event &event)
{
    QString cell = event.object.type + QLatin1Char(' ') + event.object.id;
    if (!event.object.version.isEmpty())
        cell += QStringLiteral(" @") + event.object.version;
    if (!event.object.title.isEmpty())
        cell += QLatin1Char('\n') + event.object.title;
    return cell;
}

QString EventCells::changesAndSignature(const Event &event)
{
    QStringList lines;
    for (const FieldChange &change : event.changes)
        lines.append(QStringLiteral("%1: %2 → %3").arg(change.field, valueText(change.oldValue), valueText(change.newValue)));
    if (!event.signatureMeaning.isEmpty())
        lines.append(QStringLiteral("signed: ") + event.signatureMeaning);
    return lines.join(QLatin1Char('\n'));
}

} // namespace QmsAudit
