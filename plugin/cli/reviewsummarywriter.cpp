// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reviewsummarywriter.h"

#include <qmsaudit/keyfigure.h>
#include <qmsaudit/timestamp.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace QmsAudit::Cli {
namespace {

constexpr double kMicrosPerDay = 86'400'000'000.0;

QJsonObject countsObject(const QMap<QString, qint64> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), QJsonValue(it.value()));
    return object;
}

QJsonObject cycleObject(const QMap<QString, CycleTimes> &cycles)
{
    QJsonObject object;
    for (auto it = cycles.cbegin(); it != cycles.cend(); ++it) {
        object.insert(it.key(), QJsonObject{{QStringLiteral("count"), it->count},
                                            {QStringLiteral("median_days"), double(it->medianUs) / kMicrosPerDay},
                                            {QStringLiteral("p90_days"), double(it->p90Us) / kMicrosPerDay}});
    }
    return object;
}

QJsonArray rankingArray(const QList<RankedCount> &ranking, bool documents)
{
    QJsonArray array;
    for (const RankedCount &entry : ranking) {
        QJsonObject object{{QStringLiteral("id"), entry.id}, {QStringLiteral("count"), entry.count}};
        if (documents)
            object.insert(QStringLiteral("object_type"), entry.objectType);
        array.append(object);
    }
    return array;
}

QJsonValue timeOrNull(qint64 us)
{
    return us ? QJsonValue(formatTimestamp(us)) : QJsonValue(QJsonValue::Null);
}

QString days(qint64 us)
{
    return QStringLiteral("%1 d").arg(double(us) / kMicrosPerDay, 0, 'f', 1);
}

void appendRows(QString &text, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    for (const QStringList &row : rows) {
        QString line = QStringLiteral(" ");
        for (qsizetype c = 0; c < row.size(); ++c)
            line += QLatin1Char(' ') + (c == 0 ? row[c].leftJustified(widths[c]) : row[c].rightJustified(widths[c]));
        text += line.trimmed().isEmpty() ? QString() : line.remove(QRegularExpression(QStringLiteral("\\s+$"))) + QLatin1Char('\n');
    }
}

void appendSection(QString &text, const QString &title, const QList<QStringList> &rows)
{
    text += QLatin1Char('\n') + title + QLatin1Char('\n');
    if (rows.isEmpty())
        text += QStringLiteral("  (none)\n");
    else
        appendRows(text, rows);
}

QString objectName(const QString &type, const QString &id)
{
    return type.isEmpty() ? id : type + QLatin1Char(' ') + id;
}

} // namespace

QJsonObject ReviewSummaryWriter::toJson(const PeriodAggregates &a)
{
    QJsonObject byWeekAndGroup;
    for (auto it = a.byWeekAndGroup.cbegin(); it != a.byWeekAndGroup.cend(); ++it)
        byWeekAndGroup.insert(it.key(), countsObject(it.value()));
    QJsonArray stale;
    for (const StaleDocument &d : a.staleDocuments) {
        stale.append(QJsonObject{{QStringLiteral("object_type"), d.objectType},
                                 {QStringLiteral("object_id"), d.objectId},
                                 {QStringLiteral("last_revised_at"), timeOrNull(d.lastRevisedUs)},
                                 {QStringLiteral("last_reviewed_at"), timeOrNull(d.lastReviewedUs)}});
    }
    return QJsonObject{
        {QStringLiteral("from"), formatTimestamp(a.fromUs)},
        {QStringLiteral("to"), formatTimestamp(a.toUs)},
        {QStringLiteral("total"), a.total},
        {QStringLiteral("changes"), a.changes},
        {QStringLiteral("approvals"), a.approvals},
        {QStringLiteral("releases"), a.releases},
        {QStringLiteral("denied"), a.denied},
        {QStringLiteral("changes_without_reason"), a.changesWithoutReason},
        {QStringLiteral("by_action"), countsObject(a.byAction)},
        {QStringLiteral("by_action_group"), countsObject(a.byActionGroup)},
        {QStringLiteral("by_actor"), countsObject(a.byActor)},
        {QStringLiteral("by_object_type"), countsObject(a.byObjectType)},
        {QStringLiteral("by_outcome"), countsObject(a.byOutcome)},
        {QStringLiteral("by_day"), countsObject(a.byDay)},
        {QStringLiteral("by_week"), countsObject(a.byWeek)},
        {QStringLiteral("by_month"), countsObject(a.byMonth)},
        {QStringLiteral("by_week_and_group"), byWeekAndGroup},
        {QStringLiteral("submit_to_approve"), cycleObject(a.submitToApprove)},
        {QStringLiteral("submit_to_release"), cycleObject(a.submitToRelease)},
        {QStringLiteral("stale_document_count"), a.staleDocumentCount},
        {QStringLiteral("stale_documents"), stale},
        {QStringLiteral("top_accessed_documents"), rankingArray(a.topAccessedDocuments, true)},
        {QStringLiteral("top_users_by_changes"), rankingArray(a.topUsersByChanges, false)},
    };
}

