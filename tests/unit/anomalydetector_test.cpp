// SPDX-License-Identifier: LGPL-2.1-or-later
// AnomalyDetector on hand-built logs: each rule fires where it must, stays quiet where it must
// not (at the thresholds, to the µs), and names the events behind each flag.

#include "anomalytestlog.h"

#include <qmsaudit/anomalydetector.h>
#include <qmsaudit/timestamp.h>

#include <QMultiMap>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

constexpr qint64 kHour = 3'600'000'000;
constexpr qint64 kMinute = 60'000'000;

AnomalyReport scanned(const AnomalyTestLog &log, const QString &from, const QString &to, const AnomalyRules &rules)
{
    auto report = log.scan(from, to, rules);
    EXPECT_TRUE(report) << report.error().message().toStdString();
    return report ? *report : AnomalyReport();
}

/// @p count views by @p actor of distinct documents DOC-<first>… in one transaction at @p atUs.
qint64 viewDocuments(AnomalyTestLog &log, qint64 atUs, const QString &actor, int count, int first = 0)
{
    QList<Event> events;
    for (int i = 0; i < count; ++i)
        events.append(anomalyEvent(actor, Action::View, u"DOC-%1"_s.arg(first + i)));
    return log.batchAt(atUs, events);
}

} // namespace

TEST(AnomalyAfterHours, FlagsWorkOutsideTheCalendarToTheMicrosecondAndNamesItsEvents)
{
    AnomalyTestLog log;
    AnomalyRules rules = onlyRule(AnomalyRule::AfterHours);
    rules.calendar.timeZone = QTimeZone("Europe/Zurich");
    // Thursday 2026-01-08, UTC+1: working time is [07:00Z, 17:00Z).
    const qint64 early = log.at(u"2026-01-08T06:59:59.999999Z"_s, anomalyEvent(u"u1"_s, Action::View));
    log.at(u"2026-01-08T07:00:00Z"_s, anomalyEvent(u"u1"_s, Action::Edit));
    log.at(u"2026-01-08T16:59:59.999999Z"_s, anomalyEvent(u"u1"_s, Action::Approve));
    const qint64 late = log.at(u"2026-01-08T17:00:00Z"_s, anomalyEvent(u"u1"_s, Action::Edit));
    // Not work on documented information: the audit system's and the trail's own events, logouts.
    log.at(u"2026-01-08T22:00:00Z"_s, anomalyEvent(u"u1"_s, Action::TrailViewed));
    log.at(u"2026-01-08T22:00:01Z"_s, anomalyEvent(u"u1"_s, Action::Logout));
    // Someone else at 01:00 local on Friday, and logging in on Saturday.
    const qint64 night = log.at(u"2026-01-09T00:00:00Z"_s, anomalyEvent(u"u2"_s, Action::View));
    const qint64 saturday = log.at(u"2026-01-10T11:00:00Z"_s, anomalyEvent(u"u2"_s, Action::Login));

    const AnomalyReport report = scanned(log, u"2026-01-08"_s, u"2026-01-11"_s, rules);
    ASSERT_EQ(report.flags.size(), 3);
    const AnomalyFlag &thursday = report.flags[0];
    EXPECT_EQ(thursday.rule, AnomalyRule::AfterHours);
    EXPECT_EQ(thursday.severity, AnomalySeverity::Low);
    EXPECT_EQ(thursday.actorId, u"u1"_s);
    EXPECT_EQ(thursday.seqs, (QList<qint64>{early, late}));
    EXPECT_EQ(thursday.eventCount, 2);
    EXPECT_EQ(thursday.firstUs, us(u"2026-01-08T06:59:59.999999Z"_s));
    EXPECT_EQ(thursday.lastUs, us(u"2026-01-08T17:00:00Z"_s));
    EXPECT_TRUE(thursday.explanation.contains(u"2026-01-08"_s)) << thursday.explanation.toStdString();
    EXPECT_TRUE(thursday.explanation.contains(u"07:59:59"_s)) << thursday.explanation.toStdString(); // local time
    EXPECT_TRUE(thursday.explanation.contains(u"Europe/Zurich"_s));
    // One flag per user and local date: Friday 01:00 local, then Saturday.
    EXPECT_EQ(report.flags[1].seqs, QList<qint64>{night});
    EXPECT_EQ(report.flags[2].seqs, QList<qint64>{saturday});
    EXPECT_EQ(report.flags[2].actorId, u"u2"_s);
}

