// SPDX-License-Identifier: LGPL-2.1-or-later
#include "rollup/monthrollup_p.h"

#include <qmsaudit/action.h>
#include <qmsaudit/timestamp.h>

#include <algorithm>
#include <string_view>

namespace QmsAudit {
namespace {

enum Role : unsigned {
    Access = 1u << 0,
    Change = 1u << 1,
    Workflow = 1u << 2,
    Revises = 1u << 3,
    Reviews = 1u << 4,
    Retires = 1u << 5,
    Submits = 1u << 6,
    EndsCycle = 1u << 7, // approve, release
    OnDocument = 1u << 8, // counted per document: not logins, sessions or the trail's own events
};

unsigned rolesOf(Action action)
{
    unsigned roles = 0;
    switch (actionCategory(action)) {
    case ActionCategory::Access: roles |= Access; break;
    case ActionCategory::Change: roles |= Change; break;
    case ActionCategory::Workflow: roles |= Workflow; break;
    default: break;
    }
    switch (action) {
    case Action::Create:
    case Action::Edit:
    case Action::Revise:
    case Action::Restore:
    case Action::Release: roles |= Revises; break;
    case Action::Review:
    case Action::Approve: roles |= Reviews; break;
    case Action::Obsolete:
    case Action::Delete: roles |= Retires; break;
    case Action::Submit: roles |= Submits; break;
    default: break;
    }
    if (action == Action::Approve || action == Action::Release)
        roles |= EndsCycle;
    if ((roles & (Access | Change | Workflow)) || action == Action::AccessDenied)
        roles |= OnDocument;
    return roles;
}

/// The roles by stored action name. verify asks once per record: a table indexed by the name's
/// length and first and last letters, checked by one comparison, instead of a string and a hash.
unsigned rolesOf(QByteArrayView name)
{
    struct Entry {
        QByteArray name;
        unsigned roles = 0;
    };
    static constexpr size_t kSlots = 1024;
    const auto slotOf = [](QByteArrayView n) {
        return n.isEmpty() ? 0 : (size_t(n.size()) * 131 + size_t(uchar(n.front())) * 31 + size_t(uchar(n.back()))) % kSlots;
    };
    static const auto table = [&] {
        std::vector<std::vector<Entry>> slots(kSlots);
        for (Action action : allActions())
            slots[slotOf(actionName(action).toLatin1())].push_back({actionName(action).toLatin1(), rolesOf(action)});
        return slots;
    }();
    for (const Entry &entry : table[slotOf(name)]) {
        if (entry.name == name)
            return entry.roles;
    }
    return 0;
}

void keepLatest(std::optional<qint64> &latest, qint64 us)
{
    latest = std::max(latest.value_or(us), us);
}

void keepLatest(std::optional<qint64> &latest, std::optional<qint64> us)
{
    if (us)
        keepLatest(latest, *us);
}

// Howard Hinnant's civil-calendar algorithms (proleptic Gregorian, days since 1970-01-01).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

std::pair<qint64, unsigned> yearMonthFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {qint64(yoe) + era * 400 + (m <= 2), m};
}

} // namespace

void MonthRollup::ObjectCounts::add(const ObjectCounts &other)
{
    events += other.events;
    accesses += other.accesses;
    changes += other.changes;
    workflow += other.workflow;
    denied += other.denied;
    keepLatest(lastRevisedUs, other.lastRevisedUs);
    keepLatest(lastReviewedUs, other.lastReviewedUs);
    keepLatest(lastRetiredUs, other.lastRetiredUs);
}

void MonthRollup::ActorCounts::add(const ActorCounts &other)
{
    events += other.events;
    changes += other.changes;
    workflow += other.workflow;
    denied += other.denied;
}

MonthRollup::MonthRollup(SubmitLookup lookup)
    : m_lookup(std::move(lookup))
{
}

