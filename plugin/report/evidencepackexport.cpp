// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/evidencepackexport.h>

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/eventexportfile.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsreport.h>
#include <qmsaudit/evidencepack.h>
#include <qmsaudit/evidencepackarchive.h>
#include <qmsaudit/signingkeyprovider.h>

#include <QBuffer>
#include <QFileInfo>

namespace QmsAudit {

namespace {

Error alreadyExists(const QString &path)
{
    return Error(ErrorCode::AlreadyExists, QStringLiteral("%1 exists; export never overwrites a file.").arg(path));
}

bool cancelled(const EvidencePackExportControl &control)
{
    return control.cancel && control.cancel->load();
}

Error cancelledError(const QString &path)
{
    return Error(ErrorCode::Cancelled, QStringLiteral("The export to %1 was cancelled; no file was written.").arg(path));
}

void reportProgress(const EvidencePackExportControl &control, qint64 done, qint64 total)
{
    if (control.progress)
        control.progress(done, total);
}

} // namespace

TrailExportRecord EvidencePackExport::record(const EventFilter &filter, const QString &path)
{
    TrailExportRecord record;
    record.filter = filter;
    record.format = QStringLiteral("pack");
    record.fileName = QFileInfo(path).fileName();
    record.report = QStringLiteral("events");
    return record;
}

Result<EvidencePackExport::Written> EvidencePackExport::write(const EventReader &reader, const EventFilter &filter, EvidenceHeader header,
                                                              const SigningKeyProvider &keys, const QString &path, const EvidencePackExportControl &control)
{
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
        return alreadyExists(path);
    auto signer = keys.fetchSigner();
    if (!signer)
        return signer.error();

    // The report verifies the log up to its head; that head's seq is the one size of the pack:
    // the checkpoint, the proofs and the events all stop there, whatever is appended meanwhile.
    auto built = EventsReport::build(reader, filter, std::move(header));
    if (!built)
        return built.error();
    const EvidenceHeader &verified = built->header;
    if (!verified.verification.ok) {
        return Error(ErrorCode::IntegrityFailure,
                     QStringLiteral("The log %1 failed verification; no evidence pack is signed for it. Verify the log to see the findings.")
                         .arg(verified.logFile));
    }
    if (cancelled(control))
        return cancelledError(path);
    reportProgress(control, 0, verified.eventCount);
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    if (auto pages = built->document.writePdf(pdf); !pages)
        return pages.error();

    const QString origin = Checkpoint::defaultOrigin(reader.logId());
    auto contents = EvidencePack::collect(reader, filter, verified.head.seq, origin, *signer);
    if (!contents)
        return contents.error();
    contents->files.insert(EvidencePack::reportName(), pdf.data());
    if (auto sealed = EvidencePack::seal(contents->files, *signer); !sealed)
        return sealed.error();
    if (cancelled(control))
        return cancelledError(path);
    reportProgress(control, contents->eventCount, contents->eventCount);
    if (auto written = EvidencePackArchive::write(path, contents->files); !written)
        return written.error();

    auto sha256 = EventExportFile::sha256(path);
    if (!sha256)
        return sha256.error();
    Written written{record(filter, path), signer->name()};
    written.record.sha256 = *sha256;
    written.record.eventCount = contents->eventCount;
    written.record.verified = true;
    written.record.treeSize = contents->treeHead.size;
    written.record.origin = origin;
    return written;
}

} // namespace QmsAudit
