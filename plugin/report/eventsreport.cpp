// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventsreport.h>

#include "eventcells_p.h"

#include <qmsaudit/reporttable.h>

namespace QmsAudit {

Result<EvidenceReport> EventsReport::build(const EventReader &reader, const EventFilter &filter, EvidenceHeader header)
{
    auto events = header.collect(reader, filter);
    if (!events)
        return events.error();
    header.scope = filter.isEmpty() ? QStringLiteral("every event in the log") : QStringLiteral("the events that match the filter");

    ReportTable table(EventCells::leadingColumns()
        + QList<ReportTable::Column> {
            { QStringLiteral("Object"), 2.75 }, { QStringLiteral("Outcome"), 0.8 }, { QStringLiteral("Reason"), 2.8 } });
    for (const Event &event : std::as_const(*events)) {
        QString action = actionName(event.action);
        if (!event.signatureMeaning.isEmpty())
            action += QStringLiteral("\nsigned: ") + event.signatureMeaning;
        table.addRow({ QString::number(event.seq), EventCells::recordedAt(event), EventCells::actor(event), action,
            EventCells::object(event), outcomeName(event.outcome), event.reason });
    }

    ReportDocument document = header.startDocument(QStringLiteral("Audit trail events"));
    document.addSection(ReportSection::heading(QStringLiteral("Events")));
    document.addSection(ReportSection::table(table));
    document.addSection(ReportSection::paragraph(header.closingText(*events)));
    return EvidenceReport { std::move(header), std::move(document) };
}

} // namespace QmsAudit