TEST(AnomalyAfterHours, HolidaysAndTheDaylightSavingChangeMoveTheHours)
{
    AnomalyTestLog log;
    AnomalyRules rules = onlyRule(AnomalyRule::AfterHours);
    rules.calendar.timeZone = QTimeZone("Europe/Zurich");
    rules.calendar.holidays = {QDate(2026, 3, 27)};
    log.at(u"2026-03-26T06:30:00Z"_s, anomalyEvent(u"u1"_s, Action::View)); // Thursday 07:30 local (UTC+1): off
    log.at(u"2026-03-27T12:00:00Z"_s, anomalyEvent(u"u1"_s, Action::View)); // Friday, a holiday: off
    log.at(u"2026-03-30T06:30:00Z"_s, anomalyEvent(u"u1"_s, Action::View)); // Monday 08:30 local (UTC+2): working
    log.at(u"2026-03-30T15:59:59.999999Z"_s, anomalyEvent(u"u1"_s, Action::View)); // 17:59:59.999999 local: working
    log.at(u"2026-03-30T16:00:00Z"_s, anomalyEvent(u"u1"_s, Action::View)); // 18:00 local: off

    const AnomalyReport report = scanned(log, u"2026-03-26"_s, u"2026-04-01"_s, rules);
    ASSERT_EQ(report.flags.size(), 3);
    EXPECT_EQ(report.flags[0].seqs, QList<qint64>{1});
    EXPECT_EQ(report.flags[1].seqs, QList<qint64>{2});
    EXPECT_EQ(report.flags[2].seqs, QList<qint64>{5});
}

TEST(AnomalyBulkAccess, FiresAboveFactorTimesTheBaselineAndNotAtIt)
{
    AnomalyTestLog log;
    AnomalyRules rules = onlyRule(AnomalyRule::BulkAccess);
    rules.bulkAccess.factor = 5;
    rules.bulkAccess.minDistinctDocuments = 10;
    // Baselines before the period: u1 and u3 each have two active hours with 3 and 5 distinct
    // documents, a mean of 4; u2 has one with 30, which is not theirs.
    for (const QString &user : {u"u1"_s, u"u3"_s})
        viewDocuments(log, us(u"2026-03-01T10:15:00Z"_s), user, 3);
    for (const QString &user : {u"u1"_s, u"u3"_s})
        viewDocuments(log, us(u"2026-03-02T10:15:00Z"_s), user, 5);
    viewDocuments(log, us(u"2026-03-03T10:15:00Z"_s), u"u2"_s, 30);
    // In the period: u1 20 distinct (= 5 × 4: not more), u3 21 (more), in 23 events.
    viewDocuments(log, us(u"2026-04-02T09:00:00Z"_s), u"u1"_s, 20);
    const qint64 firstOf21 = log.at(u"2026-04-02T10:00:00Z"_s, anomalyEvent(u"u3"_s, Action::View, u"DOC-0"_s));
    viewDocuments(log, us(u"2026-04-02T10:30:00Z"_s), u"u3"_s, 21);
    const qint64 lastOf21 = log.at(u"2026-04-02T10:59:59.999999Z"_s, anomalyEvent(u"u3"_s, Action::Print, u"DOC-5"_s));

    const AnomalyReport report = scanned(log, u"2026-04-01"_s, u"2026-04-03"_s, rules);
    ASSERT_EQ(report.flags.size(), 1);
    const AnomalyFlag &flag = report.flags.first();
    EXPECT_EQ(flag.rule, AnomalyRule::BulkAccess);
    EXPECT_EQ(flag.severity, AnomalySeverity::Medium);
    EXPECT_EQ(flag.actorId, u"u3"_s);
    // The 23 access events of the hour (21 distinct documents).
    EXPECT_EQ(flag.eventCount, 23);
    ASSERT_EQ(flag.seqs.size(), 23);
    EXPECT_EQ(flag.seqs.first(), firstOf21);
    EXPECT_EQ(flag.seqs.last(), lastOf21);
    EXPECT_TRUE(flag.explanation.contains(u"21 distinct documents"_s)) << flag.explanation.toStdString();
    EXPECT_TRUE(flag.explanation.contains(u"baseline is 4.0"_s)) << flag.explanation.toStdString();
    // The baseline months read before the period are counted as history.
    EXPECT_EQ(report.historyEvents, 46);
    EXPECT_EQ(report.periodEvents, 43);
}

