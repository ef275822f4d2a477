// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/evidencepackverifier.h>

#include "checkpoint/signednote_p.h"
#include "integrity/canonicalencoding_p.h"

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/eventjson.h>
#include <qmsaudit/merkleproof.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace QmsAudit {

namespace {

/// Collects findings up to EvidencePackVerifier::MaxFindings, then only counts them.
class Findings
{
public:
    explicit Findings(QList<EvidencePackFinding> &list) : m_list(list) {}
    ~Findings()
    {
        if (m_dropped > 0) {
            m_list.append({ErrorCode::IntegrityFailure, QString(), 0, 0,
                           QStringLiteral("%1 more findings are not listed.").arg(m_dropped)});
        }
    }
    void add(ErrorCode code, const QString &file, int line, qint64 seq, const QString &message)
    {
        if (m_list.size() >= EvidencePackVerifier::MaxFindings)
            ++m_dropped;
        else
            m_list.append({code, file, line, seq, message});
    }
    void integrity(const QString &file, const QString &message, int line = 0, qint64 seq = 0)
    {
        add(ErrorCode::IntegrityFailure, file, line, seq, message);
    }
    void signature(const QString &file, const QString &message) { add(ErrorCode::SignatureInvalid, file, 0, 0, message); }

private:
    QList<EvidencePackFinding> &m_list;
    qint64 m_dropped = 0;
};

/// The lines of a JSON Lines file, without their newlines; a final newline ends the last line.
QList<QByteArray> linesOf(const QByteArray &bytes)
{
    QList<QByteArray> lines = bytes.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

/// Names the fields in which @p a and @p b differ, in the order of the canonical encoding.
QStringList differingFields(const Event &a, const Event &b)
{
    QStringList fields;
    auto check = [&](bool same, const char *name) {
        if (!same)
            fields.append(QString::fromLatin1(name));
    };
    check(a.seq == b.seq, "seq");
    check(a.recordedAtUs == b.recordedAtUs, "recorded_at");
    check(a.occurredAtUs == b.occurredAtUs, "occurred_at");
    check(a.actor == b.actor, "actor");
    check(a.action == b.action, "action");
    check(a.object == b.object, "object");
    check(a.outcome == b.outcome, "outcome");
    check(a.reason == b.reason, "reason");
    check(a.changes == b.changes, "changes");
    check(a.signatureMeaning == b.signatureMeaning, "signature_meaning");
    check(a.session == b.session, "session");
    check(a.host == b.host, "host");
    check(a.attributes == b.attributes, "attributes");
    return fields;
}

/// The hex SHA-256 each file has according to SHA256SUMS.
QMap<QString, QByteArray> parseSums(const QByteArray &sums, Findings &findings)
{
    static const QRegularExpression line(QStringLiteral("^([0-9a-f]{64})  (\\S.*)$"));
    QMap<QString, QByteArray> digests;
    const QList<QByteArray> lines = linesOf(sums);
    for (int i = 0; i < lines.size(); ++i) {
        const auto match = line.match(QString::fromUtf8(lines[i]));
        if (!match.hasMatch()) {
            findings.integrity(EvidencePack::sumsName(), QStringLiteral("The line is not \"<sha256 hex>  <file name>\"."), i + 1);
            continue;
        }
        if (digests.contains(match.captured(2))) {
            findings.integrity(EvidencePack::sumsName(), QStringLiteral("%1 is listed twice.").arg(match.captured(2)), i + 1);
            continue;
        }
        digests.insert(match.captured(2), match.captured(1).toLatin1());
    }
    return digests;
}

void checkSums(const EvidencePack::Files &files, Findings &findings)
{
    const QMap<QString, QByteArray> digests = parseSums(files.value(EvidencePack::sumsName()), findings);
    for (auto listed = digests.cbegin(); listed != digests.cend(); ++listed) {
        if (listed.key() == EvidencePack::sumsName() || listed.key() == EvidencePack::sumsSignatureName()) {
            findings.integrity(EvidencePack::sumsName(), QStringLiteral("It lists %1, which it cannot cover.").arg(listed.key()));
            continue;
        }
        if (!files.contains(listed.key())) {
            findings.integrity(listed.key(), QStringLiteral("Listed in SHA256SUMS, but missing from the pack."));
            continue;
        }
        const QByteArray actual = QCryptographicHash::hash(files.value(listed.key()), QCryptographicHash::Sha256).toHex();
        if (actual != listed.value()) {
            findings.integrity(listed.key(), QStringLiteral("Its SHA-256 %1 is not the %2 of SHA256SUMS: the file was changed.")
                                                 .arg(QString::fromLatin1(actual), QString::fromLatin1(listed.value())));
        }
    }
    for (auto file = files.cbegin(); file != files.cend(); ++file) {
        if (file.key() != EvidencePack::sumsName() && file.key() != EvidencePack::sumsSignatureName() && !digests.contains(file.key()))
            findings.integrity(file.key(), QStringLiteral("The file is in the pack but not listed in SHA256SUMS."));
    }
}

/// The checkpoint, if it can be read; its signature by @p key is checked into @p findings.
std::optional<Checkpoint> checkCheckpoint(const QByteArray &noteText, const std::optional<CheckpointVerifier> &key, EvidencePackCheck &check,
                                          Findings &findings)
{
    const QString file = EvidencePack::checkpointName();
    auto note = SignedNote::parse(noteText);
    if (!note) {
        findings.integrity(file, QStringLiteral("It is not a signed note: %1").arg(note.error().message()));
        return std::nullopt;
    }
    auto checkpoint = Checkpoint::parse(note->text());
    if (!checkpoint) {
        findings.integrity(file, QStringLiteral("Its body is not a checkpoint: %1").arg(checkpoint.error().message()));
        return std::nullopt;
    }
    check.origin = checkpoint->origin();
    check.treeSize = checkpoint->treeSize();
    check.rootHash = checkpoint->rootHash();
    if (!key)
        return *checkpoint;
    // The key name is whatever the signer used (by default the origin); the key ID binds it to the key.
    QStringList names;
    for (const NoteSignature &signature : note->signatures()) {
        names.append(signature.keyName);
        if (signature.keyId != CheckpointVerifier::keyIdFor(signature.keyName, key->publicKey()) || !check.keyName.isEmpty())
            continue;
        auto verifier = CheckpointVerifier::fromRawKey(signature.keyName, key->publicKey());
        if (!verifier)
            continue;
        auto opened = CheckpointNote::open(noteText, {*verifier});
        if (!opened) {
            findings.signature(file, QStringLiteral("The signature of %1 does not verify: the checkpoint was changed after it was signed "
                                                    "(%2)").arg(signature.keyName, opened.error().message()));
            return *checkpoint;
        }
        check.keyName = signature.keyName;
    }
    if (check.keyName.isEmpty()) {
        findings.signature(file, QStringLiteral("It is not signed by the key of public-key.pem%1 (signature lines by: %2).")
                                     .arg(check.trusted ? QStringLiteral(", the trusted key") : QString(),
                                          names.join(QStringLiteral(", "))));
    }
    return *checkpoint;
}

/// proofs.jsonl against the checkpoint, and events.jsonl against the proofs' encodings, line by line.
void checkEvents(const EvidencePack::Files &files, const std::optional<Checkpoint> &checkpoint, EvidencePackCheck &check,
                 Findings &findings)
{
    const QString eventsFile = EvidencePack::eventsName();
    const QString proofsFile = EvidencePack::proofsName();
    const QList<QByteArray> events = linesOf(files.value(eventsFile));
    const QList<QByteArray> proofs = linesOf(files.value(proofsFile));
    if (events.size() != proofs.size()) {
        findings.integrity(proofsFile, QStringLiteral("It holds %1 proofs for the %2 events of events.jsonl.").arg(proofs.size()).arg(events.size()));
    }
    check.eventCount = events.size();
    qint64 previousSeq = 0;
    for (qsizetype i = 0; i < std::min(events.size(), proofs.size()); ++i) {
        const int line = int(i + 1);
        const QJsonObject proof = QJsonDocument::fromJson(proofs[i]).object();
        const qint64 seq = proof.value(QStringLiteral("seq")).toInteger();
        const QByteArray encoding = QByteArray::fromBase64(proof.value(QStringLiteral("encoding")).toString().toLatin1(),
                                                           QByteArray::AbortOnBase64DecodingErrors);
        const QByteArray leafHash = QByteArray::fromHex(proof.value(QStringLiteral("leaf_hash")).toString().toLatin1());
        if (seq <= 0 || encoding.isEmpty() || leafHash.size() != 32 || !proof.value(QStringLiteral("path")).isArray()) {
            findings.integrity(proofsFile, QStringLiteral("The line is not a proof (seq, encoding, leaf_hash and path)."), line, seq);
            continue;
        }
        if (seq <= previousSeq)
            findings.integrity(proofsFile, QStringLiteral("The seqs are not ascending: %1 after %2.").arg(seq).arg(previousSeq), line, seq);
        previousSeq = seq;
        if (i == 0)
            check.firstSeq = seq;
        check.lastSeq = seq;

        InclusionProof inclusion;
        inclusion.seq = seq;
        inclusion.treeSize = proof.value(QStringLiteral("tree_size")).toInteger();
        inclusion.leafHash = leafHash;
        for (const QJsonValue &hash : proof.value(QStringLiteral("path")).toArray())
            inclusion.hashes.append(QByteArray::fromHex(hash.toString().toLatin1()));
        if (proof.value(QStringLiteral("leaf_index")).toInteger(-1) != seq - 1)
            findings.integrity(proofsFile, QStringLiteral("Its leaf_index is not seq - 1."), line, seq);
        if (InclusionProof::leafHashOf(encoding) != leafHash)
            findings.integrity(proofsFile, QStringLiteral("Its leaf_hash is not the hash of its encoding."), line, seq);
        if (checkpoint) {
            if (inclusion.treeSize != checkpoint->treeSize()) {
                findings.integrity(proofsFile, QStringLiteral("Its tree_size %1 is not the checkpoint's %2.")
                                                   .arg(inclusion.treeSize).arg(checkpoint->treeSize()), line, seq);
            } else if (auto verified = inclusion.verify(checkpoint->rootHash()); !verified) {
                findings.integrity(proofsFile, QStringLiteral("The inclusion proof does not lead to the checkpoint's root: %1")
                                                   .arg(verified.error().message()), line, seq);
            }
        }

        auto event = eventFromJsonLine(events[i]);
        if (!event) {
            findings.integrity(eventsFile, QStringLiteral("The line is not an event: %1").arg(event.error().message()), line, seq);
            continue;
        }
        if (event->seq != seq) {
            findings.integrity(eventsFile, QStringLiteral("It holds seq %1, but line %2 of proofs.jsonl proves seq %3.")
                                               .arg(event->seq).arg(line).arg(seq), line, event->seq);
            continue;
        }
        if (auto matches = EvidencePackVerifier::matchesEncoding(events[i], encoding); !matches)
            findings.integrity(eventsFile, matches.error().message(), line, seq);
    }
}

} // namespace

QString EvidencePackFinding::describe() const
{
    QString where = file;
    if (line > 0)
        where += QStringLiteral(" line %1").arg(line);
    if (seq > 0)
        where += QStringLiteral(" (seq %1)").arg(seq);
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

ErrorCode EvidencePackCheck::code() const
{
    if (findings.isEmpty())
        return ErrorCode::None;
    for (const EvidencePackFinding &finding : findings) {
        if (finding.code == ErrorCode::SignatureInvalid)
            return ErrorCode::SignatureInvalid;
    }
    return ErrorCode::IntegrityFailure;
}

Result<void> EvidencePackVerifier::matchesEncoding(QByteArrayView jsonLine, const QByteArray &encoding)
{
    auto event = eventFromJsonLine(jsonLine);
    if (!event)
        return event.error();
    if (CanonicalEncoding::encode(*event) == encoding)
        return {};
    auto encoded = CanonicalEncoding::decode(encoding);
    if (!encoded)
        return Error(ErrorCode::IntegrityFailure, QStringLiteral("The proof's encoding is not an event: %1").arg(encoded.error().message()));
    QStringList fields = differingFields(*event, *encoded);
    if (fields.isEmpty())
        fields.append(QStringLiteral("the encoding")); // e.g. attributes equal as maps but encoded otherwise
    return Error(ErrorCode::IntegrityFailure, QStringLiteral("The event is not the one its proof covers: %1 differ%2.")
                                                  .arg(fields.join(QStringLiteral(", ")), fields.size() == 1 ? QStringLiteral("s") : QString()));
}

EvidencePackCheck EvidencePackVerifier::verify(const EvidencePack::Files &files, const std::optional<QByteArray> &trustedPublicKey,
                                               const QString &expectedOrigin)
{
    EvidencePackCheck check;
    Findings findings(check.findings);
    for (const QString &name : EvidencePack::fileNames()) {
        if (!files.contains(name))
            findings.integrity(name, QStringLiteral("The file is missing from the pack."));
    }

    // The key: the pack's own, which must be the trusted one when there is one.
    std::optional<CheckpointVerifier> key;
    if (auto packKey = CheckpointVerifier::fromPem(QStringLiteral("pack"), files.value(EvidencePack::publicKeyName())); packKey) {
        check.verifierKey = packKey->verifierKey();
        check.publicKey = packKey->publicKey();
        key = *packKey;
    } else if (files.contains(EvidencePack::publicKeyName())) {
        findings.integrity(EvidencePack::publicKeyName(), QStringLiteral("It is not an Ed25519 public key: %1").arg(packKey.error().message()));
    }
    if (trustedPublicKey) {
        auto trusted = CheckpointVerifier::fromRawKey(QStringLiteral("trusted"), *trustedPublicKey);
        if (!trusted) {
            findings.signature(QString(), trusted.error().message());
        } else {
            check.trusted = key && key->publicKey() == trusted->publicKey();
            if (key && !check.trusted) {
                findings.signature(EvidencePack::publicKeyName(),
                                   QStringLiteral("It is not the trusted key: the pack was made with another key (Ed25519 %1).")
                                       .arg(QString::fromLatin1(key->publicKey().toBase64())));
            }
            key = *trusted;
        }
    }

    if (key && files.contains(EvidencePack::sumsName()) && files.contains(EvidencePack::sumsSignatureName())) {
        const QByteArray signature = files.value(EvidencePack::sumsSignatureName());
        if (signature.size() != CheckpointVerifier::SignatureSize || !key->verify(files.value(EvidencePack::sumsName()), signature)) {
            findings.signature(EvidencePack::sumsSignatureName(),
                               QStringLiteral("It is not a signature of SHA256SUMS by %1: SHA256SUMS was changed or signed by another key.")
                                   .arg(check.trusted || !trustedPublicKey ? QStringLiteral("public-key.pem") : QStringLiteral("the trusted key")));
        }
    }
    if (files.contains(EvidencePack::sumsName()))
        checkSums(files, findings);

    std::optional<Checkpoint> checkpoint;
    if (files.contains(EvidencePack::checkpointName()))
        checkpoint = checkCheckpoint(files.value(EvidencePack::checkpointName()), key, check, findings);
    if (checkpoint && !expectedOrigin.isEmpty() && checkpoint->origin() != expectedOrigin) {
        findings.integrity(EvidencePack::checkpointName(),
                           QStringLiteral("Its origin is %1, not %2: the pack is of another log.").arg(checkpoint->origin(), expectedOrigin));
    }
    checkEvents(files, checkpoint, check, findings);
    return check;
}

} // namespace QmsAudit
