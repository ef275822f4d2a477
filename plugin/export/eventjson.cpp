// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventjson.h>

#include <qmsaudit/timestamp.h>

#include "export/jsonkeycheck_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace QmsAudit {
namespace {

Error badField(const QString &field, const QString &why)
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("field \"%1\" %2").arg(field, why));
}

/// Reads an optional string member; absent or null give an empty string.
bool readString(const QJsonObject &object, const char *key, QString &out, const QString &path, Error &error)
{
    const QJsonValue value = object.value(QLatin1StringView(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString()) {
        error = badField(path + QLatin1StringView(key), QStringLiteral("must be a string"));
        return false;
    }
    out = value.toString();
    return true;
}

bool checkKeys(const QJsonObject &object, std::initializer_list<const char *> allowed, const QString &path, Error &error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const char *key : allowed)
            known = known || it.key() == QLatin1StringView(key);
        if (!known) {
            error = badField(path + it.key(), QStringLiteral("is not part of the event format"));
            return false;
        }
    }
    return true;
}

bool readObject(const QJsonObject &parent, const char *key, QJsonObject &out, Error &error)
{
    const QJsonValue value = parent.value(QLatin1StringView(key));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject()) {
        error = badField(QLatin1StringView(key), QStringLiteral("must be an object"));
        return false;
    }
    out = value.toObject();
    return true;
}

bool readTimestamp(const QJsonObject &object, const char *key, std::optional<qint64> &out, Error &error)
{
    const QJsonValue value = object.value(QLatin1StringView(key));
    if (value.isUndefined() || value.isNull())
        return true;
    const auto parsed = value.isString() ? parseTimestamp(value.toString()) : std::nullopt;
    if (!parsed) {
        error = badField(QLatin1StringView(key), QStringLiteral("must be an ISO 8601 UTC timestamp like 2026-01-31T09:30:00Z"));
        return false;
    }
    out = parsed;
    return true;
}

/// Whether a spreadsheet would evaluate @p value as a formula (OWASP's CSV injection list).
bool startsLikeAFormula(const QString &value)
{
    static const QString starts = QStringLiteral("=+-@\t\r");
    return !value.isEmpty() && starts.contains(value.front());
}

