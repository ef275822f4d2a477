// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/reviewperiod.h>

#include <qmsaudit/timestamp.h>

#include <QDate>
#include <QRegularExpression>

namespace QmsAudit {
namespace {

qint64 startOf(const QDate &date)
{
    return QDate(1970, 1, 1).daysTo(date) * MicrosPerDay;
}

QDate dateOf(qint64 us)
{
    return QDate(1970, 1, 1).addDays(us / MicrosPerDay);
}

Error invalid(const QString &text)
{
    return Error(ErrorCode::InvalidArgument,
                 QStringLiteral("'%1' is not a review period: use a year (2026), a quarter (2026-Q3), a month (2026-07) or "
                                "whole UTC days FROM..TO with TO excluded (2026-07-01..2026-07-15).")
                     .arg(text));
}

} // namespace

ReviewPeriod::ReviewPeriod(Kind kind, qint64 fromUs, qint64 toUs)
    : m_kind(kind)
    , m_fromUs(fromUs)
    , m_toUs(toUs)
{
}

ReviewPeriod ReviewPeriod::month(int year, int month)
{
    const QDate first(year, month, 1);
    return ReviewPeriod(Kind::Month, startOf(first), startOf(first.addMonths(1)));
}

ReviewPeriod ReviewPeriod::quarter(int year, int quarter)
{
    const QDate first(year, (quarter - 1) * 3 + 1, 1);
    return ReviewPeriod(Kind::Quarter, startOf(first), startOf(first.addMonths(3)));
}

ReviewPeriod ReviewPeriod::year(int year)
{
    const QDate first(year, 1, 1);
    return ReviewPeriod(Kind::Year, startOf(first), startOf(first.addYears(1)));
}

Result<ReviewPeriod> ReviewPeriod::custom(qint64 fromUs, qint64 toUs)
{
    if (fromUs % MicrosPerDay != 0 || toUs % MicrosPerDay != 0 || fromUs >= toUs) {
        return Error(ErrorCode::InvalidArgument, QStringLiteral("A review period runs from one UTC midnight to a later one; %1 to %2 does not.")
                                                     .arg(formatTimestamp(fromUs), formatTimestamp(toUs)));
    }
    return ReviewPeriod(Kind::Custom, fromUs, toUs);
}

Result<ReviewPeriod> ReviewPeriod::parse(const QString &text)
{
    static const QRegularExpression yearForm(QStringLiteral("^(\\d{4})$"));
    static const QRegularExpression quarterForm(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression monthForm(QStringLiteral("^(\\d{4})-(0[1-9]|1[0-2])$"));
    static const QRegularExpression customForm(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"));
    if (const auto m = yearForm.match(text); m.hasMatch())
        return year(m.captured(1).toInt());
    if (const auto m = quarterForm.match(text); m.hasMatch())
        return quarter(m.captured(1).toInt(), m.captured(2).toInt());
    if (const auto m = monthForm.match(text); m.hasMatch())
        return month(m.captured(1).toInt(), m.captured(2).toInt());
    if (const auto m = customForm.match(text); m.hasMatch()) {
        const QDate from = QDate::fromString(m.captured(1), Qt::ISODate);
        const QDate to = QDate::fromString(m.captured(2), Qt::ISODate);
        if (!from.isValid() || !to.isValid() || from >= to)
            return invalid(text);
        return ReviewPeriod(Kind::Custom, startOf(from), startOf(to));
    }
    return invalid(text);
}

ReviewPeriod ReviewPeriod::previous() const
{
    const QDate from = dateOf(m_fromUs);
    switch (m_kind) {
    case Kind::Month: return ReviewPeriod(Kind::Month, startOf(from.addMonths(-1)), m_fromUs);
    case Kind::Quarter: return ReviewPeriod(Kind::Quarter, startOf(from.addMonths(-3)), m_fromUs);
    case Kind::Year: return ReviewPeriod(Kind::Year, startOf(from.addYears(-1)), m_fromUs);
    case Kind::Custom: break;
    }
    return ReviewPeriod(Kind::Custom, m_fromUs - (m_toUs - m_fromUs), m_fromUs);
}

QString ReviewPeriod::label() const
{
    const QDate from = dateOf(m_fromUs);
    switch (m_kind) {
    case Kind::Month: return from.toString(QStringLiteral("yyyy-MM"));
    case Kind::Quarter: return QStringLiteral("%1-Q%2").arg(from.year()).arg((from.month() - 1) / 3 + 1);
    case Kind::Year: return QString::number(from.year());
    case Kind::Custom: break;
    }
    return from.toString(Qt::ISODate) + QStringLiteral("..") + dateOf(m_toUs).toString(Qt::ISODate);
}

} // namespace QmsAudit
