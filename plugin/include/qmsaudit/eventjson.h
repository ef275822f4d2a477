// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QJsonObject>
#include <QStringList>

namespace QmsAudit {

/// The export/import JSON form of an event (docs/export-format.md): snake_case names, UTC timestamps.
QMSAUDIT_EXPORT QJsonObject eventToJson(const Event &event);
/**
 * Parses the JSON form. seq, recorded_at and hash are read if present (the receiving log assigns
 * its own on import). Unknown fields are an error, so typos are not silently dropped. Required
 * fields (actor.id, …) are checked by validateEvent() when the event is recorded: an AuditTrail
 * fills a missing actor from its current user first.
 */
QMSAUDIT_EXPORT Result<Event> eventFromJson(const QJsonObject &object);
/**
 * Parses one line of JSON Lines (UTF-8, an optional byte order mark is the caller's concern):
 * invalid JSON, anything but an object, and a key that occurs twice in one object are refused
 * (InvalidArgument), then eventFromJson() applies.
 */
QMSAUDIT_EXPORT Result<Event> eventFromJsonLine(QByteArrayView line);

/**
 * How CSV cells hold their values. Verbatim: exactly as recorded, the evidence itself.
 * SpreadsheetSafe: a cell that a spreadsheet would run as a formula, one that starts with
 * = + - @, a tab or a carriage return (the OWASP list), gets a leading apostrophe, which
 * spreadsheets take as "text" and do not show; every other cell stays verbatim.
 * See docs/export-format.md.
 */
enum class CsvCells { Verbatim, SpreadsheetSafe };

/// CSV header matching eventToCsvRow(): flat column names (actor_id, object_id, …).
QMSAUDIT_EXPORT QStringList csvHeader();
/// One RFC 4180 row (no line break); changes, roles and attributes are JSON text in their cells.
QMSAUDIT_EXPORT QString eventToCsvRow(const Event &event, CsvCells cells = CsvCells::Verbatim);

} // namespace QmsAudit
