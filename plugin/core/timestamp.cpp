// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/timestamp.h>

#include <QDate>
#include <QRegularExpression>

namespace QmsAudit {
namespace {
constexpr qint64 kMicrosPerSecond = 1'000'000;
constexpr qint64 kSecondsPerDay = 86'400;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
} // namespace

QString formatTimestamp(qint64 utcMicros)
{
    const qint64 seconds = floorDiv(utcMicros, kMicrosPerSecond);
    const qint64 micros = utcMicros - seconds * kMicrosPerSecond;
    const qint64 days = floorDiv(seconds, kSecondsPerDay);
    const qint64 secondOfDay = seconds - days * kSecondsPerDay;
    const QDate date = QDate(1970, 1, 1).addDays(days);
    return QStringLiteral("%1-%2-%3T%4:%5:%6.%7Z")
        .arg(date.year(), 4, 10, QLatin1Char('0'))
        .arg(date.month(), 2, 10, QLatin1Char('0'))
        .arg(date.day(), 2, 10, QLatin1Char('0'))
        .arg(secondOfDay / 3600, 2, 10, QLatin1Char('0'))
        .arg((secondOfDay / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(secondOfDay % 60, 2, 10, QLatin1Char('0'))
        .arg(micros, 6, 10, QLatin1Char('0'));
}

std::optional<qint64> parseTimestamp(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})"
        "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?(Z|[+-]\\d{2}:\\d{2}))?$"));
    const auto match = pattern.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.capturedView(1).toInt(), match.capturedView(2).toInt(), match.capturedView(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    const int hour = match.capturedView(4).toInt();
    const int minute = match.capturedView(5).toInt();
    const int second = match.capturedView(6).toInt();
    if (hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    QString fraction = match.captured(7);
    while (fraction.size() < 6)
        fraction.append(QLatin1Char('0'));
    qint64 offsetSeconds = 0;
    const QStringView zone = match.capturedView(8);
    if (zone.size() == 6) {
        const int oh = zone.mid(1, 2).toInt();
        const int om = zone.mid(4, 2).toInt();
        if (oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (zone.front() == QLatin1Char('-') ? -1 : 1);
    }
    const qint64 days = QDate(1970, 1, 1).daysTo(date);
    const qint64 seconds = days * kSecondsPerDay + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * kMicrosPerSecond + fraction.toLongLong();
}

} // namespace QmsAudit
