// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/anomalyrules.h>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include "analysis/localclock_p.h"
#include "core/jsonfile_p.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace QmsAudit {
namespace {

Error rulesError(const QString &message)
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("Invalid anomaly rules: %1.").arg(message));
}

constexpr std::array<const char *, 7> kDayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}; // Qt::Monday = 1

QString minuteText(int minute)
{
    return QStringLiteral("%1:%2").arg(minute / 60, 2, 10, QLatin1Char('0')).arg(minute % 60, 2, 10, QLatin1Char('0'));
}

/**
 * Reads one JSON object of the rules (the top level or a section such as "bulk_access"): every
 * key must be known, every value of the expected type; errors name the key with its section
 * ("bulk_access.factor"). The first error wins, later reads do nothing.
 */
class SectionReader
{
public:
    SectionReader(const QVariantMap &map, QString prefix, std::initializer_list<const char *> known, Error &error)
        : m_map(map)
        , m_prefix(std::move(prefix))
        , m_error(error)
    {
        for (auto it = map.cbegin(); it != map.cend() && !m_error; ++it) {
            if (std::none_of(known.begin(), known.end(), [&](const char *key) { return it.key() == QLatin1StringView(key); }))
                m_error = rulesError(QStringLiteral("unknown key \"%1\"").arg(m_prefix + it.key()));
        }
    }

    /// The section @p key as a reader of its own (an absent section reads as empty).
    SectionReader section(const char *key, std::initializer_list<const char *> known)
    {
        const QVariant value = m_map.value(QLatin1StringView(key));
        if (value.isValid() && value.typeId() != QMetaType::QVariantMap && !m_error)
            m_error = rulesError(QStringLiteral("\"%1\" must be an object").arg(name(key)));
        return SectionReader(value.toMap(), name(key) + QLatin1Char('.'), known, m_error);
    }

    void read(const char *key, bool &out)
    {
        if (const QVariant value = take(key); value.isValid()) {
            if (value.typeId() != QMetaType::Bool)
                return fail(key, QStringLiteral("must be true or false"));
            out = value.toBool();
        }
    }

    void read(const char *key, int &out, int min, int max)
    {
        double number = out;
        read(key, number, min, max);
        if (number != std::floor(number))
            return fail(key, QStringLiteral("must be a whole number"));
        out = int(number);
    }

