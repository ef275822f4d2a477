// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventvalidator.h>

#include "integrity/canonicalencoding_p.h"

#include <algorithm>

namespace QmsAudit {
namespace {

enum class TextKind {
    Identifier, ///< ids, types, names of things: no control characters at all
    FreeText,   ///< titles, reasons, values: tab, CR and LF allowed
};

Error invalid(const QString &field, const QString &why)
{
    return Error(ErrorCode::InvalidEvent, QStringLiteral("Invalid event: %1 %2.").arg(field, why));
}

Result<void> checkText(const QString &value, const QString &field, int maxLength, bool required, TextKind kind)
{
    if (required && value.trimmed().isEmpty())
        return invalid(field, QStringLiteral("is required"));
    if (value.size() > maxLength)
        return invalid(field, QStringLiteral("is %1 characters long; the limit is %2").arg(value.size()).arg(maxLength));
    if (!QStringView(value).isValidUtf16())
        return invalid(field, QStringLiteral("is not valid Unicode (unpaired surrogate)"));
    for (QChar c : value) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
        const bool allowedWhitespace = kind == TextKind::FreeText && (u == '\t' || u == '\n' || u == '\r');
        if (control && !allowedWhitespace)
            return invalid(field, QStringLiteral("contains the control character U+%1").arg(int(u), 4, 16, QLatin1Char('0')));
    }
    return {};
}

/// An upper bound of the canonical encoding's size: at most 3 UTF-8 bytes per UTF-16 unit plus
/// a generous allowance per field, so the exact (and costly) encoding is needed only near the limit.
qint64 encodedSizeBound(const Event &event)
{
    qint64 chars = event.actor.id.size() + event.actor.name.size() + event.object.type.size() + event.object.id.size()
        + event.object.version.size() + event.object.title.size() + event.reason.size() + event.signatureMeaning.size()
        + event.session.size() + event.host.app.size() + event.host.version.size() + event.host.workstation.size();
    qint64 fields = 32;
    for (const QString &role : event.actor.roles)
        chars += role.size();
    for (const FieldChange &change : event.changes)
        chars += change.field.size() + change.oldValue.size() + change.newValue.size();
    for (auto it = event.attributes.cbegin(); it != event.attributes.cend(); ++it)
        chars += it.key().size() + it.value().size();
    fields += event.actor.roles.size() + 3 * event.changes.size() + 2 * event.attributes.size();
    return 3 * chars + 64 * fields;
}

bool isAttributeKeyChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '.' || u == '-';
}

} // namespace

Result<void> validateEvent(const Event &event, const QSet<Action> &reasonRequired)
{
    using L = EventLimits;
    const ActionCategory category = actionCategory(event.action);
    const bool needsObject = category == ActionCategory::Access || category == ActionCategory::Change
        || category == ActionCategory::Workflow;

    struct Check {
        const QString &value;
        const char *field;
        int limit;
        bool required;
        TextKind kind;
    };
    const Check checks[] = {
        {event.actor.id, "actor.id", L::ActorId, true, TextKind::Identifier},
        {event.actor.name, "actor.name", L::ActorName, false, TextKind::Identifier},
        {event.object.type, "object.type", L::ObjectType, needsObject, TextKind::Identifier},
        {event.object.id, "object.id", L::ObjectId, needsObject, TextKind::Identifier},
        {event.object.version, "object.version", L::ObjectVersion, false, TextKind::Identifier},
        {event.object.title, "object.title", L::ObjectTitle, false, TextKind::FreeText},
        {event.reason, "reason", L::Reason, false, TextKind::FreeText},
        {event.signatureMeaning, "signature_meaning", L::SignatureMeaning, event.action == Action::Sign, TextKind::FreeText},
        {event.session, "session", L::Session, false, TextKind::Identifier},
        {event.host.app, "host.app", L::HostApp, false, TextKind::Identifier},
        {event.host.version, "host.version", L::HostVersion, false, TextKind::Identifier},
        {event.host.workstation, "host.workstation", L::HostWorkstation, false, TextKind::Identifier},
    };
    for (const Check &check : checks) {
        if (auto r = checkText(check.value, QString::fromLatin1(check.field), check.limit, check.required, check.kind); !r)
            return r;
    }

    if (event.actor.roles.size() > L::Roles)
        return invalid(QStringLiteral("actor.roles"), QStringLiteral("has %1 entries; the limit is %2").arg(event.actor.roles.size()).arg(L::Roles));
    for (const QString &role : event.actor.roles) {
        if (auto r = checkText(role, QStringLiteral("actor.roles[]"), L::Role, true, TextKind::Identifier); !r)
            return r;
    }

    if (event.changes.size() > L::Changes)
        return invalid(QStringLiteral("changes"), QStringLiteral("has %1 entries; the limit is %2").arg(event.changes.size()).arg(L::Changes));
    for (const FieldChange &change : event.changes) {
        if (auto r = checkText(change.field, QStringLiteral("changes[].field"), L::ChangeField, true, TextKind::Identifier); !r)
            return r;
        if (auto r = checkText(change.oldValue, QStringLiteral("changes[].old"), L::ChangeValue, false, TextKind::FreeText); !r)
            return r;
        if (auto r = checkText(change.newValue, QStringLiteral("changes[].new"), L::ChangeValue, false, TextKind::FreeText); !r)
            return r;
    }

    if (event.attributes.size() > L::Attributes)
        return invalid(QStringLiteral("attributes"), QStringLiteral("has %1 entries; the limit is %2").arg(event.attributes.size()).arg(L::Attributes));
    for (auto it = event.attributes.cbegin(); it != event.attributes.cend(); ++it) {
        if (it.key().isEmpty() || it.key().size() > L::AttributeKey || !std::all_of(it.key().cbegin(), it.key().cend(), isAttributeKeyChar))
            return invalid(QStringLiteral("attribute key \"%1\"").arg(it.key().left(L::AttributeKey)),
                           QStringLiteral("must be 1..%1 characters of A-Z a-z 0-9 _ . -").arg(L::AttributeKey));
        if (auto r = checkText(it.value(), QStringLiteral("attributes.%1").arg(it.key()), L::AttributeValue, false, TextKind::FreeText); !r)
            return r;
    }

    if (event.occurredAtUs && *event.occurredAtUs < 0)
        return invalid(QStringLiteral("occurred_at"), QStringLiteral("is before 1970"));

    if (encodedSizeBound(event) > L::EncodedBytes) {
        if (const qint64 size = CanonicalEncoding::encode(event).size(); size > L::EncodedBytes) {
            return Error(ErrorCode::InvalidEvent,
                         QStringLiteral("Invalid event: it encodes to %1 bytes; the limit is %2.").arg(size).arg(L::EncodedBytes));
        }
    }

    if (reasonRequired.contains(event.action) && event.reason.trimmed().isEmpty()) {
        return Error(ErrorCode::ReasonRequired,
                     QStringLiteral("A reason is required for \"%1\" events by this log's policy.").arg(actionName(event.action)));
    }
    return {};
}

} // namespace QmsAudit
