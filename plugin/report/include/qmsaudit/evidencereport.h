// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/evidenceheader.h>
#include <qmsaudit/reportdocument.h>

namespace QmsAudit {

/// An evidence report as built (EventsReport, DocumentTrailReport): its header, and the document to write.
struct EvidenceReport {
    EvidenceHeader header;
    ReportDocument document;
};

} // namespace QmsAudit
