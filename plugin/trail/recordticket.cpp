// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/recordticket.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace QmsAudit {

/// Shared between the caller's copies and the writer thread.
class RecordTicketState
{
public:
    std::mutex mutex;
    std::condition_variable finishedCondition;
    bool finished = false;
    qint64 seq = 0;
    Error error;
};

RecordTicket::RecordTicket()
    : d(std::make_shared<RecordTicketState>())
{
}

RecordTicket::~RecordTicket() = default;
RecordTicket::RecordTicket(const RecordTicket &) = default;
RecordTicket &RecordTicket::operator=(const RecordTicket &) = default;

RecordTicket RecordTicket::failed(const Error &error)
{
    RecordTicket ticket;
    ticket.fail(error);
    return ticket;
}

bool RecordTicket::wait(int timeoutMs) const
{
    std::unique_lock lock(d->mutex);
    if (timeoutMs < 0) {
        d->finishedCondition.wait(lock, [this] { return d->finished; });
        return true;
    }
    return d->finishedCondition.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return d->finished; });
}

bool RecordTicket::isFinished() const
{
    std::lock_guard lock(d->mutex);
    return d->finished;
}

bool RecordTicket::isRecorded() const
{
    std::lock_guard lock(d->mutex);
    return d->finished && !d->error;
}

qint64 RecordTicket::seq() const
{
    std::lock_guard lock(d->mutex);
    return d->seq;
}

Error RecordTicket::error() const
{
    std::lock_guard lock(d->mutex);
    return d->error;
}

void RecordTicket::complete(qint64 seq) const
{
    {
        std::lock_guard lock(d->mutex);
        if (d->finished)
            return;
        d->finished = true;
        d->seq = seq;
    }
    d->finishedCondition.notify_all();
}

void RecordTicket::fail(const Error &error) const
{
    {
        std::lock_guard lock(d->mutex);
        if (d->finished)
            return;
        d->finished = true;
        d->error = error;
    }
    d->finishedCondition.notify_all();
}

} // namespace QmsAudit
