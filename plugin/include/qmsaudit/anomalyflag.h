// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/qmsaudit_export.h>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace QmsAudit {

/// The anomaly rules of the management review; each is defined in docs/anomalies.md.
enum class AnomalyRule {
    AfterHours,   ///< "after_hours": work on documented information outside the site's working hours
    BulkAccess,   ///< "bulk_access": far more distinct documents in an hour than the user's own baseline
    DeniedBurst,  ///< "denied_burst": many denied attempts by one user within minutes
    ReleasedEdit, ///< "released_edit": a change of a released document before a new revision
    SelfApproval, ///< "self_approval": approval or e-signature by an author of the change, where a second person is required
    Clock,        ///< "clock": clock_anomaly events, and occurred_at far from recorded_at
};

/// How much a flag deserves a reviewer's attention first.
enum class AnomalySeverity { Low, Medium, High };

/// "after_hours", "bulk_access", … (stable: configuration keys, CLI output, JSON).
QMSAUDIT_EXPORT QString anomalyRuleName(AnomalyRule rule);
/// Inverse of anomalyRuleName(); std::nullopt for an unknown name.
QMSAUDIT_EXPORT std::optional<AnomalyRule> anomalyRuleFromName(QStringView name);
/// Every rule, in declaration order.
QMSAUDIT_EXPORT QList<AnomalyRule> allAnomalyRules();
/// "low", "medium", "high".
QMSAUDIT_EXPORT QString anomalySeverityName(AnomalySeverity severity);

/**
 * One anomaly found by AnomalyDetector::scan(): which rule, whom and what it concerns, when, why
 * in one sentence, and the events behind it by seq, so that a reviewer can open each of them.
 */
struct QMSAUDIT_EXPORT AnomalyFlag {
    AnomalyRule rule = AnomalyRule::AfterHours;
    AnomalySeverity severity = AnomalySeverity::Low;
    QString actorId;         ///< whose activity is flagged
    ObjectRef object;        ///< released_edit, self_approval: the document; empty for the other rules
    qint64 firstUs = 0;      ///< recorded_at of the first event the rule counted
    qint64 lastUs = 0;       ///< recorded_at of the last one (bulk_access: the clock hour is in the explanation)
    QString explanation;     ///< one sentence with the figures and thresholds that made the rule fire
    /**
     * The events behind the flag, ascending. At most AnomalyRules::maxSeqsPerFlag of them: when
     * there are more, the first ones and the very last one (eventCount says how many in all).
     */
    QList<qint64> seqs;
    qint64 eventCount = 0;   ///< how many events are behind the flag
};

/**
 * The flag as JSON: rule, severity, actor, object {type, id, version, title} (when set),
 * first / last (UTC timestamps), explanation, seqs, event_count; what `qms-audit anomalies
 * --format json` prints for each flag.
 */
QMSAUDIT_EXPORT QJsonObject anomalyFlagToJson(const AnomalyFlag &flag);

} // namespace QmsAudit