TEST(AnomalyBulkAccess, WithoutHistoryTheMinimumDecidesExactlyAtIt)
{
    AnomalyTestLog log;
    AnomalyRules rules = onlyRule(AnomalyRule::BulkAccess);
    rules.bulkAccess.minDistinctDocuments = 10;
    viewDocuments(log, us(u"2026-04-01T10:00:00Z"_s), u"new1"_s, 9);
    viewDocuments(log, us(u"2026-04-01T10:00:00Z"_s), u"new2"_s, 10);
    // Views of one document, denied views, searches and failed downloads add no distinct document.
    QList<Event> noise;
    for (int i = 0; i < 12; ++i) {
        Event denied = anomalyEvent(u"new1"_s, Action::View, u"DOC-X%1"_s.arg(i));
        denied.outcome = Outcome::Denied;
        noise << denied << anomalyEvent(u"new1"_s, Action::View, u"DOC-0"_s) << anomalyEvent(u"new1"_s, Action::Search, u"q%1"_s.arg(i));
    }
    log.batchAt(us(u"2026-04-01T10:30:00Z"_s), noise);

    const AnomalyReport report = scanned(log, u"2026-04-01"_s, u"2026-04-02"_s, rules);
    ASSERT_EQ(report.flags.size(), 1);
    EXPECT_EQ(report.flags.first().actorId, u"new2"_s);
    EXPECT_TRUE(report.flags.first().explanation.contains(u"no document access in the 90 days before"_s))
        << report.flags.first().explanation.toStdString();
}

TEST(AnomalyBulkAccess, TheBaselineIsTheConfiguredDaysBeforeTheHour)
{
    AnomalyTestLog log;
    AnomalyRules rules = onlyRule(AnomalyRule::BulkAccess);
    rules.bulkAccess.minDistinctDocuments = 10;
    rules.bulkAccess.baselineDays = 10;
    rules.bulkAccess.factor = 2;
    const qint64 hour = us(u"2026-04-20T10:00:00Z"_s);
    // u1's busy hour lies exactly 10 days (240 hours) before: inside the window; u2's one hour more: outside.
    viewDocuments(log, hour - 241 * kHour, u"u2"_s, 30);
    viewDocuments(log, hour - 240 * kHour, u"u1"_s, 30);
    viewDocuments(log, hour + 5 * kMinute, u"u1"_s, 12);
    viewDocuments(log, hour + 5 * kMinute, u"u2"_s, 12);

    const AnomalyReport report = scanned(log, u"2026-04-20"_s, u"2026-04-21"_s, rules);
    ASSERT_EQ(report.flags.size(), 1);
    EXPECT_EQ(report.flags.first().actorId, u"u2"_s);
}

TEST(AnomalyDeniedBurst, CountAttemptsWithinLessThanTheWindowFire)
{
    AnomalyTestLog log;
    const AnomalyRules rules = onlyRule(AnomalyRule::DeniedBurst); // 5 within less than 10 minutes
    const qint64 t0 = us(u"2026-05-04T09:00:00Z"_s);
    QMultiMap<qint64, Event> events; // appended in time order
    // u1: 5 attempts within 10 min - 1 µs, failed logins and denied access alike.
    for (int i = 0; i < 4; ++i)
        events.insert(t0 + i * kMinute, anomalyEvent(u"u1"_s, i % 2 ? Action::AccessDenied : Action::LoginFailed));
    events.insert(t0 + 10 * kMinute - 1, anomalyEvent(u"u1"_s, Action::AccessDenied));
    // u2: 5 attempts spanning exactly 10 minutes, and u3: 4 attempts, are no burst.
    for (int i = 0; i < 5; ++i)
        events.insert(t0 + 4 * kMinute + i * 150'000'000, anomalyEvent(u"u2"_s, Action::AccessDenied));
    for (int i = 0; i < 4; ++i)
        events.insert(t0 + 5 * kMinute + i, anomalyEvent(u"u3"_s, Action::AccessDenied));
    // A successful view is no attempt.
    events.insert(t0 + 10 * kMinute, anomalyEvent(u"u2"_s, Action::View));
    QList<qint64> burst;
    for (auto it = events.cbegin(); it != events.cend(); ++it) {
        const qint64 seq = log.at(it.key(), it.value());
        if (it.value().actor.id == u"u1"_s)
            burst.append(seq);
    }

    const AnomalyReport report = scanned(log, u"2026-05-04"_s, u"2026-05-05"_s, rules);
    ASSERT_EQ(report.flags.size(), 1);
    const AnomalyFlag &flag = report.flags.first();
    EXPECT_EQ(flag.rule, AnomalyRule::DeniedBurst);
    EXPECT_EQ(flag.actorId, u"u1"_s);
    EXPECT_EQ(flag.seqs, burst);
    EXPECT_EQ(flag.eventCount, 5);
    EXPECT_TRUE(flag.explanation.contains(u"5 denied attempts"_s)) << flag.explanation.toStdString();
}

