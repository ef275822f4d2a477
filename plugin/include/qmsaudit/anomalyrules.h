// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyflag.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVariantMap>

namespace QmsAudit {

/**
 * When a site works: working hours on working days, in the site's own time zone (an IANA id such
 * as "Europe/Zurich", so that daylight saving time moves the hours with the clocks), minus
 * holidays. A time is working time when its local date is a working day and not a holiday, and
 * its local time of day is at or after the start and before the end.
 */
struct QMSAUDIT_EXPORT SiteCalendar {
    QTimeZone timeZone = QTimeZone::utc();
    int workStartMinute = 8 * 60; ///< local minutes after midnight, inclusive
    int workEndMinute = 18 * 60;  ///< exclusive; 24 × 60 means until midnight
    QList<Qt::DayOfWeek> workingDays = mondayToFriday();
    QSet<QDate> holidays;         ///< local dates on which nobody works

    /// The default working days.
    static QList<Qt::DayOfWeek> mondayToFriday();
    /// Whether @p utcMicros (UTC µs since the epoch) falls in working time.
    bool isWorkingTime(qint64 utcMicros) const;
    /// Whether local @p date at @p microsOfDay µs after local midnight is working time.
    bool isWorkingTime(QDate date, qint64 microsOfDay) const;
};

/**
 * The rules of AnomalyDetector and their thresholds (docs/anomalies.md). The defaults are the
 * documented ones; a host reads its own from the "anomaly_rules" key of its AuditTrailConfig file,
 * the CLI from `--rules FILE`, both in the same JSON form:
 * @code
 * {
 *   "site_calendar": {"time_zone": "Europe/Zurich", "working_hours": "07:00-19:00",
 *                     "working_days": ["mon", "tue", "wed", "thu", "fri"], "holidays": ["2026-12-25"]},
 *   "bulk_access": {"factor": 5, "min_distinct_documents": 20, "baseline_days": 90},
 *   "denied_burst": {"count": 5, "window_minutes": 10},
 *   "self_approval": {"object_types": ["procedure", "batch_record"], "author_meanings": ["approved as author"]},
 *   "clock": {"ahead_tolerance_seconds": 300, "behind_tolerance_hours": 24},
 *   "released_edit": {"enabled": false}
 * }
 * @endcode
 */
struct QMSAUDIT_EXPORT AnomalyRules {
    SiteCalendar calendar;

    struct AfterHours {
        bool enabled = true;
    } afterHours;

    struct BulkAccess {
        bool enabled = true;
        /// An hour is flagged when its distinct documents exceed factor × the baseline …
        double factor = 5.0;
        /// … and are at least this many.
        int minDistinctDocuments = 20;
        /// The baseline: the user's mean distinct documents per active hour over these days before the hour.
        int baselineDays = 90;
    } bulkAccess;

    struct DeniedBurst {
        bool enabled = true;
        int count = 5;          ///< this many denied attempts by one user …
        int windowMinutes = 10; ///< … within less than this many minutes
    } deniedBurst;

    struct ReleasedEdit {
        bool enabled = true;
    } releasedEdit;

    struct SelfApproval {
        bool enabled = true;
        /// Object types whose approval and signature need a second person; "*" means every type.
        QStringList objectTypes = {QStringLiteral("*")};
        /// Signature meanings with which an author signs as the author: never flagged.
        QStringList authorMeanings = {QStringLiteral("approved as author")};
    } selfApproval;

    struct Clock {
        bool enabled = true;
        int aheadToleranceSeconds = 300; ///< occurred_at later than recorded_at by more than this
        int behindToleranceHours = 24;   ///< occurred_at earlier than recorded_at by more than this
    } clock;

    /// The most seqs a flag lists (the first ones and the last one); eventCount counts them all.
    int maxSeqsPerFlag = 50;

    /// Whether @p rule runs.
    bool isEnabled(AnomalyRule rule) const;
    void setEnabled(AnomalyRule rule, bool enabled);
    /// Whether approving or signing an object of @p objectType needs a second person.
    bool requiresSecondPerson(const QString &objectType) const;

    /// Parses the JSON form (above); unknown keys and bad values are InvalidArgument naming the key.
    static Result<AnomalyRules> fromVariantMap(const QVariantMap &map);
    /// Reads a JSON file holding that form: NotFound if it cannot be read, InvalidArgument if it is not valid.
    static Result<AnomalyRules> fromFile(const QString &path);
    /// Checks the ranges (docs/anomalies.md); fromVariantMap() calls it.
    Result<void> validate() const;
    /// Every setting in the JSON form, defaults included.
    QVariantMap toVariantMap() const;
    /// SHA-256 (hex) of toVariantMap() as compact JSON: which rules a scan ran with.
    QString digest() const;

    friend bool operator==(const AnomalyRules &a, const AnomalyRules &b) { return a.toVariantMap() == b.toVariantMap(); }
};

} // namespace QmsAudit
