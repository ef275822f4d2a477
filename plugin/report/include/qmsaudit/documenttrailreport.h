// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/evidenceheader.h>
#include <qmsaudit/evidencereport.h>
#include <qmsaudit/qmsaudit_report_export.h>
#include <qmsaudit/result.h>

#include <QString>

namespace QmsAudit {

class EventReader;

/**
 * A document's audit-trail report: every event on one object (all versions), oldest first, with
 * the old and new value of every change and the meaning of every signature, under the evidence
 * header and a summary of the document (docs/reports.md).
 * @code
 * auto report = QmsAudit::DocumentTrailReport::build(*reader, "procedure", "SOP-017", header);
 * @endcode
 */
class QMSAUDIT_REPORT_EXPORT DocumentTrailReport
{
public:
    /**
     * The trail of the object @p objectType / @p objectId. An empty @p objectType is allowed while
     * the id names objects of one type only; otherwise InvalidArgument names the types.
     */
    static Result<EvidenceReport> build(
        const EventReader &reader, const QString &objectType, const QString &objectId, EvidenceHeader header);
};

} // namespace QmsAudit
