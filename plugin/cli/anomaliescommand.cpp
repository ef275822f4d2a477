// SPDX-License-Identifier: LGPL-2.1-or-later
#include "anomaliescommand.h"

#include "console.h"
#include "exitstatus.h"
#include "reviewoptionparser.h"
#include "terminaltext.h"
#include "trailuserecorder.h"

#include <qmsaudit/anomalydetector.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iostream>

namespace QmsAudit::Cli {
namespace {

/// The rules named by --rule (repeatable, comma-separated); all when none is given.
Result<QList<AnomalyRule>> selectedRules(const CommandOptions &options)
{
    if (!options.isSet("rule"))
        return allAnomalyRules();
    QList<AnomalyRule> selected;
    for (const QString &value : options.values("rule")) {
        for (const QString &name : value.split(QLatin1Char(','))) {
            const auto rule = anomalyRuleFromName(name.trimmed());
            if (!rule) {
                QStringList allowed;
                for (AnomalyRule known : allAnomalyRules())
                    allowed.append(anomalyRuleName(known));
                return Error(ErrorCode::InvalidArgument,
                             QStringLiteral("Unknown rule '%1' for --rule; use %2.").arg(name, allowed.join(QStringLiteral(", "))));
            }
            if (!selected.contains(*rule))
                selected.append(*rule);
        }
    }
    return selected;
}

void printText(const AnomalyReport &report, const QList<AnomalyFlag> &flags)
{
    for (const AnomalyFlag &flag : flags) {
        QString object = flag.object.id.isEmpty() ? QString() : QStringLiteral(" %1:%2").arg(flag.object.type, flag.object.id);
        if (!flag.object.version.isEmpty())
            object += QLatin1Char('@') + flag.object.version;
        QStringList seqs;
        for (qint64 seq : flag.seqs)
            seqs.append(QString::number(seq));
        if (flag.eventCount > flag.seqs.size())
            seqs.insert(seqs.size() - 1, QStringLiteral("…"));
        // Titles, reasons and ids come from the log: never let them drive the terminal.
        Console::printLine(std::cout, TerminalText::escaped(QStringLiteral("%1 %2 %3%4 %5 .. %6")
                                                                .arg(anomalySeverityName(flag.severity).toUpper(), anomalyRuleName(flag.rule),
                                                                     flag.actorId, object, formatTimestamp(flag.firstUs),
                                                                     formatTimestamp(flag.lastUs))));
        Console::printLine(std::cout, QStringLiteral("  ") + TerminalText::escaped(flag.explanation));
        Console::printLine(std::cout, QStringLiteral("  seqs (%1 event(s)): %2").arg(flag.eventCount).arg(seqs.join(QStringLiteral(", "))));
    }
    Console::printLine(std::cout, QStringLiteral("%1 flag(s) in %2 .. %3 (%4 events in the period, %5 read before it)")
                                      .arg(flags.size())
                                      .arg(formatTimestamp(report.fromUs), formatTimestamp(report.toUs))
                                      .arg(report.periodEvents)
                                      .arg(report.historyEvents));
}

void printJson(const AnomalyReport &report, const QList<AnomalyFlag> &flags, const AnomalyRules &rules)
{
    QJsonArray array;
    for (const AnomalyFlag &flag : flags)
        array.append(anomalyFlagToJson(flag));
    const QJsonObject document{
        {QStringLiteral("from"), formatTimestamp(report.fromUs)},
        {QStringLiteral("to"), formatTimestamp(report.toUs)},
        {QStringLiteral("period_events"), report.periodEvents},
        {QStringLiteral("history_events"), report.historyEvents},
        {QStringLiteral("rules"), QJsonObject::fromVariantMap(rules.toVariantMap())},
        {QStringLiteral("rules_sha256"), rules.digest()},
        {QStringLiteral("flags"), array},
    };
    const QByteArray json = QJsonDocument(document).toJson(QJsonDocument::Indented);
    std::cout.write(json.constData(), json.size());
}

} // namespace

int AnomaliesCommand::run(const CommandOptions &options)
{
    for (const char *required : {"from", "to"}) {
        if (auto given = options.requiredValue(required); !given)
            return Console::fail(given.error());
    }
    auto range = options.timeRange();
    if (!range)
        return Console::fail(range.error());
    const bool json = options.value("format") == QLatin1StringView("json");
    if (options.isSet("format") && !json && options.value("format") != QLatin1StringView("text"))
        return Console::usageError(QStringLiteral("Unknown format '%1' for anomalies; use text or json.").arg(options.value("format")));
    auto selected = selectedRules(options);
    if (!selected)
        return Console::fail(selected.error());
    auto rules = ReviewOptionParser::anomalyRules(options);
    if (!rules) {
        Console::fail(rules.error());
        return toInt(ExitStatus::BadRules);
    }
    for (AnomalyRule rule : allAnomalyRules())
        rules->setEnabled(rule, rules->isEnabled(rule) && selected->contains(rule));
    const QString actor = options.value("actor");

    auto use = TrailUseRecorder::create(options, Action::TrailViewed, QStringLiteral("cli anomalies"));
    if (!use)
        return Console::fail(use.error());
    EventFilter period;
    period.fromUs = range->first;
    period.toUs = range->second;
    period.actorId = actor;
    use->setAttribute(QStringLiteral("filter"), period.describe());
    QStringList enabled;
    for (AnomalyRule rule : allAnomalyRules()) {
        if (rules->isEnabled(rule))
            enabled.append(anomalyRuleName(rule));
    }
    use->setAttribute(QStringLiteral("rules"), enabled.isEmpty() ? QStringLiteral("none") : enabled.join(QLatin1Char(',')));
    use->setAttribute(QStringLiteral("rules_sha256"), rules->digest());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto reader = opened->log->reader();
    if (!reader)
        return Console::fail(reader.error());
    auto report = AnomalyDetector::scan(**reader, *range->first, *range->second, *rules);
    if (!report)
        return Console::fail(report.error());
    QList<AnomalyFlag> flags;
    for (const AnomalyFlag &flag : std::as_const(report->flags)) {
        if (actor.isEmpty() || flag.actorId == actor)
            flags.append(flag);
    }
    if (json)
        printJson(*report, flags, *rules);
    else
        printText(*report, flags);
    std::cout.flush();
    // After the output, so that a scan never flags its own record.
    use->setAttribute(QStringLiteral("flag_count"), QString::number(flags.size()));
    use->setAttribute(QStringLiteral("event_count"), QString::number(report->periodEvents));
    return use->record(*opened->log, toInt(ExitStatus::Ok));
}

} // namespace QmsAudit::Cli
