// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/eventfilter.h>
#include <qmsaudit/evidenceheader.h>
#include <qmsaudit/qmsaudit_report_export.h>
#include <qmsaudit/result.h>
#include <qmsaudit/trailexportrecord.h>

#include <QString>

#include <atomic>
#include <functional>

namespace QmsAudit {

class EventReader;
class SigningKeyProvider;

/// For an evidence pack written on a worker thread (EvidencePackExport): stop early, and how far it got.
struct EvidencePackExportControl {
    const std::atomic_bool *cancel = nullptr; ///< set: Cancelled, and no file
    /**
     * (0, n) once the log is verified and the report holds its n events; (n, n) once their proofs
     * are collected and the pack is signed, before the zip is written.
     */
    std::function<void(qint64 done, qint64 total)> progress;
};

/**
 * Writes the evidence pack of a filter to a zip file (docs/evidence-packs.md): the events
 * report as PDF (EventsReport), which verifies the log; nothing if the log failed verification;
 * else the events, their inclusion proofs and a signed checkpoint, all at the verified head
 * (EvidencePack), sealed, into a new zip (EvidencePackArchive). What `qms-audit export --pack`
 * and the views' EventExport (format EvidencePack) run. Needs a QGuiApplication, as every PDF
 * report does; the result is the trail_exported record to append.
 * @code
 * QmsAudit::SigningKeyFileProvider keys(keyFile, QmsAudit::Checkpoint::defaultOrigin(reader->logId()));
 * QmsAudit::EvidenceHeader header;
 * header.generatedBy = "aud1 (qms-audit 0.1.0 on ws-17)";
 * header.generatedAtUs = QmsAudit::SystemClock().nowUtcMicros();
 * auto written = QmsAudit::EvidencePackExport::write(*reader, filter, header, keys, "sop.zip");
 * if (!written)
 *     return written.error();
 * trail.trailExported(written->record, "AuditLogView", viewer);
 * @endcode
 */
class QMSAUDIT_REPORT_EXPORT EvidencePackExport
{
public:
    /// What write() wrote.
    struct Written {
        /// The trail_exported record (record() completed): SHA-256 of the zip, event count, the
        /// verification (ok), tree_size and origin.
        TrailExportRecord record;
        QString keyName; ///< the name the checkpoint is signed under
    };

    /// The trail_exported record of a pack of @p filter into @p path, before it is written:
    /// format "pack", report "events", the file's name.
    static TrailExportRecord record(const EventFilter &filter, const QString &path);

    /**
     * Writes the pack of the events of @p filter to @p path. The signer comes from @p keys first,
     * so that a missing or unusable key fails before the log is read; by convention it signs
     * under the checkpoint's origin, Checkpoint::defaultOrigin() of the log id. @p header brings
     * who and when, as for EventsReport::build(). AlreadyExists if @p path exists (before any work,
     * and again when the zip is linked into place: a file is never replaced); IntegrityFailure if
     * the log failed verification; InvalidArgument above EvidenceHeader::MaxEvents events;
     * Cancelled through @p control. No file on any failure.
     */
    static Result<Written> write(const EventReader &reader, const EventFilter &filter, EvidenceHeader header, const SigningKeyProvider &keys,
                                 const QString &path, const EvidencePackExportControl &control = {});
};

} // namespace QmsAudit
