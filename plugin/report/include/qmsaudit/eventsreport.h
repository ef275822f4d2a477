// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/eventfilter.h>
#include <qmsaudit/evidenceheader.h>
#include <qmsaudit/evidencereport.h>
#include <qmsaudit/qmsaudit_report_export.h>
#include <qmsaudit/result.h>

namespace QmsAudit {

class EventReader;

/**
 * The events report: the events of a filter, oldest first, as a table (seq, recorded at, actor,
 * action, object, outcome, reason) under the evidence header (docs/reports.md).
 * @code
 * auto report = QmsAudit::EventsReport::build(*reader, filter, header);
 * if (!report)
 *     return report.error();
 * report->document.savePdf("q3-edits.pdf");
 * @endcode
 */
class QMSAUDIT_REPORT_EXPORT EventsReport
{
public:
    /// Verifies the log and reads the events (EvidenceHeader::collect()); @p header brings who and when.
    static Result<EvidenceReport> build(const EventReader &reader, const EventFilter &filter, EvidenceHeader header);
};

} // namespace QmsAudit