QString ReviewSummaryWriter::render(const LabelledAggregates &current, const std::optional<LabelledAggregates> &previous, bool json)
{
    if (!json)
        return toTable(current, previous);
    QJsonObject root{{QStringLiteral("period"), current.period.label()}, {QStringLiteral("aggregates"), toJson(current.aggregates)}};
    if (previous) {
        root.insert(QStringLiteral("previous_period"), previous->period.label());
        root.insert(QStringLiteral("previous"), toJson(previous->aggregates));
        QJsonArray comparison;
        for (const KeyFigure &figure : KeyFigure::of(current.aggregates, &previous->aggregates)) {
            comparison.append(QJsonObject{{QStringLiteral("figure"), figure.name},
                                          {QStringLiteral("value"), figure.value},
                                          {QStringLiteral("previous"), *figure.previous},
                                          {QStringLiteral("change"), figure.change()},
                                          {QStringLiteral("direction"), figure.direction()}});
        }
        root.insert(QStringLiteral("comparison"), comparison);
    }
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString ReviewSummaryWriter::toTable(const LabelledAggregates &current, const std::optional<LabelledAggregates> &previous)
{
    const PeriodAggregates &a = current.aggregates;
    QString text = QStringLiteral("period  %1 (%2 to %3, UTC)\n")
                       .arg(current.period.label(), formatTimestamp(a.fromUs).left(10), formatTimestamp(a.toUs).left(10));
    if (previous)
        text += QStringLiteral("before  %1\n").arg(previous->period.label());

    QList<QStringList> figures;
    figures.append(previous ? QStringList{QStringLiteral("figure"), current.period.label(), previous->period.label(), QStringLiteral("change"),
                                          QStringLiteral("direction")}
                            : QStringList{QStringLiteral("figure"), current.period.label()});
    for (const KeyFigure &figure : KeyFigure::of(a, previous ? &previous->aggregates : nullptr)) {
        QStringList row{figure.name, QString::number(figure.value)};
        if (figure.previous)
            row << QString::number(*figure.previous) << figure.changeText() << figure.direction();
        figures.append(row);
    }
    appendSection(text, QStringLiteral("key figures"), figures);

    QList<QStringList> groups;
    for (auto it = a.byActionGroup.cbegin(); it != a.byActionGroup.cend(); ++it)
        groups.append({it.key(), QString::number(it.value())});
    appendSection(text, QStringLiteral("events by action group"), groups);

    QList<QStringList> months;
    for (auto it = a.byMonth.cbegin(); it != a.byMonth.cend(); ++it)
        months.append({it.key(), QString::number(it.value())});
    appendSection(text, QStringLiteral("events by month"), months);

    QList<QStringList> cycles;
    QStringList types = a.submitToApprove.keys() + a.submitToRelease.keys();
    types.removeDuplicates();
    std::sort(types.begin(), types.end());
    for (const QString &type : std::as_const(types)) {
        const auto cell = [](const QMap<QString, CycleTimes> &times, const QString &t) {
            const auto it = times.find(t);
            return it == times.end() ? QStringLiteral("-") : QStringLiteral("%1 / %2 (%3)").arg(days(it->medianUs), days(it->p90Us)).arg(it->count);
        };
        cycles.append({type, cell(a.submitToApprove, type), cell(a.submitToRelease, type)});
    }
    if (!cycles.isEmpty())
        cycles.prepend({QStringLiteral("object type"), QStringLiteral("submit to approve"), QStringLiteral("submit to release")});
    appendSection(text, QStringLiteral("cycle times: median / 90th percentile (cycles)"), cycles);

    QList<QStringList> documents;
    for (const RankedCount &entry : a.topAccessedDocuments)
        documents.append({objectName(entry.objectType, entry.id), QString::number(entry.count)});
    appendSection(text, QStringLiteral("top accessed documents"), documents);

    QList<QStringList> users;
    for (const RankedCount &entry : a.topUsersByChanges)
        users.append({entry.id, QString::number(entry.count)});
    appendSection(text, QStringLiteral("top users by changes"), users);

    QList<QStringList> stale;
    for (const StaleDocument &d : a.staleDocuments) {
        stale.append({objectName(d.objectType, d.objectId), d.lastRevisedUs ? formatTimestamp(d.lastRevisedUs).left(10) : QStringLiteral("never"),
                      d.lastReviewedUs ? formatTimestamp(d.lastReviewedUs).left(10) : QStringLiteral("never")});
    }
    if (!stale.isEmpty())
        stale.prepend({QStringLiteral("document"), QStringLiteral("last revised"), QStringLiteral("last reviewed")});
    appendSection(text, QStringLiteral("stale documents: %1 in all, the longest unrevised first").arg(a.staleDocumentCount), stale);
    return text;
}

} // namespace QmsAudit::Cli