QString csvCell(QString value, CsvCells cells)
{
    if (cells == CsvCells::SpreadsheetSafe && startsLikeAFormula(value))
        value.prepend(QLatin1Char('\''));
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString compact(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject eventToJson(const Event &event)
{
    QJsonObject json;
    if (event.seq > 0)
        json.insert(QStringLiteral("seq"), event.seq);
    if (event.recordedAtUs != 0 || event.seq > 0)
        json.insert(QStringLiteral("recorded_at"), formatTimestamp(event.recordedAtUs));
    if (event.occurredAtUs)
        json.insert(QStringLiteral("occurred_at"), formatTimestamp(*event.occurredAtUs));
    json.insert(QStringLiteral("actor"), QJsonObject{{QStringLiteral("id"), event.actor.id},
                                                     {QStringLiteral("name"), event.actor.name},
                                                     {QStringLiteral("roles"), QJsonArray::fromStringList(event.actor.roles)}});
    json.insert(QStringLiteral("action"), actionName(event.action));
    json.insert(QStringLiteral("object"), QJsonObject{{QStringLiteral("type"), event.object.type},
                                                      {QStringLiteral("id"), event.object.id},
                                                      {QStringLiteral("version"), event.object.version},
                                                      {QStringLiteral("title"), event.object.title}});
    json.insert(QStringLiteral("outcome"), outcomeName(event.outcome));
    json.insert(QStringLiteral("reason"), event.reason);
    QJsonArray changes;
    for (const FieldChange &change : event.changes) {
        changes.append(QJsonObject{{QStringLiteral("field"), change.field},
                                   {QStringLiteral("old"), change.oldValue},
                                   {QStringLiteral("new"), change.newValue}});
    }
    json.insert(QStringLiteral("changes"), changes);
    json.insert(QStringLiteral("signature_meaning"), event.signatureMeaning);
    json.insert(QStringLiteral("session"), event.session);
    json.insert(QStringLiteral("host"), QJsonObject{{QStringLiteral("app"), event.host.app},
                                                    {QStringLiteral("version"), event.host.version},
                                                    {QStringLiteral("workstation"), event.host.workstation}});
    QJsonObject attributes;
    for (auto it = event.attributes.cbegin(); it != event.attributes.cend(); ++it)
        attributes.insert(it.key(), it.value());
    json.insert(QStringLiteral("attributes"), attributes);
    if (!event.hash.isEmpty())
        json.insert(QStringLiteral("hash"), QString::fromLatin1(event.hash.toHex()));
    return json;
}

Result<Event> eventFromJson(const QJsonObject &json)
{
    Error error;
    if (!checkKeys(json, {"seq", "recorded_at", "occurred_at", "actor", "action", "object", "outcome", "reason", "changes",
                          "signature_meaning", "session", "host", "attributes", "hash"},
                   QString(), error))
        return error;
    Event event;
    const QJsonValue seq = json.value(QStringLiteral("seq"));
    if (!seq.isUndefined() && !seq.isNull()) {
        if (!seq.isDouble() || seq.toDouble() < 1 || seq.toDouble() != double(seq.toInteger()))
            return badField(QStringLiteral("seq"), QStringLiteral("must be a positive integer"));
        event.seq = seq.toInteger();
    }
    std::optional<qint64> recordedAt;
    if (!readTimestamp(json, "recorded_at", recordedAt, error) || !readTimestamp(json, "occurred_at", event.occurredAtUs, error))
        return error;
    event.recordedAtUs = recordedAt.value_or(0);

    QJsonObject actor;
    if (!readObject(json, "actor", actor, error) || !checkKeys(actor, {"id", "name", "roles"}, QStringLiteral("actor."), error)
        || !readString(actor, "id", event.actor.id, QStringLiteral("actor."), error)
        || !readString(actor, "name", event.actor.name, QStringLiteral("actor."), error))
        return error;
    const QJsonValue roles = actor.value(QStringLiteral("roles"));
    if (!roles.isUndefined() && !roles.isNull()) {
        if (!roles.isArray())
            return badField(QStringLiteral("actor.roles"), QStringLiteral("must be an array of strings"));
        for (const QJsonValue &role : roles.toArray()) {
            if (!role.isString())
                return badField(QStringLiteral("actor.roles"), QStringLiteral("must be an array of strings"));
            event.actor.roles.append(role.toString());
        }
    }

    QString action;
    if (!readString(json, "action", action, QString(), error))
        return error;
    const auto parsedAction = actionFromName(action);
    if (!parsedAction)
        return badField(QStringLiteral("action"), QStringLiteral("has the unknown value \"%1\"").arg(action));
    event.action = *parsedAction;

    QJsonObject object;
    if (!readObject(json, "object", object, error)
        || !checkKeys(object, {"type", "id", "version", "title"}, QStringLiteral("object."), error)
        || !readString(object, "type", event.object.type, QStringLiteral("object."), error)
        || !readString(object, "id", event.object.id, QStringLiteral("object."), error)
        || !readString(object, "version", event.object.version, QStringLiteral("object."), error)
        || !readString(object, "title", event.object.title, QStringLiteral("object."), error))
        return error;

    QString outcome = QStringLiteral("success");
    if (!readString(json, "outcome", outcome, QString(), error))
        return error;
    const auto parsedOutcome = outcomeFromName(outcome);
    if (!parsedOutcome)
        return badField(QStringLiteral("outcome"), QStringLiteral("has the unknown value \"%1\"").arg(outcome));
    event.outcome = *parsedOutcome;

    if (!readString(json, "reason", event.reason, QString(), error)
        || !readString(json, "signature_meaning", event.signatureMeaning, QString(), error)
        || !readString(json, "session", event.session, QString(), error))
        return error;

    const QJsonValue changes = json.value(QStringLiteral("changes"));
    if (!changes.isUndefined() && !changes.isNull()) {
        if (!changes.isArray())
            return badField(QStringLiteral("changes"), QStringLiteral("must be an array"));
        for (const QJsonValue &entry : changes.toArray()) {
            if (!entry.isObject())
                return badField(QStringLiteral("changes"), QStringLiteral("must hold objects with field, old and new"));
            const QJsonObject change = entry.toObject();
            FieldChange fc;
            if (!checkKeys(change, {"field", "old", "new"}, QStringLiteral("changes[]."), error)
                || !readString(change, "field", fc.field, QStringLiteral("changes[]."), error)
                || !readString(change, "old", fc.oldValue, QStringLiteral("changes[]."), error)
                || !readString(change, "new", fc.newValue, QStringLiteral("changes[]."), error))
                return error;
            event.changes.append(fc);
        }
    }

    QJsonObject host;
    if (!readObject(json, "host", host, error) || !checkKeys(host, {"app", "version", "workstation"}, QStringLiteral("host."), error)
        || !readString(host, "app", event.host.app, QStringLiteral("host."), error)
        || !readString(host, "version", event.host.version, QStringLiteral("host."), error)
        || !readString(host, "workstation", event.host.workstation, QStringLiteral("host."), error))
        return error;

    QJsonObject attributes;
    if (!readObject(json, "attributes", attributes, error))
        return error;
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (!it.value().isString())
            return badField(QStringLiteral("attributes.") + it.key(), QStringLiteral("must be a string"));
        event.attributes.insert(it.key(), it.value().toString());
    }

    const QJsonValue hash = json.value(QStringLiteral("hash"));
    if (!hash.isUndefined() && !hash.isNull()) {
        const QByteArray hex = hash.toString().toLatin1();
        if (!hash.isString() || hex.size() != 64 || QByteArray::fromHex(hex).toHex() != hex.toLower())
            return badField(QStringLiteral("hash"), QStringLiteral("must be 64 hexadecimal characters"));
        event.hash = QByteArray::fromHex(hex);
    }
    return event;
}

QStringList csvHeader()
{
    return {QStringLiteral("seq"), QStringLiteral("recorded_at"), QStringLiteral("occurred_at"), QStringLiteral("actor_id"),
            QStringLiteral("actor_name"), QStringLiteral("actor_roles"), QStringLiteral("action"), QStringLiteral("object_type"),
            QStringLiteral("object_id"), QStringLiteral("object_version"), QStringLiteral("object_title"), QStringLiteral("outcome"),
            QStringLiteral("reason"), QStringLiteral("changes"), QStringLiteral("signature_meaning"), QStringLiteral("session"),
            QStringLiteral("host_app"), QStringLiteral("host_version"), QStringLiteral("host_workstation"),
            QStringLiteral("attributes"), QStringLiteral("hash")};
}

QString eventToCsvRow(const Event &event, CsvCells cells)
{
    const QJsonObject json = eventToJson(event);
    const QStringList values = {
        QString::number(event.seq),
        formatTimestamp(event.recordedAtUs),
        event.occurredAtUs ? formatTimestamp(*event.occurredAtUs) : QString(),
        event.actor.id,
        event.actor.name,
        compact(json.value(QStringLiteral("actor")).toObject().value(QStringLiteral("roles"))),
        actionName(event.action),
        event.object.type,
        event.object.id,
        event.object.version,
        event.object.title,
        outcomeName(event.outcome),
        event.reason,
        compact(json.value(QStringLiteral("changes"))),
        event.signatureMeaning,
        event.session,
        event.host.app,
        event.host.version,
        event.host.workstation,
        compact(json.value(QStringLiteral("attributes"))),
        QString::fromLatin1(event.hash.toHex()),
    };
    QStringList escaped;
    for (const QString &cell : values)
        escaped.append(csvCell(cell, cells));
    return escaped.join(QLatin1Char(','));
}

Result<Event> eventFromJsonLine(QByteArrayView line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("Invalid JSON at offset %1: %2.").arg(parseError.offset).arg(parseError.errorString()));
    }
    if (!document.isObject())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("Expected a JSON object (one event per line)."));
    if (const auto duplicate = JsonKeyCheck::firstDuplicateKey(line)) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The key \"%1\" occurs twice in one object; refusing to guess which one is meant.").arg(*duplicate));
    }
    return eventFromJson(document.object());
}

} // namespace QmsAudit
