// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QSet>

namespace QmsAudit {

/// Field limits (characters, UTF-16 code units as QString counts them). See docs/event-model.md.
struct EventLimits {
    static constexpr int ActorId = 128;
    static constexpr int ActorName = 256;
    static constexpr int Roles = 32;
    static constexpr int Role = 64;
    static constexpr int ObjectType = 64;
    static constexpr int ObjectId = 256;
    static constexpr int ObjectVersion = 64;
    static constexpr int ObjectTitle = 512;
    static constexpr int Reason = 2000;
    static constexpr int Changes = 256;
    static constexpr int ChangeField = 128;
    static constexpr int ChangeValue = 65536;
    static constexpr int SignatureMeaning = 256;
    static constexpr int Session = 128;
    static constexpr int HostApp = 128;
    static constexpr int HostVersion = 64;
    static constexpr int HostWorkstation = 256;
    static constexpr int Attributes = 64;
    static constexpr int AttributeKey = 64;
    static constexpr int AttributeValue = 4096;
    static constexpr qint64 EncodedBytes = 4 * 1024 * 1024;
};

/**
 * Checks an event before it is appended: limits, required fields, no control characters in
 * identifiers, valid Unicode, and the reason policy (@p reasonRequired lists the actions that
 * must carry a reason). Returns InvalidEvent or ReasonRequired naming the offending field.
 */
QMSAUDIT_EXPORT Result<void> validateEvent(const Event &event, const QSet<Action> &reasonRequired);

} // namespace QmsAudit
