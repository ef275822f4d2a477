// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/auditlog.h>
#include <qmsaudit/event.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/qmsaudit_report_export.h>
#include <qmsaudit/reportdocument.h>
#include <qmsaudit/reportsection.h>
#include <qmsaudit/result.h>
#include <qmsaudit/verificationreport.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace QmsAudit {

class EventReader;

/**
 * What page 1 of an evidence report states about its events: scope, filter, period, who made
 * it and when, the log, the event count, the head and the verification, exactly as
 * `qms-audit verify` reports it. The caller fills generatedBy and generatedAtUs; collect() fills
 * the rest from the log, and the report kinds (EventsReport, DocumentTrailReport) set the scope.
 * @code
 * QmsAudit::EvidenceHeader header;
 * header.generatedBy = "aud1";
 * header.generatedAtUs = QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() * 1000;
 * auto report = QmsAudit::EventsReport::build(*reader, filter, header);
 * @endcode
 */
class QMSAUDIT_REPORT_EXPORT EvidenceHeader
{
public:
    /// A report is read by people: more events than this belong in a CSV or JSON Lines export.
    static constexpr qint64 MaxEvents = 25000;

    QString generatedBy; ///< who made the report (user id, and with what)
    qint64 generatedAtUs = 0; ///< when, UTC µs since the epoch
    QString scope; ///< what the report covers, in words
    QString filter; ///< EventFilter::describe() of the events selected
    QString period; ///< the filter's time range and the span of the events shown
    QString logFile; ///< the log's file name
    QString logId;
    qint64 eventCount = 0; ///< events in the report
    VerificationReport verification;
    /// Where the report's events end: the last verified event (seq 0 and the genesis value for an empty log).
    ChainHead head;

    /**
     * Verifies the log @p reader reads (the whole log, as `qms-audit verify` does), then reads the
     * events of @p selection oldest first up to the verified head: events appended meanwhile are left
     * out, so that the report and its verification describe the same events. Fills every member
     * but generatedBy, generatedAtUs and scope. InvalidArgument if more than MaxEvents match.
     */
    Result<QList<Event>> collect(const EventReader &reader, const EventFilter &selection);
    /**
     * Verifies the log @p reader reads (the whole log, as `qms-audit verify` does) and fills
     * logFile, logId, verification and head: for reports that read figures rather than a list of
     * events (ManagementReviewReport), which fill filter, period and eventCount themselves.
     */
    Result<void> verifyLog(const EventReader &reader);

    /// "OK <n> events, head <hex>", or the failure and one line per finding: what `qms-audit verify` prints.
    QStringList verificationLines() const;
    /// The header block of page 1, in order; last, how to check the report against the log, or
    /// the warning that the log failed verification.
    QList<ReportSection::Field> fields() const;
    /// A landscape document titled @p title with this header and a footer naming the log; the
    /// report kind adds its own sections.
    ReportDocument startDocument(const QString &title) const;
    /// The last paragraph: how many events the report holds, and their seq range.
    QString closingText(const QList<Event> &events) const;
};

} // namespace QmsAudit