void MonthRollup::add(const RollupRecord &record)
{
    const unsigned roles = rolesOf(record.action);
    const bool denied = record.outcome == QByteArrayView("denied");
    const qint64 month = monthOf(record.recordedAtUs);
    if (month != m_month) { // records come in time order: look the month's maps up once
        m_month = month;
        m_monthObjects = &m_objects[month];
        m_monthActors = &m_actors[month];
    }

    if (roles & OnDocument) {
        m_key.assign(record.objectType.data(), size_t(record.objectType.size()));
        m_key.push_back(Separator);
        m_key.append(record.objectId.data(), size_t(record.objectId.size()));
        ObjectCounts &object = (*m_monthObjects)[m_key];
        ++object.events;
        object.accesses += (roles & Access) ? 1 : 0;
        object.changes += (roles & Change) ? 1 : 0;
        object.workflow += (roles & Workflow) ? 1 : 0;
        object.denied += denied ? 1 : 0;
        // A denied or failed attempt changed nothing: it neither revises, reviews, retires nor submits.
        if (record.outcome == QByteArrayView("success")) {
            if (roles & Revises)
                keepLatest(object.lastRevisedUs, record.recordedAtUs);
            if (roles & Reviews)
                keepLatest(object.lastReviewedUs, record.recordedAtUs);
            if (roles & Retires)
                keepLatest(object.lastRetiredUs, record.recordedAtUs);
            if (roles & Submits) {
                m_lastSubmit[m_key] = record.recordedAtUs;
            } else if (roles & EndsCycle) {
                std::optional<qint64> submitted;
                if (const auto it = m_lastSubmit.find(m_key); it != m_lastSubmit.end())
                    submitted = it->second;
                else if (m_lookup)
                    submitted = m_lookup(record.objectType, record.objectId, record.seq);
                if (submitted) {
                    m_cycles.push_back({record.seq, std::string(record.objectType.data(), size_t(record.objectType.size())),
                                        std::string(record.action.data(), size_t(record.action.size())), *submitted, record.recordedAtUs});
                }
            }
        }
    }

    m_key.assign(record.actorId.data(), size_t(record.actorId.size()));
    ActorCounts &actor = (*m_monthActors)[m_key];
    ++actor.events;
    actor.changes += (roles & Change) ? 1 : 0;
    actor.workflow += (roles & Workflow) ? 1 : 0;
    actor.denied += denied ? 1 : 0;
}

void MonthRollup::followSubmits(const RollupRecord &record)
{
    if ((rolesOf(record.action) & Submits) && record.outcome == QByteArrayView("success"))
        m_lastSubmit[objectKey(record.objectType, record.objectId)] = record.recordedAtUs;
}

void MonthRollup::clearCounts()
{
    m_month.reset();
    m_objects.clear();
    m_actors.clear();
    m_cycles.clear();
}

qint64 MonthRollup::monthOf(qint64 utcMicros)
{
    const qint64 days = utcMicros >= 0 ? utcMicros / MicrosPerDay : -((-utcMicros - 1) / MicrosPerDay) - 1;
    const auto [year, month] = yearMonthFromDays(days);
    return (year - 1970) * 12 + qint64(month) - 1;
}

qint64 MonthRollup::monthStartUs(qint64 month)
{
    const qint64 year = 1970 + (month >= 0 ? month / 12 : -((-month - 1) / 12) - 1);
    const unsigned monthOfYear = unsigned(month - (year - 1970) * 12) + 1;
    return daysFromCivil(year, monthOfYear, 1) * MicrosPerDay;
}

std::string MonthRollup::objectKey(QByteArrayView objectType, QByteArrayView objectId)
{
    std::string key;
    key.reserve(size_t(objectType.size() + objectId.size() + 1));
    key.append(objectType.data(), size_t(objectType.size()));
    key.push_back(Separator);
    key.append(objectId.data(), size_t(objectId.size()));
    return key;
}

std::pair<QByteArrayView, QByteArrayView> MonthRollup::splitObjectKey(const std::string &key)
{
    const size_t separator = key.find(Separator);
    const QByteArrayView all(key.data(), qsizetype(key.size()));
    if (separator == std::string::npos)
        return {all, {}};
    return {all.first(qsizetype(separator)), all.sliced(qsizetype(separator) + 1)};
}

} // namespace QmsAudit