TEST(AnomalyDeniedBurst, OverlappingBurstsMakeOneFlagAndSeparateOnesTwo)
{
    AnomalyTestLog log;
    AnomalyRules rules = onlyRule(AnomalyRule::DeniedBurst);
    rules.deniedBurst.count = 3;
    rules.deniedBurst.windowMinutes = 1;
    const qint64 t0 = us(u"2026-05-04T09:00:00Z"_s);
    // At 0, 20, 40, 70 and 90 s: {0, 20, 40} fires at 40; {20, 40, 70} spans 50 s and fires at 70,
    // sharing two attempts; {40, 70, 90} fires at 90: one flag of all five.
    for (int seconds : {0, 20, 40, 70, 90})
        log.at(t0 + seconds * 1'000'000LL, anomalyEvent(u"u1"_s, Action::AccessDenied));
    // Ten minutes later, three more: a second flag.
    for (int seconds : {600, 610, 620})
        log.at(t0 + seconds * 1'000'000LL, anomalyEvent(u"u1"_s, Action::AccessDenied));

    const AnomalyReport report = scanned(log, u"2026-05-04"_s, u"2026-05-05"_s, rules);
    ASSERT_EQ(report.flags.size(), 2);
    EXPECT_EQ(report.flags[0].seqs, (QList<qint64>{1, 2, 3, 4, 5}));
    EXPECT_EQ(report.flags[1].seqs, (QList<qint64>{6, 7, 8}));
}

TEST(AnomalyReleasedEdit, FlagsChangesBetweenAReleaseAndTheNextRevise)
{
    AnomalyTestLog log;
    const AnomalyRules rules = onlyRule(AnomalyRule::ReleasedEdit);
    log.at(u"2026-06-01T09:00:00Z"_s, anomalyEvent(u"author"_s, Action::Create));
    log.at(u"2026-06-01T09:10:00Z"_s, anomalyEvent(u"author"_s, Action::Edit));
    const qint64 release = log.at(u"2026-06-01T10:00:00Z"_s, anomalyEvent(u"qa"_s, Action::Release));
    const qint64 edit1 = log.at(u"2026-06-02T10:00:00Z"_s, anomalyEvent(u"author"_s, Action::Edit));
    Event denied = anomalyEvent(u"author"_s, Action::Edit);
    denied.outcome = Outcome::Denied; // refused: nothing changed
    log.at(u"2026-06-02T10:05:00Z"_s, denied);
    const qint64 edit2 = log.at(u"2026-06-02T10:10:00Z"_s, anomalyEvent(u"author"_s, Action::Edit));
    const qint64 restore = log.at(u"2026-06-02T10:20:00Z"_s, anomalyEvent(u"intruder"_s, Action::Restore));
    // The revise starts the next revision: edits after it are ordinary, until the next release.
    log.at(u"2026-06-03T09:00:00Z"_s, anomalyEvent(u"author"_s, Action::Revise));
    log.at(u"2026-06-03T09:10:00Z"_s, anomalyEvent(u"author"_s, Action::Edit));
    log.at(u"2026-06-04T09:00:00Z"_s, anomalyEvent(u"qa"_s, Action::Release));
    log.at(u"2026-06-04T09:30:00Z"_s, anomalyEvent(u"qa"_s, Action::Obsolete)); // withdrawal is no edit, and ends the release
    log.at(u"2026-06-04T09:40:00Z"_s, anomalyEvent(u"author"_s, Action::Edit));
    const qint64 again = log.at(u"2026-06-04T10:00:00Z"_s, anomalyEvent(u"qa"_s, Action::Release));
    const qint64 deleted = log.at(u"2026-06-04T10:30:00Z"_s, anomalyEvent(u"intruder"_s, Action::Delete));
    // Another document, never released.
    log.at(u"2026-06-04T11:00:00Z"_s, anomalyEvent(u"author"_s, Action::Edit, u"SOP-2"_s));

    const AnomalyReport report = scanned(log, u"2026-06-01"_s, u"2026-06-05"_s, rules);
    ASSERT_EQ(report.flags.size(), 3);
    const AnomalyFlag &edits = report.flags[0];
    EXPECT_EQ(edits.rule, AnomalyRule::ReleasedEdit);
    EXPECT_EQ(edits.severity, AnomalySeverity::High);
    EXPECT_EQ(edits.actorId, u"author"_s);
    EXPECT_EQ(edits.object.id, u"SOP-1"_s);
    EXPECT_EQ(edits.seqs, (QList<qint64>{release, edit1, edit2}));
    EXPECT_EQ(edits.eventCount, 3);
    EXPECT_EQ(edits.firstUs, us(u"2026-06-02T10:00:00Z"_s));
    EXPECT_TRUE(edits.explanation.contains(u"release at seq %1"_s.arg(release))) << edits.explanation.toStdString();
    EXPECT_EQ(report.flags[1].actorId, u"intruder"_s);
    EXPECT_EQ(report.flags[1].seqs, (QList<qint64>{release, restore}));
    EXPECT_EQ(report.flags[2].seqs, (QList<qint64>{again, deleted}));
}