    void read(const char *key, double &out, double min, double max)
    {
        if (const QVariant value = take(key); value.isValid()) {
            bool ok = false;
            const double number = value.toDouble(&ok);
            if (!ok || value.typeId() == QMetaType::QString || value.typeId() == QMetaType::Bool || !std::isfinite(number))
                return fail(key, QStringLiteral("must be a number"));
            if (number < min || number > max)
                return fail(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
            out = number;
        }
    }

    void read(const char *key, QString &out)
    {
        if (const QVariant value = take(key); value.isValid()) {
            if (value.typeId() != QMetaType::QString)
                return fail(key, QStringLiteral("must be a string"));
            out = value.toString();
        }
    }

    /// A list of strings; absent leaves @p out as it is.
    bool read(const char *key, QStringList &out)
    {
        const QVariant value = take(key);
        if (!value.isValid())
            return false;
        // JSON gives a QVariantList; a host filling the map in code may give a QStringList.
        if (value.typeId() != QMetaType::QVariantList && value.typeId() != QMetaType::QStringList) {
            fail(key, QStringLiteral("must be a list of strings"));
            return false;
        }
        QStringList list;
        for (const QVariant &item : value.toList()) {
            if (item.typeId() != QMetaType::QString) {
                fail(key, QStringLiteral("must be a list of strings"));
                return false;
            }
            list.append(item.toString());
        }
        out = list;
        return true;
    }

    void fail(const char *key, const QString &what)
    {
        if (!m_error)
            m_error = rulesError(QStringLiteral("\"%1\" %2").arg(name(key), what));
    }

private:
    QVariant take(const char *key) const { return m_error ? QVariant() : m_map.value(QLatin1StringView(key)); }
    QString name(const char *key) const { return m_prefix + QLatin1StringView(key); }

    QVariantMap m_map;
    QString m_prefix;
    Error &m_error;
};

void readCalendar(SectionReader section, SiteCalendar &calendar)
{
    QString zone = QString::fromLatin1(calendar.timeZone.id());
    section.read("time_zone", zone);
    if (const QTimeZone parsed(zone.toUtf8()); !zone.isEmpty() && parsed.isValid())
        calendar.timeZone = parsed;
    else
        section.fail("time_zone", QStringLiteral("must be an IANA time zone id such as \"Europe/Zurich\", not \"%1\"").arg(zone));

    QString hours = minuteText(calendar.workStartMinute) + QLatin1Char('-') + minuteText(calendar.workEndMinute);
    section.read("working_hours", hours);
    static const QRegularExpression pattern(QStringLiteral("^(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)$"));
    const auto match = pattern.match(hours);
    const int start = match.captured(1).toInt() * 60 + match.captured(2).toInt();
    const int end = match.captured(3).toInt() * 60 + match.captured(4).toInt();
    if (!match.hasMatch() || match.captured(2).toInt() > 59 || match.captured(4).toInt() > 59 || start >= end || end > 24 * 60)
        section.fail("working_hours", QStringLiteral("must be \"HH:MM-HH:MM\" with the start before the end (at most 24:00), not \"%1\"").arg(hours));
    calendar.workStartMinute = start;
    calendar.workEndMinute = end;

    QStringList days;
    if (section.read("working_days", days)) {
        calendar.workingDays.clear();
        for (const QString &day : std::as_const(days)) {
            const auto *found = std::find_if(kDayNames.begin(), kDayNames.end(), [&](const char *name) { return day == QLatin1StringView(name); });
            if (found == kDayNames.end())
                return section.fail("working_days", QStringLiteral("names \"%1\"; use mon, tue, wed, thu, fri, sat, sun").arg(day));
            const auto weekday = Qt::DayOfWeek(found - kDayNames.begin() + 1);
            if (!calendar.workingDays.contains(weekday))
                calendar.workingDays.append(weekday);
        }
    }
    QStringList holidays;
    if (section.read("holidays", holidays)) {
        calendar.holidays.clear();
        for (const QString &holiday : std::as_const(holidays)) {
            const QDate date = QDate::fromString(holiday, Qt::ISODate);
            if (!date.isValid() || holiday.size() != 10)
                return section.fail("holidays", QStringLiteral("holds \"%1\", which is not a date YYYY-MM-DD").arg(holiday));
            calendar.holidays.insert(date);
        }
    }
}

} // namespace

QList<Qt::DayOfWeek> SiteCalendar::mondayToFriday()
{
    return {Qt::Monday, Qt::Tuesday, Qt::Wednesday, Qt::Thursday, Qt::Friday};
}

bool SiteCalendar::isWorkingTime(qint64 utcMicros) const
{
    const LocalClock::LocalTime local = LocalClock(timeZone).toLocal(utcMicros);
    return isWorkingTime(local.date, local.microsOfDay);
}

bool SiteCalendar::isWorkingTime(QDate date, qint64 microsOfDay) const
{
    constexpr qint64 kMicrosPerMinute = 60'000'000;
    return workingDays.contains(Qt::DayOfWeek(date.dayOfWeek())) && !holidays.contains(date)
        && microsOfDay >= workStartMinute * kMicrosPerMinute && microsOfDay < workEndMinute * kMicrosPerMinute;
}

bool AnomalyRules::isEnabled(AnomalyRule rule) const
{
    switch (rule) {
    case AnomalyRule::AfterHours: return afterHours.enabled;
    case AnomalyRule::BulkAccess: return bulkAccess.enabled;
    case AnomalyRule::DeniedBurst: return deniedBurst.enabled;
    case AnomalyRule::ReleasedEdit: return releasedEdit.enabled;
    case AnomalyRule::SelfApproval: return selfApproval.enabled;
    case AnomalyRule::Clock: return clock.enabled;
    }
    return false;
}

