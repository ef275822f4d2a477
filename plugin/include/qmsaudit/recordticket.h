// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <memory>

namespace QmsAudit {

class RecordTicketState;

/**
 * The answer to AuditTrail::record(): finishes when the event is on disk (recorded, with its seq)
 * or has failed (with the reason). Cheap to copy; all copies share one state. Thread-safe.
 * @code
 * auto ticket = trail->changed(sop, {{"interval_days", "365", "180"}}, "CAPA-9");
 * if (!ticket.wait(2000) || !ticket.isRecorded())
 *     refuseTheChange(ticket.error().message());
 * @endcode
 */
class QMSAUDIT_EXPORT RecordTicket
{
public:
    /// A ticket that has already failed with @p error.
    static RecordTicket failed(const Error &error);

    RecordTicket();
    ~RecordTicket();
    RecordTicket(const RecordTicket &);
    RecordTicket &operator=(const RecordTicket &);

    /// Blocks until the ticket finishes or @p timeoutMs passes (-1: no limit). true if finished.
    bool wait(int timeoutMs = -1) const;
    bool isFinished() const;
    /// Finished and on disk.
    bool isRecorded() const;
    /// The event's seq once recorded, else 0.
    qint64 seq() const;
    /// Why it failed (code None while pending or after success).
    Error error() const;

    /// For the writer: completes the ticket. The first completion wins.
    void complete(qint64 seq) const;
    void fail(const Error &error) const;

private:
    std::shared_ptr<RecordTicketState> d;
};

} // namespace QmsAudit
