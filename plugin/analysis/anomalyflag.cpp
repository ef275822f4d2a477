// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/anomalyflag.h>
#include <qmsaudit/timestamp.h>

#include <QJsonArray>

#include <array>

namespace QmsAudit {
namespace {

// Indexed by the enum's value; the names are configuration keys and output: never rename.
constexpr std::array<const char *, 6> kRuleNames = {"after_hours", "bulk_access", "denied_burst", "released_edit", "self_approval", "clock"};
static_assert(size_t(AnomalyRule::Clock) == kRuleNames.size() - 1);

} // namespace

QString anomalyRuleName(AnomalyRule rule)
{
    return QString::fromLatin1(kRuleNames[size_t(rule)]);
}

std::optional<AnomalyRule> anomalyRuleFromName(QStringView name)
{
    for (size_t i = 0; i < kRuleNames.size(); ++i) {
        if (name == QLatin1StringView(kRuleNames[i]))
            return AnomalyRule(i);
    }
    return std::nullopt;
}

QList<AnomalyRule> allAnomalyRules()
{
    QList<AnomalyRule> rules;
    for (size_t i = 0; i < kRuleNames.size(); ++i)
        rules.append(AnomalyRule(i));
    return rules;
}

QString anomalySeverityName(AnomalySeverity severity)
{
    switch (severity) {
    case AnomalySeverity::Low: return QStringLiteral("low");
    case AnomalySeverity::Medium: return QStringLiteral("medium");
    case AnomalySeverity::High: return QStringLiteral("high");
    }
    return {};
}

QJsonObject anomalyFlagToJson(const AnomalyFlag &flag)
{
    QJsonArray seqs;
    for (qint64 seq : flag.seqs)
        seqs.append(seq);
    QJsonObject json{
        {QStringLiteral("rule"), anomalyRuleName(flag.rule)},
        {QStringLiteral("severity"), anomalySeverityName(flag.severity)},
        {QStringLiteral("actor"), flag.actorId},
        {QStringLiteral("first"), formatTimestamp(flag.firstUs)},
        {QStringLiteral("last"), formatTimestamp(flag.lastUs)},
        {QStringLiteral("explanation"), flag.explanation},
        {QStringLiteral("seqs"), seqs},
        {QStringLiteral("event_count"), flag.eventCount},
    };
    if (!flag.object.id.isEmpty()) {
        json.insert(QStringLiteral("object"), QJsonObject{{QStringLiteral("type"), flag.object.type},
                                                          {QStringLiteral("id"), flag.object.id},
                                                          {QStringLiteral("version"), flag.object.version},
                                                          {QStringLiteral("title"), flag.object.title}});
    }
    return json;
}

} // namespace QmsAudit