void AnomalyRules::setEnabled(AnomalyRule rule, bool enabled)
{
    switch (rule) {
    case AnomalyRule::AfterHours: afterHours.enabled = enabled; break;
    case AnomalyRule::BulkAccess: bulkAccess.enabled = enabled; break;
    case AnomalyRule::DeniedBurst: deniedBurst.enabled = enabled; break;
    case AnomalyRule::ReleasedEdit: releasedEdit.enabled = enabled; break;
    case AnomalyRule::SelfApproval: selfApproval.enabled = enabled; break;
    case AnomalyRule::Clock: clock.enabled = enabled; break;
    }
}

bool AnomalyRules::requiresSecondPerson(const QString &objectType) const
{
    return selfApproval.objectTypes.contains(QStringLiteral("*")) || selfApproval.objectTypes.contains(objectType);
}

Result<AnomalyRules> AnomalyRules::fromVariantMap(const QVariantMap &map)
{
    AnomalyRules rules;
    Error error;
    SectionReader top(map, QString(),
                      {"site_calendar", "after_hours", "bulk_access", "denied_burst", "released_edit", "self_approval", "clock", "max_seqs_per_flag"},
                      error);
    readCalendar(top.section("site_calendar", {"time_zone", "working_hours", "working_days", "holidays"}), rules.calendar);
    top.section("after_hours", {"enabled"}).read("enabled", rules.afterHours.enabled);
    SectionReader bulk = top.section("bulk_access", {"enabled", "factor", "min_distinct_documents", "baseline_days"});
    bulk.read("enabled", rules.bulkAccess.enabled);
    bulk.read("factor", rules.bulkAccess.factor, 1, 1000);
    bulk.read("min_distinct_documents", rules.bulkAccess.minDistinctDocuments, 1, 1'000'000);
    bulk.read("baseline_days", rules.bulkAccess.baselineDays, 1, 3650);
    SectionReader denied = top.section("denied_burst", {"enabled", "count", "window_minutes"});
    denied.read("enabled", rules.deniedBurst.enabled);
    denied.read("count", rules.deniedBurst.count, 2, 1'000'000);
    denied.read("window_minutes", rules.deniedBurst.windowMinutes, 1, 7 * 24 * 60);
    top.section("released_edit", {"enabled"}).read("enabled", rules.releasedEdit.enabled);
    SectionReader self = top.section("self_approval", {"enabled", "object_types", "author_meanings"});
    self.read("enabled", rules.selfApproval.enabled);
    self.read("object_types", rules.selfApproval.objectTypes);
    self.read("author_meanings", rules.selfApproval.authorMeanings);
    SectionReader clock = top.section("clock", {"enabled", "ahead_tolerance_seconds", "behind_tolerance_hours"});
    clock.read("enabled", rules.clock.enabled);
    clock.read("ahead_tolerance_seconds", rules.clock.aheadToleranceSeconds, 0, 30 * 24 * 3600);
    clock.read("behind_tolerance_hours", rules.clock.behindToleranceHours, 1, 10 * 365 * 24);
    top.read("max_seqs_per_flag", rules.maxSeqsPerFlag, 2, 100'000);
    if (error)
        return error;
    if (auto valid = rules.validate(); !valid)
        return valid.error();
    return rules;
}

Result<AnomalyRules> AnomalyRules::fromFile(const QString &path)
{
    auto map = readJsonObjectFile(path, QStringLiteral("anomaly rules file"));
    if (!map)
        return map.error();
    return fromVariantMap(*map);
}

Result<void> AnomalyRules::validate() const
{
    if (!calendar.timeZone.isValid())
        return rulesError(QStringLiteral("\"site_calendar.time_zone\" is not a valid time zone"));
    if (calendar.workStartMinute < 0 || calendar.workStartMinute >= calendar.workEndMinute || calendar.workEndMinute > 24 * 60)
        return rulesError(QStringLiteral("\"site_calendar.working_hours\" must start before they end, within 00:00-24:00"));
    if (calendar.workingDays.isEmpty())
        return rulesError(QStringLiteral("\"site_calendar.working_days\" must name at least one day"));
    struct Range {
        const char *name;
        double value;
        double min;
        double max;
    };
    const Range ranges[] = {
        {"bulk_access.factor", bulkAccess.factor, 1, 1000},
        {"bulk_access.min_distinct_documents", double(bulkAccess.minDistinctDocuments), 1, 1'000'000},
        {"bulk_access.baseline_days", double(bulkAccess.baselineDays), 1, 3650},
        {"denied_burst.count", double(deniedBurst.count), 2, 1'000'000},
        {"denied_burst.window_minutes", double(deniedBurst.windowMinutes), 1, 7 * 24 * 60},
        {"clock.ahead_tolerance_seconds", double(clock.aheadToleranceSeconds), 0, 30 * 24 * 3600},
        {"clock.behind_tolerance_hours", double(clock.behindToleranceHours), 1, 10 * 365 * 24},
        {"max_seqs_per_flag", double(maxSeqsPerFlag), 2, 100'000},
    };
    for (const Range &r : ranges) {
        if (!(r.value >= r.min && r.value <= r.max))
            return rulesError(QStringLiteral("\"%1\" must be between %2 and %3").arg(QLatin1StringView(r.name)).arg(r.min).arg(r.max));
    }
    for (const QString &type : selfApproval.objectTypes) {
        if (type.isEmpty())
            return rulesError(QStringLiteral("\"self_approval.object_types\" holds an empty type"));
    }
    return {};
}

QVariantMap AnomalyRules::toVariantMap() const
{
    QStringList days;
    for (Qt::DayOfWeek day : calendar.workingDays)
        days.append(QLatin1StringView(kDayNames[size_t(day) - 1]));
    QList<QDate> sortedHolidays(calendar.holidays.cbegin(), calendar.holidays.cend());
    std::sort(sortedHolidays.begin(), sortedHolidays.end());
    QStringList holidays;
    for (QDate date : std::as_const(sortedHolidays))
        holidays.append(date.toString(Qt::ISODate));
    return {
        {QStringLiteral("site_calendar"),
         QVariantMap{{QStringLiteral("time_zone"), QString::fromLatin1(calendar.timeZone.id())},
                     {QStringLiteral("working_hours"), minuteText(calendar.workStartMinute) + QLatin1Char('-') + minuteText(calendar.workEndMinute)},
                     {QStringLiteral("working_days"), days},
                     {QStringLiteral("holidays"), holidays}}},
        {QStringLiteral("after_hours"), QVariantMap{{QStringLiteral("enabled"), afterHours.enabled}}},
        {QStringLiteral("bulk_access"),
         QVariantMap{{QStringLiteral("enabled"), bulkAccess.enabled},
                     {QStringLiteral("factor"), bulkAccess.factor},
                     {QStringLiteral("min_distinct_documents"), bulkAccess.minDistinctDocuments},
                     {QStringLiteral("baseline_days"), bulkAccess.baselineDays}}},
        {QStringLiteral("denied_burst"),
         QVariantMap{{QStringLiteral("enabled"), deniedBurst.enabled},
                     {QStringLiteral("count"), deniedBurst.count},
                     {QStringLiteral("window_minutes"), deniedBurst.windowMinutes}}},
        {QStringLiteral("released_edit"), QVariantMap{{QStringLiteral("enabled"), releasedEdit.enabled}}},
        {QStringLiteral("self_approval"),
         QVariantMap{{QStringLiteral("enabled"), selfApproval.enabled},
                     {QStringLiteral("object_types"), selfApproval.objectTypes},
                     {QStringLiteral("author_meanings"), selfApproval.authorMeanings}}},
        {QStringLiteral("clock"),
         QVariantMap{{QStringLiteral("enabled"), clock.enabled},
                     {QStringLiteral("ahead_tolerance_seconds"), clock.aheadToleranceSeconds},
                     {QStringLiteral("behind_tolerance_hours"), clock.behindToleranceHours}}},
        {QStringLiteral("max_seqs_per_flag"), maxSeqsPerFlag},
    };
}

QString AnomalyRules::digest() const
{
    const QByteArray json = QJsonDocument(QJsonObject::fromVariantMap(toVariantMap())).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex());
}

} // namespace QmsAudit
