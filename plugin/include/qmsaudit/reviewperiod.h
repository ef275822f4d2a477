// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QString>

namespace QmsAudit {

/**
 * A management-review period of whole UTC days: a month ("2026-07"), a quarter ("2026-Q3"), a
 * year ("2026") or a custom run of days ("2026-07-01..2026-07-15", the end excluded). What
 * EventReader::aggregates() is asked for, and what the previous period to compare with is.
 */
class QMSAUDIT_EXPORT ReviewPeriod
{
public:
    enum class Kind { Month, Quarter, Year, Custom };

    /// InvalidArgument with the accepted forms if @p text is none of them.
    static Result<ReviewPeriod> parse(const QString &text);
    static ReviewPeriod month(int year, int month);
    static ReviewPeriod quarter(int year, int quarter);
    static ReviewPeriod year(int year);
    /// [fromUs, toUs) on UTC midnights, fromUs < toUs (InvalidArgument otherwise).
    static Result<ReviewPeriod> custom(qint64 fromUs, qint64 toUs);

    /// The period of the same kind just before: the month, quarter or year before, or as many
    /// days ending where this one starts.
    ReviewPeriod previous() const;

    Kind kind() const { return m_kind; }
    qint64 fromUs() const { return m_fromUs; }
    qint64 toUs() const { return m_toUs; }
    /// "2026-07", "2026-Q3", "2026" or "2026-07-01..2026-07-15", as parse() reads it.
    QString label() const;

private:
    ReviewPeriod(Kind kind, qint64 fromUs, qint64 toUs);

    Kind m_kind;
    qint64 m_fromUs;
    qint64 m_toUs;
};

} // namespace QmsAudit
