// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpointsigner.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/merkleproof.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QMap>
#include <QString>

namespace QmsAudit {

class EventReader;

/**
 * An evidence pack (docs/evidence-packs.md): the files an inspector checks offline, with nothing
 * but unzip, sha256sum and openssl. The events of a filter (events.jsonl), their report
 * (report.pdf, made by the caller: the core has no PDF writer), per event an inclusion proof
 * (proofs.jsonl) against a signed checkpoint of the log (checkpoint), the public key
 * (public-key.pem), a README.txt, and SHA256SUMS over all of these with its Ed25519 signature
 * SHA256SUMS.sig. The files are kept in memory: a pack holds at most as many events as a PDF
 * report (EvidenceHeader::MaxEvents). Putting them into a zip is the caller's business.
 * @code
 * auto contents = QmsAudit::EvidencePack::collect(*reader, filter, head.seq, origin, *signer);
 * contents->files.insert(QmsAudit::EvidencePack::reportName(), pdfBytes);
 * QmsAudit::EvidencePack::seal(contents->files, *signer);  // adds SHA256SUMS and SHA256SUMS.sig
 * @endcode
 */
class QMSAUDIT_EXPORT EvidencePack
{
public:
    /// The pack's files by name; QMap keeps them in name order, the order SHA256SUMS lists them in.
    using Files = QMap<QString, QByteArray>;

    /// What collect() made.
    struct Contents {
        Files files;
        TreeHead treeHead;   ///< what the checkpoint signs; every event in the pack has seq <= its size
        qint64 eventCount = 0;
        QString origin;
    };

    static QString eventsName() { return QStringLiteral("events.jsonl"); }
    static QString reportName() { return QStringLiteral("report.pdf"); }
    static QString proofsName() { return QStringLiteral("proofs.jsonl"); }
    static QString checkpointName() { return QStringLiteral("checkpoint"); }
    static QString publicKeyName() { return QStringLiteral("public-key.pem"); }
    static QString readmeName() { return QStringLiteral("README.txt"); }
    static QString sumsName() { return QStringLiteral("SHA256SUMS"); }
    static QString sumsSignatureName() { return QStringLiteral("SHA256SUMS.sig"); }
    /// Every file a complete pack holds, in name order.
    static QStringList fileNames();

    /**
     * events.jsonl, proofs.jsonl, checkpoint, public-key.pem and README.txt for the events of
     * @p filter with seq <= @p treeSize, all against the tree of the first @p treeSize events
     * (at most the log's head): one consistent size, whatever was appended meanwhile. The
     * checkpoint of @p origin is signed by @p signer under its key name.
     */
    static Result<Contents> collect(const EventReader &reader, const EventFilter &filter, qint64 treeSize, const QString &origin,
                                    const CheckpointSigner &signer);

    /// SHA256SUMS over every file of @p files but SHA256SUMS and SHA256SUMS.sig, in the format
    /// `sha256sum -c` reads: hex digest, two spaces, name, newline, sorted by name.
    static QByteArray sha256Sums(const Files &files);

    /// Adds SHA256SUMS and SHA256SUMS.sig (the raw 64-byte Ed25519 signature of SHA256SUMS by
    /// @p signer), replacing any there were.
    static Result<void> seal(Files &files, const CheckpointSigner &signer);
};

} // namespace QmsAudit
