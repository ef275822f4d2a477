// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/evidencepack.h>

#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/eventexportwriter.h>
#include <qmsaudit/eventreader.h>

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace QmsAudit {

namespace {

/// The inspector's guide inside the pack: what each file is and the commands that check it
/// (the same as docs/evidence-packs.md, which shows them run).
QByteArray readme(const EvidencePack::Contents &contents, const CheckpointSigner &signer)
{
    QString text = QStringLiteral(
        "QmsAudit evidence pack\n"
        "======================\n"
        "\n"
        "Log (checkpoint origin): %1\n"
        "Events in this pack:     %2, every one with seq <= %3\n"
        "Checkpoint tree size:    %3\n"
        "Root hash (hex):         %4\n"
        "Signing key name:        %5\n"
        "Signed-note verifier key: %6\n"
        "\n"
        "Files\n"
        "-----\n"
        "events.jsonl    the events, one JSON object a line, in the QmsAudit export format\n"
        "report.pdf      the same events as a PDF report for people, with the log's verification\n"
        "proofs.jsonl    per event (same line as in events.jsonl): seq, leaf_index (seq - 1),\n"
        "                tree_size, encoding (the event's canonical bytes, base64), leaf_hash\n"
        "                (hex SHA-256 of 0x00 || encoding) and path (the RFC 9162 inclusion\n"
        "                proof, hex), all against the checkpoint\n"
        "checkpoint      a C2SP tlog-checkpoint in a signed note: origin, tree size, root (base64),\n"
        "                a blank line, then the Ed25519 signature line of the key name above\n"
        "public-key.pem  the Ed25519 public key that signed the checkpoint and SHA256SUMS\n"
        "README.txt      this file\n"
        "SHA256SUMS      the SHA-256 of every other file, for sha256sum -c\n"
        "SHA256SUMS.sig  the raw 64-byte Ed25519 signature of SHA256SUMS\n"
        "\n"
        "Checking the pack (Debian: apt install unzip coreutils openssl)\n"
        "----------------------------------------------------------------\n"
        "First make sure public-key.pem is the key the log's owner gave you by another way\n"
        "(compare it byte for byte, or its fingerprint): a pack is otherwise only self-consistent,\n"
        "and whoever holds the matching private key could have made it.\n"
        "\n"
        "  unzip -d pack evidence.zip && cd pack\n"
        "  openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig\n"
        "      # Signature Verified Successfully\n"
        "  sha256sum -c SHA256SUMS\n"
        "      # every file: OK\n"
        "  sed -n '1,/^$/p' checkpoint | head -n -1 > checkpoint.body\n"
        "  grep '^\u2014 %5 ' checkpoint | cut -d' ' -f3 | base64 -d | tail -c 64 > checkpoint.sig\n"
        "  openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in checkpoint.body -sigfile checkpoint.sig\n"
        "      # Signature Verified Successfully\n"
        "\n"
        "An inclusion proof can be recomputed with the Python script of docs/evidence-packs.md in\n"
        "the QmsAudit sources. With QmsAudit installed, one command checks all of the above and that\n"
        "every event in events.jsonl is the one its proof covers:\n"
        "\n"
        "  qms-audit verify-pack evidence.zip --trusted-key public-key-you-were-given.pem\n")
                       .arg(contents.origin)
                       .arg(contents.eventCount)
                       .arg(contents.treeHead.size)
                       .arg(QString::fromLatin1(contents.treeHead.rootHash.toHex()), signer.name(), signer.verifier().verifierKey());
    return text.toUtf8();
}

QJsonArray hexList(const QList<QByteArray> &hashes)
{
    QJsonArray array;
    for (const QByteArray &hash : hashes)
        array.append(QString::fromLatin1(hash.toHex()));
    return array;
}

} // namespace

QStringList EvidencePack::fileNames()
{
    QStringList names{eventsName(), reportName(), proofsName(), checkpointName(), publicKeyName(), readmeName(), sumsName(),
                      sumsSignatureName()};
    names.sort();
    return names;
}

Result<EvidencePack::Contents> EvidencePack::collect(const EventReader &reader, const EventFilter &filter, qint64 treeSize,
                                                     const QString &origin, const CheckpointSigner &signer)
{
    auto head = reader.treeHeadAt(treeSize);
    if (!head)
        return head.error();
    Contents contents;
    contents.treeHead = *head;
    contents.origin = origin;

    QBuffer events;
    events.open(QIODevice::WriteOnly);
    EventExportWriter writer(EventExportWriter::Format::JsonLines, events);
    QByteArray proofs;
    Error failed;
    auto visited = reader.forEach(filter, [&](const Event &event) {
        if (event.seq > treeSize)
            return false;
        auto encoding = reader.encodingAt(event.seq);
        if (!encoding) {
            failed = encoding.error();
            return false;
        }
        auto proof = reader.inclusionProof(event.seq, treeSize);
        if (!proof) {
            failed = proof.error();
            return false;
        }
        if (auto written = writer.write(event); !written) {
            failed = written.error();
            return false;
        }
        QJsonObject line{
            {QStringLiteral("seq"), event.seq},
            {QStringLiteral("leaf_index"), event.seq - 1},
            {QStringLiteral("tree_size"), treeSize},
            {QStringLiteral("encoding"), QString::fromLatin1(encoding->toBase64())},
            {QStringLiteral("leaf_hash"), QString::fromLatin1(proof->leafHash.toHex())},
            {QStringLiteral("path"), hexList(proof->hashes)},
        };
        proofs += QJsonDocument(line).toJson(QJsonDocument::Compact);
        proofs += '\n';
        ++contents.eventCount;
        return true;
    });
    if (!visited)
        return visited.error();
    if (failed)
        return failed;
    if (auto finished = writer.finish(); !finished)
        return finished.error();

    auto note = CheckpointNote::sign(origin, head->size, head->rootHash, signer);
    if (!note)
        return note.error();
    contents.files.insert(eventsName(), events.data());
    contents.files.insert(proofsName(), proofs);
    contents.files.insert(checkpointName(), *note);
    contents.files.insert(publicKeyName(), signer.publicKeyPem());
    contents.files.insert(readmeName(), readme(contents, signer));
    return contents;
}

QByteArray EvidencePack::sha256Sums(const Files &files)
{
    QByteArray sums;
    for (auto file = files.cbegin(); file != files.cend(); ++file) {
        if (file.key() == sumsName() || file.key() == sumsSignatureName())
            continue;
        sums += QCryptographicHash::hash(file.value(), QCryptographicHash::Sha256).toHex();
        sums += "  ";
        sums += file.key().toUtf8();
        sums += '\n';
    }
    return sums;
}

Result<void> EvidencePack::seal(Files &files, const CheckpointSigner &signer)
{
    const QByteArray sums = sha256Sums(files);
    auto signature = signer.sign(sums);
    if (!signature)
        return signature.error();
    files.insert(sumsName(), sums);
    files.insert(sumsSignatureName(), *signature);
    return {};
}

} // namespace QmsAudit
