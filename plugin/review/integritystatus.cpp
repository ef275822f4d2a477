// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/action.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/integritystatus.h>

namespace QmsAudit {

namespace {

RecordedVerification verificationOf(const Event &event)
{
    const auto &attributes = event.attributes;
    return {event.seq,
            event.recordedAtUs,
            event.actor.id,
            event.actor.name,
            attributes.value(QStringLiteral("result")),
            attributes.value(QStringLiteral("event_count")).toLongLong(),
            attributes.value(QStringLiteral("last_seq")).toLongLong(),
            attributes.value(QStringLiteral("head_hash")),
            attributes.value(QStringLiteral("first_bad_seq")).toLongLong()};
}

} // namespace

qint64 IntegrityStatus::eventsSinceLastPass() const
{
    return head.seq - (lastPassedVerification ? lastPassedVerification->lastSeq : 0);
}

Result<IntegrityStatus> IntegrityStatus::read(const EventReader &reader)
{
    IntegrityStatus status;
    auto head = reader.head();
    if (!head)
        return head.error();
    status.head = *head;

    EventFilter filter;
    filter.actions = {Action::TrailVerified};
    PageRequest page;
    page.order = PageRequest::Order::NewestFirst;
    page.limit = 200;
    // Newest first, a page at a time: the newest passed verification is usually among the first few.
    while (!status.lastPassedVerification) {
        auto events = reader.query(filter, page);
        if (!events)
            return events.error();
        for (const Event &event : std::as_const(events->events)) {
            const auto verification = verificationOf(event);
            if (!status.lastVerification)
                status.lastVerification = verification;
            if (verification.result == QLatin1StringView("ok")) {
                status.lastPassedVerification = verification;
                break;
            }
        }
        if (!events->hasMore)
            break;
        page.beforeSeq = events->nextBeforeSeq;
    }
    return status;
}

} // namespace QmsAudit
