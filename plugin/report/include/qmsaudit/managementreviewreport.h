// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalydetector.h>
#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/evidenceheader.h>
#include <qmsaudit/integritystatus.h>
#include <qmsaudit/periodaggregates.h>
#include <qmsaudit/qmsaudit_report_export.h>
#include <qmsaudit/reportdocument.h>
#include <qmsaudit/result.h>
#include <qmsaudit/reviewcoverage.h>
#include <qmsaudit/reviewperiod.h>

#include <QColor>

#include <optional>

namespace QmsAudit {

class EventReader;

/// What a management review report covers besides its period.
struct ManagementReviewOptions {
    bool comparePrevious = false; ///< also the period before (ReviewPeriod::previous()), side by side
    int topCount = 10;            ///< entries in the rankings (AggregateRequest::topCount)
    qint64 staleAfterUs = AggregateRequest().staleAfterUs;
    AnomalyRules anomalyRules;    ///< the host's "anomaly_rules", or a --rules file
};

/**
 * The management review report (ISO 9001 §9.3, docs/reports.md): for a period, the evidence
 * header with the log's verification, the key figures (beside the previous period's), charts of
 * the activity, the trends, denied attempts, the rankings and the cycle times, the anomaly flags
 * with their seqs, the integrity status, the audit-trail review coverage per month, the stale
 * documents and the changes without a reason.
 *
 * The charts are drawn by Qt Charts: building the report needs a QApplication (a
 * QGuiApplication is not enough: ErrorCode::Internal without one).
 * @code
 * QmsAudit::ManagementReviewOptions options;
 * options.comparePrevious = true;
 * options.anomalyRules = config.anomalyRules;
 * auto review = QmsAudit::ManagementReviewReport::build(*reader, *QmsAudit::ReviewPeriod::parse("2026-Q3"), options, header);
 * if (!review)
 *     return review.error();
 * review->document.savePdf("review-2026-q3.pdf");
 * @endcode
 */
class QMSAUDIT_REPORT_EXPORT ManagementReviewReport
{
public:
    EvidenceHeader header;
    PeriodAggregates figures;
    std::optional<PeriodAggregates> previousFigures;
    AnomalyReport anomalies;
    IntegrityStatus integrity;
    ReviewCoverage coverage;
    ReportDocument document;

    /// Verifies the log, then reads the figures, the flags, the integrity status and the coverage of @p period.
    static Result<ManagementReviewReport> build(const EventReader &reader, const ReviewPeriod &period,
                                                const ManagementReviewOptions &options, EvidenceHeader header);

    /// The colour of an action group (access, change, workflow, security, audit, system) in the charts.
    static QColor groupColor(const QString &group);
};

} // namespace QmsAudit
