// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/documenttrailreport.h>

#include "eventcells_p.h"

#include <qmsaudit/reporttable.h>
#include <qmsaudit/timestamp.h>

#include <QStringList>

namespace QmsAudit {
namespace {

QString eventLine(const Event &event)
{
    return QStringLiteral("seq %1, %2, %3 by %4")
        .arg(QString::number(event.seq), formatTimestamp(event.recordedAtUs), actionName(event.action), event.actor.id);
}

/// What an auditor asks first about a document: what it is, its versions, who changed and signed it.
QList<ReportSection::Field> documentFields(const QList<Event> &events)
{
    QStringList versions;
    QString title;
    int changes = 0;
    int signatures = 0;
    int refused = 0;
    for (const Event &event : events) {
        if (!event.object.version.isEmpty() && !versions.contains(event.object.version))
            versions.append(event.object.version);
        if (!event.object.title.isEmpty())
            title = event.object.title;
        changes += event.changes.isEmpty() ? 0 : 1;
        signatures += event.signatureMeaning.isEmpty() ? 0 : 1;
        refused += event.outcome == Outcome::Success ? 0 : 1;
    }
    const Event &first = events.first();
    return {
        { QStringLiteral("Document"), first.object.type + QLatin1Char(' ') + first.object.id, ReportSection::Emphasis::None },
        { QStringLiteral("Title"), title, ReportSection::Emphasis::None },
        { QStringLiteral("Versions"), versions.join(QStringLiteral(", ")), ReportSection::Emphasis::None },
        { QStringLiteral("First event"), eventLine(first), ReportSection::Emphasis::None },
        { QStringLiteral("Last event"), eventLine(events.last()), ReportSection::Emphasis::None },
        { QStringLiteral("Events"),
            QStringLiteral("%1 in all: %2 with changed values, %3 signed, %4 denied or failed")
                .arg(events.size())
                .arg(changes)
                .arg(signatures)
                .arg(refused),
            ReportSection::Emphasis::None },
    };
}

} // namespace

Result<EvidenceReport> DocumentTrailReport::build(
    const EventReader &reader, const QString &objectType, const QString &objectId, EvidenceHeader header)
{
    if (objectId.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("A document's audit-trail report needs the document's id."));
    EventFilter filter;
    filter.objectType = objectType;
    filter.objectId = objectId;
    auto events = header.collect(reader, filter);
    if (!events)
        return events.error();
    QStringList types;
    for (const Event &event : std::as_const(*events)) {
        if (!types.contains(event.object.type))
            types.append(event.object.type);
    }
    if (types.size() > 1) {
        return Error(ErrorCode::InvalidArgument,
            QStringLiteral("The id %1 names objects of %2 types (%3): give the type too.")
                .arg(objectId, QString::number(types.size()), types.join(QStringLiteral(", "))));
    }
    const QString document = (types.isEmpty() ? objectType : types.first()) + QLatin1Char(' ') + objectId;
    header.scope = QStringLiteral("the whole audit trail of %1: every event on it, all versions").arg(document.trimmed());

    ReportTable table(EventCells::leadingColumns()
        + QList<ReportTable::Column> { { QStringLiteral("Version"), 0.75 }, { QStringLiteral("Reason"), 2.3 },
            { QStringLiteral("Changes (old → new) and signature"), 3.4 } });
    for (const Event &event : std::as_const(*events)) {
        QString action = actionName(event.action);
        if (event.outcome != Outcome::Success)
            action += QStringLiteral("\n(%1)").arg(outcomeName(event.outcome));
        table.addRow({ QString::number(event.seq), EventCells::recordedAt(event), EventCells::actor(event), action, event.object.version,
            event.reason, EventCells::changesAndSignature(event) });
    }

    ReportDocument report = header.startDocument(QStringLiteral("Audit trail of %1").arg(document.trimmed()));
    if (!events->isEmpty()) {
        report.addSection(ReportSection::heading(QStringLiteral("Document")));
        report.addSection(ReportSection::keyValues(documentFields(*events)));
    }
    report.addSection(ReportSection::heading(QStringLiteral("Audit trail")));
    report.addSection(ReportSection::table(table));
    report.addSection(ReportSection::paragraph(header.closingText(*events)));
    return EvidenceReport { std::move(header), std::move(report) };
}

} // namespace QmsAudit