TEST(AnomalyReleasedEdit, ReadsTheDocumentsHistoryBeforeThePeriod)
{
    AnomalyTestLog log;
    const AnomalyRules rules = onlyRule(AnomalyRule::ReleasedEdit);
    log.at(u"2025-01-10T09:00:00Z"_s, anomalyEvent(u"author"_s, Action::Create, u"SOP-1"_s));
    const qint64 release = log.at(u"2025-01-11T09:00:00Z"_s, anomalyEvent(u"qa"_s, Action::Release, u"SOP-1"_s));
    log.at(u"2025-01-12T09:00:00Z"_s, anomalyEvent(u"author"_s, Action::Create, u"SOP-2"_s));
    log.at(u"2025-01-13T09:00:00Z"_s, anomalyEvent(u"qa"_s, Action::Release, u"SOP-2"_s));
    log.at(u"2025-02-01T09:00:00Z"_s, anomalyEvent(u"author"_s, Action::Revise, u"SOP-2"_s));
    for (int i = 0; i < 30; ++i) // views in between: the history lookup skips them
        log.at(us(u"2025-03-01T09:00:00Z"_s) + i, anomalyEvent(u"reader"_s, Action::View, u"SOP-1"_s));
    // A year later, in the period: SOP-1 is still released, SOP-2 was revised.
    const qint64 edit = log.at(u"2026-06-02T10:00:00Z"_s, anomalyEvent(u"author"_s, Action::Edit, u"SOP-1"_s));
    log.at(u"2026-06-02T10:00:01Z"_s, anomalyEvent(u"author"_s, Action::Edit, u"SOP-2"_s));
    // Then SOP-1 is revised and released again in the period: from there on no history is needed.
    log.at(u"2026-06-02T11:00:00Z"_s, anomalyEvent(u"author"_s, Action::Revise, u"SOP-1"_s));
    const qint64 again = log.at(u"2026-06-03T09:00:00Z"_s, anomalyEvent(u"qa"_s, Action::Release, u"SOP-1"_s));
    const qint64 late = log.at(u"2026-06-04T09:00:00Z"_s, anomalyEvent(u"author"_s, Action::Edit, u"SOP-1"_s));

    const AnomalyReport report = scanned(log, u"2026-06-01"_s, u"2026-06-05"_s, rules);
    ASSERT_EQ(report.flags.size(), 2);
    EXPECT_EQ(report.flags[0].seqs, (QList<qint64>{release, edit}));
    EXPECT_EQ(report.flags[0].object.id, u"SOP-1"_s);
    EXPECT_EQ(report.flags[1].seqs, (QList<qint64>{again, late}));
    EXPECT_EQ(report.periodEvents, 5);
    // The two documents' histories, newest first back to their last release: release; revise, release.
    EXPECT_EQ(report.historyEvents, 3);
}

