// SPDX-License-Identifier: LGPL-2.1-or-later
#include "statisticswriter.h"

#include <qmsaudit/timestamp.h>

#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>

namespace QmsAudit::Cli {
namespace {

QJsonValue timeValue(const std::optional<qint64> &micros)
{
    return micros ? QJsonValue(formatTimestamp(*micros)) : QJsonValue(QJsonValue::Null);
}

QJsonObject countsObject(const QMap<QString, qint64> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), QJsonValue(it.value()));
    return object;
}

void appendSection(QString &text, const QString &title, const QMap<QString, qint64> &counts)
{
    text += QLatin1Char('\n') + title + QLatin1Char('\n');
    if (counts.isEmpty()) {
        text += QStringLiteral("  (none)\n");
        return;
    }
    // Events without an object (login, started, …) have an empty object type: name that.
    const auto label = [](const QString &key) { return key.isEmpty() ? QStringLiteral("(no object)") : key; };
    qsizetype keyWidth = 0;
    qsizetype countWidth = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        keyWidth = std::max(keyWidth, label(it.key()).size());
        countWidth = std::max(countWidth, QString::number(it.value()).size());
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        text += QStringLiteral("  ") + label(it.key()).leftJustified(keyWidth) + QStringLiteral("  ")
            + QString::number(it.value()).rightJustified(countWidth) + QLatin1Char('\n');
    }
}

} // namespace

std::optional<StatisticsWriter::Format> StatisticsWriter::formatFromName(const QString &name)
{
    if (name == QLatin1String("table"))
        return Format::Table;
    if (name == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

QJsonObject StatisticsWriter::toJson(const LogStatistics &statistics)
{
    return QJsonObject{
        {QStringLiteral("from"), timeValue(statistics.fromUs)},
        {QStringLiteral("to"), timeValue(statistics.toUs)},
        {QStringLiteral("total"), QJsonValue(statistics.total)},
        {QStringLiteral("by_action"), countsObject(statistics.byAction)},
        {QStringLiteral("by_actor"), countsObject(statistics.byActor)},
        {QStringLiteral("by_object_type"), countsObject(statistics.byObjectType)},
        {QStringLiteral("by_outcome"), countsObject(statistics.byOutcome)},
        {QStringLiteral("by_day"), countsObject(statistics.byDay)},
    };
}

QString StatisticsWriter::toTable(const LogStatistics &statistics)
{
    const QString open = QStringLiteral("(open)");
    QString text = QStringLiteral("from   %1\nto     %2\ntotal  %3\n")
                       .arg(statistics.fromUs ? formatTimestamp(*statistics.fromUs) : open,
                            statistics.toUs ? formatTimestamp(*statistics.toUs) : open,
                            QString::number(statistics.total));
    appendSection(text, QStringLiteral("by action"), statistics.byAction);
    appendSection(text, QStringLiteral("by actor"), statistics.byActor);
    appendSection(text, QStringLiteral("by object type"), statistics.byObjectType);
    appendSection(text, QStringLiteral("by outcome"), statistics.byOutcome);
    appendSection(text, QStringLiteral("by day (UTC)"), statistics.byDay);
    return text;
}

QString StatisticsWriter::render(const LogStatistics &statistics, Format format)
{
    if (format == Format::Json)
        return QString::fromUtf8(QJsonDocument(toJson(statistics)).toJson(QJsonDocument::Indented));
    return toTable(statistics);
}

} // namespace QmsAudit::Cli
