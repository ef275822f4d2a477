// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/jsonlinesimport.h>

#include <qmsaudit/eventjson.h>
#include <qmsaudit/eventvalidator.h>

#include "export/backgroundeventparser_p.h"

#include <QFileInfo>
#include <QIODevice>

namespace QmsAudit {
namespace {

Error onLine(qint64 line, const Error &error)
{
    return Error(error.code(), QStringLiteral("line %1: %2").arg(line).arg(error.message()));
}

} // namespace

JsonLinesImport::JsonLinesImport(AuditLog &log, Actor importer, QString sourceName, QString reason)
    : m_log(log)
    , m_importer(std::move(importer))
    , m_sourceName(std::move(sourceName))
    , m_reason(std::move(reason))
{
}

Event JsonLinesImport::importEvent(Outcome outcome) const
{
    Event event;
    event.actor = m_importer;
    event.action = Action::TrailImported;
    event.outcome = outcome;
    event.object = {QStringLiteral("audit_log"), m_log.logId(), QString(), QFileInfo(m_log.path()).fileName()};
    event.reason = m_reason;
    event.attributes.insert(QStringLiteral("source"), m_sourceName);
    return event;
}

Result<ImportReport> JsonLinesImport::run(QIODevice &input)
{
    if (auto valid = validateEvent(importEvent(Outcome::Success), m_log.policy().reasonRequiredActions); !valid)
        return valid.error(); // no importer, say: refuse before reading anything
    // Parsing runs a bounded distance ahead on its own thread; what it hands over is checked
    // again by appendStream() (limits, policy), which names the line through the label below.
    BackgroundEventParser parser(input, MaxLineBytes, [](const QByteArray &line) -> Result<Event> {
        auto event = eventFromJsonLine(line);
        if (!event)
            return event;
        if (isLibraryOnlyAction(event->action)) {
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" events are written only by the QmsAudit library itself; they cannot be imported.")
                             .arg(actionName(event->action)));
        }
        // The receiving log assigns its own position, time and hash; keep the original time.
        if (!event->occurredAtUs && event->recordedAtUs != 0)
            event->occurredAtUs = event->recordedAtUs;
        event->seq = 0;
        event->recordedAtUs = 0;
        event->hash.clear();
        return event;
    });
    qint64 currentLine = 0; // of the last event handed to appendStream()
    qint64 failedLine = 0;
    const AuditLog::EventSource next = [&]() -> Result<std::optional<Event>> {
        auto item = parser.next();
        currentLine = item.line;
        if (!item.event) {
            failedLine = item.line;
            return onLine(item.line, item.event.error());
        }
        return std::move(item.event);
    };
    ImportReport report;
    const AuditLog::TrailerFactory trailer = [&](const AppendedRange &range) {
        Event event = importEvent(Outcome::Success);
        report.inputSha256 = parser.inputSha256();
        event.attributes.insert(QStringLiteral("events"), QString::number(range.count));
        if (range.count > 0) {
            event.attributes.insert(QStringLiteral("first_seq"), QString::number(range.firstSeq));
            event.attributes.insert(QStringLiteral("last_seq"), QString::number(range.lastSeq));
        }
        event.attributes.insert(QStringLiteral("input_sha256"), QString::fromLatin1(report.inputSha256.toHex()));
        return event;
    };
    // Asked only for the event that failed validation: the one on the line just read.
    const AuditLog::PositionLabel label = [&](qint64) {
        failedLine = currentLine;
        return QStringLiteral("line %1").arg(failedLine);
    };
    auto appended = m_log.appendStream(next, trailer, label);
    if (!appended) {
        // Nothing of the input was kept; the attempt itself is on record.
        Event failed = importEvent(Outcome::Failed);
        failed.attributes.insert(QStringLiteral("error"), errorCodeName(appended.error().code()));
        if (failedLine > 0)
            failed.attributes.insert(QStringLiteral("line"), QString::number(failedLine));
        if (auto recorded = m_log.append(failed); !recorded) {
            return Error(appended.error().code(), QStringLiteral("%1 (The failed import could not be recorded either: %2)")
                                                      .arg(appended.error().message(), recorded.error().message()));
        }
        return appended.error();
    }
    report.imported = appended->count;
    report.firstSeq = appended->count > 0 ? appended->firstSeq : 0;
    report.lastSeq = appended->count > 0 ? appended->lastSeq : 0;
    report.importEventSeq = appended->lastSeq + 1;
    return report;
}

} // namespace QmsAudit