TEST(AnomalySelfApproval, FlagsAnAuthorApprovingTheirOwnChange)
{
    AnomalyTestLog log;
    AnomalyRules rules = onlyRule(AnomalyRule::SelfApproval);
    rules.selfApproval.objectTypes = {u"procedure"_s};
    const qint64 oldEdit = log.at(u"2026-06-01T09:00:00Z"_s, anomalyEvent(u"ann"_s, Action::Edit)); // before the period
    log.at(u"2026-07-01T09:00:00Z"_s, anomalyEvent(u"bob"_s, Action::Edit));
    const qint64 ownEdit = log.at(u"2026-07-01T09:10:00Z"_s, anomalyEvent(u"ann"_s, Action::Edit));
    log.at(u"2026-07-01T09:20:00Z"_s, anomalyEvent(u"cid"_s, Action::Approve)); // a second person: fine
    const qint64 approval = log.at(u"2026-07-01T09:30:00Z"_s, anomalyEvent(u"ann"_s, Action::Approve));
    Event asAuthor = anomalyEvent(u"ann"_s, Action::Sign);
    asAuthor.signatureMeaning = u"approved as author"_s; // the author's own signature is expected
    log.at(u"2026-07-01T09:40:00Z"_s, asAuthor);
    const qint64 asReviewer = log.at(u"2026-07-01T09:50:00Z"_s, anomalyEvent(u"bob"_s, Action::Sign)); // "approved as reviewer"
    // A form needs no second person; and after the release, ann authored nothing new.
    log.at(u"2026-07-01T10:00:00Z"_s, anomalyEvent(u"ann"_s, Action::Edit, u"FRM-1"_s, u"form"_s));
    log.at(u"2026-07-01T10:10:00Z"_s, anomalyEvent(u"ann"_s, Action::Approve, u"FRM-1"_s, u"form"_s));
    log.at(u"2026-07-01T11:00:00Z"_s, anomalyEvent(u"cid"_s, Action::Release));
    log.at(u"2026-07-01T11:10:00Z"_s, anomalyEvent(u"ann"_s, Action::Approve));

    const AnomalyReport report = scanned(log, u"2026-07-01"_s, u"2026-07-02"_s, rules);
    ASSERT_EQ(report.flags.size(), 2);
    const AnomalyFlag &ann = report.flags[0];
    EXPECT_EQ(ann.rule, AnomalyRule::SelfApproval);
    EXPECT_EQ(ann.severity, AnomalySeverity::High);
    EXPECT_EQ(ann.actorId, u"ann"_s);
    // Her changes since the last release (none before: the history back to the first event), then the approval.
    EXPECT_EQ(ann.seqs, (QList<qint64>{oldEdit, ownEdit, approval}));
    EXPECT_EQ(ann.firstUs, us(u"2026-07-01T09:30:00Z"_s));
    EXPECT_TRUE(ann.explanation.contains(u"authoring 2 of its changes"_s)) << ann.explanation.toStdString();
    EXPECT_EQ(report.flags[1].actorId, u"bob"_s);
    EXPECT_EQ(report.flags[1].seqs, (QList<qint64>{2, asReviewer}));
}

TEST(AnomalySelfApproval, ReadsTheAuthorsSinceTheLastReleaseBeforeThePeriod)
{
    AnomalyTestLog log;
    const AnomalyRules rules = onlyRule(AnomalyRule::SelfApproval);
    // SOP-2: released more than a year before the period, then edited by bob; read from its own
    // history, since the shared stream of authoring events stops at SOP-1's release.
    log.at(u"2025-01-10T09:00:00Z"_s, anomalyEvent(u"qa"_s, Action::Release, u"SOP-2"_s));
    const qint64 bobOld = log.at(u"2025-02-01T09:00:00Z"_s, anomalyEvent(u"bob"_s, Action::Edit, u"SOP-2"_s));
    for (int i = 0; i < 20; ++i)
        log.at(us(u"2025-03-01T09:00:00Z"_s) + i, anomalyEvent(u"reader"_s, Action::View, u"SOP-2"_s));
    // SOP-1: released this spring, then revised by ann.
    log.at(u"2026-03-01T09:00:00Z"_s, anomalyEvent(u"ann"_s, Action::Edit, u"SOP-1"_s)); // before the release: not counted
    const qint64 release = log.at(u"2026-03-02T09:00:00Z"_s, anomalyEvent(u"qa"_s, Action::Release, u"SOP-1"_s));
    const qint64 annAfter = log.at(u"2026-04-01T09:00:00Z"_s, anomalyEvent(u"ann"_s, Action::Revise, u"SOP-1"_s));
    Event denied = anomalyEvent(u"bob"_s, Action::Edit, u"SOP-1"_s);
    denied.outcome = Outcome::Denied; // bob changed nothing
    log.at(u"2026-04-02T09:00:00Z"_s, denied);
    // In the period: both approve.
    const qint64 annApproves = log.at(u"2026-07-01T09:00:00Z"_s, anomalyEvent(u"ann"_s, Action::Approve, u"SOP-1"_s));
    log.at(u"2026-07-01T09:10:00Z"_s, anomalyEvent(u"bob"_s, Action::Approve, u"SOP-1"_s));
    const qint64 bobApproves = log.at(u"2026-07-01T09:20:00Z"_s, anomalyEvent(u"bob"_s, Action::Approve, u"SOP-2"_s));

    const AnomalyReport report = scanned(log, u"2026-07-01"_s, u"2026-07-02"_s, rules);
    ASSERT_EQ(report.flags.size(), 2);
    EXPECT_EQ(report.flags[0].actorId, u"ann"_s);
    EXPECT_EQ(report.flags[0].seqs, (QList<qint64>{annAfter, annApproves}));
    EXPECT_TRUE(report.flags[0].explanation.contains(u"since its release at seq %1"_s.arg(release))) << report.flags[0].explanation.toStdString();
    EXPECT_EQ(report.flags[1].actorId, u"bob"_s);
    EXPECT_EQ(report.flags[1].seqs, (QList<qint64>{bobOld, bobApproves}));
}

