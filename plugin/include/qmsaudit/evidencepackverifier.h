// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/evidencepack.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace QmsAudit {

/// One thing wrong with an evidence pack, naming the file and, where there is one, the line and seq.
struct QMSAUDIT_EXPORT EvidencePackFinding {
    ErrorCode code = ErrorCode::IntegrityFailure; ///< SignatureInvalid or IntegrityFailure
    QString file;
    int line = 0;    ///< 1-based line of events.jsonl, proofs.jsonl or SHA256SUMS; 0: the whole file
    qint64 seq = 0;  ///< the event concerned; 0: none
    QString message; ///< one sentence

    /// "file line 3 (seq 7): message"
    QString describe() const;
};

/// What EvidencePackVerifier found.
struct QMSAUDIT_EXPORT EvidencePackCheck {
    QList<EvidencePackFinding> findings; ///< empty: the pack is intact
    bool trusted = false;      ///< public-key.pem was compared with a trusted key, and is it
    QString origin;            ///< the checkpoint's, when it could be read
    QString keyName;           ///< the key name of the checkpoint's verified signature
    QString verifierKey;       ///< public-key.pem as a signed-note verifier key (key name "pack")
    QByteArray publicKey;      ///< the 32 raw bytes of public-key.pem
    qint64 treeSize = 0;
    QByteArray rootHash;
    qint64 eventCount = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;

    bool ok() const { return findings.isEmpty(); }
    /// SignatureInvalid if any signature or the key is not right, else IntegrityFailure; None when ok.
    ErrorCode code() const;
};

/**
 * Checks an evidence pack (EvidencePack) offline, from its files' bytes: SHA256SUMS.sig against
 * public-key.pem (and that public-key.pem is the trusted key, when one is given); every file
 * against SHA256SUMS, and no file unlisted; the checkpoint's signature by that key; every proof
 * against the checkpoint's root; and that each proof's canonical encoding is the event on the
 * same line of events.jsonl. Every finding is collected, not only the first.
 * @code
 * auto check = QmsAudit::EvidencePackVerifier::verify(files, trustedRawKey);
 * for (const auto &finding : check.findings)
 *     qWarning() << finding.describe();
 * @endcode
 */
class QMSAUDIT_EXPORT EvidencePackVerifier
{
public:
    /// At most this many findings are listed; a last one says how many more there were.
    static constexpr int MaxFindings = 50;

    /// @p trustedPublicKey: the 32 raw bytes of the Ed25519 key the pack must be signed with, or
    /// none (the pack can then only be found self-consistent). @p expectedOrigin: the checkpoint's
    /// origin must be this one, unless empty.
    static EvidencePackCheck verify(const EvidencePack::Files &files, const std::optional<QByteArray> &trustedPublicKey = std::nullopt,
                                    const QString &expectedOrigin = {});

    /**
     * Whether the event line @p jsonLine of events.jsonl is the event @p encoding encodes
     * (CanonicalEncoding): InvalidArgument if the line is no event, IntegrityFailure naming the
     * fields that differ.
     */
    static Result<void> matchesEncoding(QByteArrayView jsonLine, const QByteArray &encoding);
};

} // namespace QmsAudit
