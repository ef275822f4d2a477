// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/action.h>
#include <qmsaudit/qmsaudit_export.h>

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace QmsAudit {

QMSAUDIT_EXPORT QString outcomeName(Outcome outcome);
QMSAUDIT_EXPORT std::optional<Outcome> outcomeFromName(QStringView name);

/// Who did it.
struct Actor {
    QString id;        ///< stable user id (required, 1..128 chars)
    QString name;      ///< display name at the time of the event
    QStringList roles; ///< roles held at the time of the event, in the host's order
    friend bool operator==(const Actor &, const Actor &) = default;
};

/// What it was done to: an item of documented information.
struct ObjectRef {
    QString type;    ///< "procedure", "work_instruction", "calibration_record", …
    QString id;      ///< the host's document/record id
    QString version; ///< revision the action applied to
    QString title;   ///< title at the time of the event
    friend bool operator==(const ObjectRef &, const ObjectRef &) = default;
};

/// One changed field; earlier values are never obscured (Part 11 §11.10(e)).
struct FieldChange {
    QString field;
    QString oldValue;
    QString newValue;
    friend bool operator==(const FieldChange &, const FieldChange &) = default;
};

/// The application that recorded the event.
struct HostInfo {
    QString app;
    QString version;
    QString workstation;
    friend bool operator==(const HostInfo &, const HostInfo &) = default;
};

/**
 * One audit event. Callers fill everything but `seq`, `recordedAtUs` and `hash`, which the log
 * assigns when it appends. Field limits are listed in docs/event-model.md and enforced by
 * AuditLog::append() (see validateEvent()).
 * @code
 * QmsAudit::Event e;
 * e.actor = {"u42", "Ada Lovelace", {"qa_manager"}};
 * e.action = QmsAudit::Action::Edit;
 * e.object = {"procedure", "SOP-017", "C", "Calibration of torque wrenches"};
 * e.reason = "Annual review";
 * e.changes = {{"interval_days", "365", "180"}};
 * @endcode
 */
struct Event {
    qint64 seq = 0;                    ///< 1, 2, 3 … per log, no gaps (assigned by the log)
    qint64 recordedAtUs = 0;           ///< UTC µs since the epoch (assigned by the log's clock)
    std::optional<qint64> occurredAtUs; ///< when it really happened, for imported history
    Actor actor;
    Action action = Action::View;
    ObjectRef object;
    Outcome outcome = Outcome::Success;
    QString reason;
    QList<FieldChange> changes;
    QString signatureMeaning;          ///< e.g. "approved as author" (required for Action::Sign)
    QString session;
    HostInfo host;
    QMap<QString, QString> attributes; ///< free-form, keys [A-Za-z0-9_.-]
    QByteArray hash;                   ///< SHA-256 chain hash (assigned by the log)

    friend bool operator==(const Event &, const Event &) = default;
};

} // namespace QmsAudit