TEST(AnomalyClock, FlagsClockAnomalyEventsAndSkewBeyondTheTolerances)
{
    AnomalyTestLog log;
    const AnomalyRules rules = onlyRule(AnomalyRule::Clock); // ahead 300 s, behind 24 h
    const qint64 t = us(u"2026-08-03T12:00:00Z"_s);
    Event anomaly = anomalyEvent(u"qmsaudit"_s, Action::ClockAnomaly);
    anomaly.attributes = {{u"kind"_s, u"jump"_s}, {u"drift_ms"_s, u"600000"_s},
                          {u"previous_utc"_s, u"2026-08-03T11:50:00.000000Z"_s}, {u"current_utc"_s, u"2026-08-03T12:00:00.000000Z"_s}};
    const qint64 jump = log.at(t, anomaly);
    const auto occurred = [&](qint64 occurredUs) {
        Event event = anomalyEvent(u"u1"_s, Action::View);
        event.occurredAtUs = occurredUs;
        return log.at(t, event);
    };
    occurred(t + 300'000'000);                       // exactly the tolerance ahead: fine
    const qint64 ahead = occurred(t + 300'000'001);  // 1 µs beyond
    occurred(t - 24 * kHour);                        // exactly 24 h behind: fine
    const qint64 behind = occurred(t - 24 * kHour - 1);
    const qint64 behindMore = occurred(t - 72 * kHour);

    const AnomalyReport report = scanned(log, u"2026-08-03"_s, u"2026-08-04"_s, rules);
    ASSERT_EQ(report.flags.size(), 3);
    EXPECT_EQ(report.flags[0].seqs, QList<qint64>{jump});
    EXPECT_TRUE(report.flags[0].explanation.contains(u"jump ahead"_s)) << report.flags[0].explanation.toStdString();
    const AnomalyFlag &aheadFlag = report.flags[1].seqs == QList<qint64>{ahead} ? report.flags[1] : report.flags[2];
    const AnomalyFlag &behindFlag = report.flags[1].seqs == QList<qint64>{ahead} ? report.flags[2] : report.flags[1];
    EXPECT_EQ(aheadFlag.seqs, QList<qint64>{ahead});
    EXPECT_TRUE(aheadFlag.explanation.contains(u"after their recorded_at"_s)) << aheadFlag.explanation.toStdString();
    EXPECT_EQ(behindFlag.seqs, (QList<qint64>{behind, behindMore}));
    EXPECT_TRUE(behindFlag.explanation.contains(u"up to 3 d 0 h before"_s)) << behindFlag.explanation.toStdString();
}

TEST(AnomalyClock, ImportedHistoryKeepsItsOldTimesUnflagged)
{
    AnomalyTestLog log;
    const AnomalyRules rules = onlyRule(AnomalyRule::Clock);
    const qint64 t = us(u"2026-08-03T12:00:00Z"_s);
    QList<Event> imported;
    for (int i = 0; i < 3; ++i) {
        Event old = anomalyEvent(u"u1"_s, Action::View);
        old.occurredAtUs = us(u"2019-01-01T00:00:00Z"_s) + i;
        imported.append(old);
    }
    Event trailer = anomalyEvent(u"importer"_s, Action::TrailImported);
    trailer.attributes = {{u"first_seq"_s, u"1"_s}, {u"last_seq"_s, u"3"_s}, {u"events"_s, u"3"_s}};
    imported.append(trailer);
    log.batchAt(t, imported);
    Event late = anomalyEvent(u"u1"_s, Action::View);
    late.occurredAtUs = us(u"2019-01-01T00:00:00Z"_s);
    const qint64 notImported = log.at(t + 1, late);

    const AnomalyReport report = scanned(log, u"2026-08-03"_s, u"2026-08-04"_s, rules);
    ASSERT_EQ(report.flags.size(), 1);
    EXPECT_EQ(report.flags.first().seqs, QList<qint64>{notImported});
}

