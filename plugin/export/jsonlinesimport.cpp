// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/jsonlinesimport.h>

#include <qmsaudit/eventjson.h>
#include <qmsaudit/eventvalidator.h>

#include <QCryptographicHash>
#include <QFileInfo>
#include <QIODevice>

#include <algorithm>

namespace QmsAudit {
namespace {

/// Reads lines from a device in chunks, hashing every byte and counting lines (blank ones too).
/// Holds at most one line plus one chunk, so memory stays bounded however long the input.
class LineReader
{
    static constexpr qsizetype kChunkBytes = 1 << 16;

public:
    explicit LineReader(QIODevice &input) : m_input(input) {}

    /// The next line without its line end; std::nullopt at the end of the input.
    Result<std::optional<QByteArray>> next()
    {
        while (true) {
            const qsizetype newline = m_buffer.indexOf('\n', m_scanned);
            if (newline >= 0 || m_atEnd) {
                if (newline < 0 && m_buffer.isEmpty())
                    return std::optional<QByteArray>();
                const qsizetype length = newline >= 0 ? newline + 1 : m_buffer.size();
                QByteArray line = m_buffer.first(length);
                m_buffer.remove(0, length);
                m_scanned = 0;
                return finish(std::move(line));
            }
            m_scanned = m_buffer.size();
            if (m_buffer.size() > JsonLinesImport::MaxLineBytes) {
                ++m_lineNumber;
                return Error(ErrorCode::InvalidArgument, QStringLiteral("The line is longer than %1 MiB; no valid event is that long.")
                                                             .arg(JsonLinesImport::MaxLineBytes >> 20));
            }
            const qsizetype filled = m_buffer.size();
            m_buffer.resize(filled + kChunkBytes);
            const qint64 n = m_input.read(m_buffer.data() + filled, kChunkBytes);
            m_buffer.resize(filled + std::max<qint64>(n, 0));
            if (n < 0)
                return Error(ErrorCode::IoError, QStringLiteral("Cannot read the input: %1.").arg(m_input.errorString()));
            m_atEnd = n == 0; // a blocking read returns 0 only at the end of the input
        }
    }

    qint64 lineNumber() const { return m_lineNumber; }
    QByteArray sha256() const { return m_hash.result(); }

private:
    Result<std::optional<QByteArray>> finish(QByteArray line)
    {
        ++m_lineNumber;
        m_hash.addData(line);
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (m_lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        return std::optional<QByteArray>(std::move(line));
    }

    QIODevice &m_input;
    QByteArray m_buffer;
    qsizetype m_scanned = 0; ///< bytes of m_buffer known to hold no newline
    bool m_atEnd = false;
    qint64 m_lineNumber = 0;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

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
    LineReader reader(input);
    qint64 failedLine = 0;
    const AuditLog::EventSource next = [&]() -> Result<std::optional<Event>> {
        while (true) {
            auto line = reader.next();
            if (!line) {
                failedLine = reader.lineNumber();
                return onLine(reader.lineNumber(), line.error());
            }
            if (!*line)
                return std::optional<Event>();
            if ((*line)->trimmed().isEmpty())
                continue;
            auto event = eventFromJsonLine(**line);
            if (event) {
                // The receiving log assigns its own position, time and hash; keep the original time.
                if (!event->occurredAtUs && event->recordedAtUs != 0)
                    event->occurredAtUs = event->recordedAtUs;
                event->seq = 0;
                event->recordedAtUs = 0;
                event->hash.clear();
                // Limits and the reason policy are checked by appendStream(), which names the line.
                if (isLibraryOnlyAction(event->action)) {
                    event = Error(ErrorCode::InvalidArgument,
                                  QStringLiteral("\"%1\" events are written only by the QmsAudit library itself; they cannot be imported.")
                                      .arg(actionName(event->action)));
                }
            }
            if (!event) {
                failedLine = reader.lineNumber();
                return onLine(reader.lineNumber(), event.error());
            }
            return std::optional<Event>(std::move(*event));
        }
    };
    ImportReport report;
    const AuditLog::TrailerFactory trailer = [&](const AppendedRange &range) {
        Event event = importEvent(Outcome::Success);
        report.inputSha256 = reader.sha256();
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
        failedLine = reader.lineNumber();
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
