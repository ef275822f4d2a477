// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/reporttable.h>

#include <QList>
#include <QString>

namespace QmsAudit {

/// The table cells the report kinds share, so that an event reads the same in every report.
class EventCells
{
public:
    /// Seq, recorded at, actor and action: the first columns of every report's table of events.
    static QList<ReportTable::Column> leadingColumns();
    /// Date and time on two lines (the column stays narrow), and when it happened if that differs.
    static QString recordedAt(const Event &event);
    /// The user id, and the name recorded with it.
    static QString actor(const Event &event);
    /// "type id @version", and the title.
    static QString object(const Event &event);
    /// One line per change, "field: old → new", then the meaning of a signature.
    static QString changesAndSignature(const Event &event);
};

} // namespace QmsAudit