TEST(AnomalyDetector, FlagsOnlyEventsOfThePeriodAndSortsThemByTime)
{
    AnomalyTestLog log;
    const AnomalyRules rules; // every rule, defaults: UTC 08:00-18:00 Monday to Friday
    log.at(u"2026-09-05T23:59:59.999999Z"_s, anomalyEvent(u"u1"_s, Action::View)); // Saturday, before the period
    const qint64 first = log.at(u"2026-09-06T00:00:00Z"_s, anomalyEvent(u"u1"_s, Action::View)); // Sunday
    for (int i = 0; i < 5; ++i) {
        Event denied = anomalyEvent(u"u2"_s, Action::View);
        denied.outcome = Outcome::Denied;
        log.at(us(u"2026-09-06T01:00:00Z"_s) + i, denied);
    }
    log.at(u"2026-09-07T00:00:00Z"_s, anomalyEvent(u"u1"_s, Action::View)); // the end is excluded

    const AnomalyReport report = scanned(log, u"2026-09-06"_s, u"2026-09-07"_s, rules);
    EXPECT_EQ(report.periodEvents, 6);
    ASSERT_EQ(report.flags.size(), 3);
    EXPECT_EQ(report.flags[0].rule, AnomalyRule::AfterHours);
    EXPECT_EQ(report.flags[0].seqs, QList<qint64>{first});
    // u2's denied views at 01:00 on a Sunday: after hours first (same time: rule order), then the burst.
    EXPECT_EQ(report.flags[1].rule, AnomalyRule::AfterHours);
    EXPECT_EQ(report.flags[2].rule, AnomalyRule::DeniedBurst);
    EXPECT_EQ(report.flags[2].seqs, report.flags[1].seqs);
}

TEST(AnomalyDetector, BoundsTheSeqsOfAFlagButCountsThemAll)
{
    AnomalyTestLog log;
    AnomalyRules rules = onlyRule(AnomalyRule::AfterHours);
    rules.maxSeqsPerFlag = 4;
    QList<qint64> seqs;
    for (int i = 0; i < 9; ++i)
        seqs.append(log.at(us(u"2026-09-06T10:00:00Z"_s) + i, anomalyEvent(u"u1"_s, Action::View)));
    const AnomalyReport report = scanned(log, u"2026-09-06"_s, u"2026-09-07"_s, rules);
    ASSERT_EQ(report.flags.size(), 1);
    EXPECT_EQ(report.flags.first().seqs, (QList<qint64>{seqs[0], seqs[1], seqs[2], seqs[8]}));
    EXPECT_EQ(report.flags.first().eventCount, 9);
}

TEST(AnomalyDetector, RefusesAnEmptyPeriodAndInvalidRules)
{
    AnomalyTestLog log;
    auto empty = log.scan(u"2026-09-07"_s, u"2026-09-07"_s, AnomalyRules());
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code(), ErrorCode::InvalidArgument);
    AnomalyRules bad;
    bad.deniedBurst.count = 0;
    auto invalid = log.scan(u"2026-09-01"_s, u"2026-09-07"_s, bad);
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().code(), ErrorCode::InvalidArgument);
    EXPECT_TRUE(invalid.error().message().contains(u"denied_burst.count"_s));
}

TEST(AnomalyDetector, StopsWithCancelledWhileTheFlagIsSet)
{
    AnomalyTestLog log;
    for (int i = 0; i < 50; ++i)
        log.at(us(u"2026-09-06T10:00:00Z"_s) + i, anomalyEvent(u"u1"_s, Action::View));
    std::atomic_bool cancel = true;
    auto cancelled = log.scan(u"2026-09-01"_s, u"2026-09-08"_s, AnomalyRules(), &cancel);
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code(), ErrorCode::Cancelled);
    cancel = false;
    auto done = log.scan(u"2026-09-01"_s, u"2026-09-08"_s, AnomalyRules(), &cancel);
    ASSERT_TRUE(done) << done.error().message().toStdString();
    EXPECT_EQ(done->flags.size(), 1);
}

} // namespace QmsAudit::Test
