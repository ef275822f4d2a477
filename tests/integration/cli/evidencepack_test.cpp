// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit export --pack and verify-pack: a pack checks with verify-pack and with unzip, sha256sum,
// openssl and the documented Python script alone; every kind of tampering is refused by name.

#include "clitest.h"

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/checkpointsigner.h>
#include <qmsaudit/evidencepack.h>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <sstream>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

EvidencePack::Files readZip(const QString &path)
{
    std::istringstream in(readFile(path).toStdString());
    const Poco::Zip::ZipArchive archive(in);
    EvidencePack::Files files;
    for (auto header = archive.headerBegin(); header != archive.headerEnd(); ++header) {
        in.clear();
        Poco::Zip::ZipInputStream entry(in, header->second, true);
        std::string data;
        Poco::StreamCopier::copyToString(entry, data);
        files.insert(QString::fromStdString(header->first), QByteArray::fromStdString(data));
    }
    return files;
}

void writeZip(const QString &path, const EvidencePack::Files &files)
{
    std::stringstream zip;
    Poco::Zip::Compress compress(zip, true);
    for (auto file = files.cbegin(); file != files.cend(); ++file) {
        std::istringstream data(file.value().toStdString());
        compress.addFile(data, Poco::DateTime(), Poco::Path(file.key().toStdString(), Poco::Path::PATH_UNIX));
    }
    compress.close();
    writeFile(path, QByteArray::fromStdString(zip.str()));
}

/// A fresh Ed25519 private key as PEM, made with the OpenSSL API.
QByteArray newEd25519Pem()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, size);
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
}

class EvidencePackTest : public CliTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(run(commandArgs(u"generate"_s, {u"--events"_s, u"40"_s, u"--seed"_s, u"3"_s})).exitCode, 0);
        m_keyPem = readFile(QStringLiteral(QMSAUDIT_TEST_DATA_DIR "/checkpoint/test-ed25519.pem"));
        ASSERT_FALSE(m_keyPem.isEmpty());
        writeKey(signingKey(), m_keyPem);
        auto signer = CheckpointSigner::fromPem(u"k"_s, m_keyPem);
        ASSERT_TRUE(signer.ok());
        writeFile(path(u"trusted.pem"_s), signer->publicKeyPem());
        m_otherPem = newEd25519Pem();
        writeKey(path(u"other-key.pem"_s), m_otherPem);
        auto other = CheckpointSigner::fromPem(u"k"_s, m_otherPem);
        ASSERT_TRUE(other.ok());
        writeFile(path(u"other.pem"_s), other->publicKeyPem());
    }
    QString signingKey() const { return path(u"signing-key.pem"_s); }
    void writeKey(const QString &file, const QByteArray &pem) const
    {
        writeFile(file, pem);
        ASSERT_EQ(::chmod(QFile::encodeName(file).constData(), 0600), 0);
    }
    CliResult exportPack(const QString &file, const QStringList &extra = {}) const
    {
        return run(commandArgs(u"export"_s, QStringList{u"--pack"_s, file, u"--signing-key"_s, signingKey(), u"--as"_s, u"aud1"_s} + extra));
    }
    CliResult verifyPack(const QString &file, const QStringList &extra = {}) const
    {
        return run(QStringList{u"verify-pack"_s, file} + extra);
    }
    /// A pack of the events on procedures, made by the test's signing key.
    EvidencePack::Files makePack(const QString &file = u"pack.zip"_s)
    {
        const CliResult made = exportPack(path(file), {u"--object-type"_s, u"procedure"_s});
        EXPECT_EQ(made.exitCode, 0) << made.err.toStdString();
        return readZip(path(file));
    }
    CheckpointSigner signer(const QByteArray &pem, const QString &name) const { return *CheckpointSigner::fromPem(name, pem); }
    /// The checkpoint's key name: its signature line's second word.
    static QString keyNameOf(const QByteArray &note) { return QString::fromUtf8(note.split('\n').at(4)).section(u' ', 1, 1); }
    /// Runs @p program in the unzipped pack @p dir; returns exit code and output.
    static std::pair<int, QString> runIn(const QString &dir, const QString &program, const QStringList &args)
    {
        QProcess process;
        process.setWorkingDirectory(dir);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, args);
        process.waitForFinished(60000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAll())};
    }

    QByteArray m_keyPem;
    QByteArray m_otherPem;
};

} // namespace

TEST_F(EvidencePackTest, APackHoldsTheFilesAndVerifiesWithAndWithoutTheTrustedKey)
{
    const EvidencePack::Files files = makePack();
    EXPECT_EQ(files.keys(), EvidencePack::fileNames());
    EXPECT_TRUE(files.value(u"report.pdf"_s).startsWith("%PDF-"));
    const QList<QByteArray> events = files.value(u"events.jsonl"_s).trimmed().split('\n');
    const QList<QByteArray> proofs = files.value(u"proofs.jsonl"_s).trimmed().split('\n');
    EXPECT_GT(events.size(), 1);
    EXPECT_EQ(events.size(), proofs.size());
    // The same events as `query` prints for the filter (the pack's own record comes after them).
    EXPECT_EQ(events.size(), queryEvents({u"--object-type"_s, u"procedure"_s}).size());
    EXPECT_EQ(files.value(u"SHA256SUMS"_s), EvidencePack::sha256Sums(files));
    EXPECT_EQ(files.value(u"public-key.pem"_s), readFile(path(u"trusted.pem"_s)));
    auto checkpoint = Checkpoint::parse(files.value(u"checkpoint"_s).left(files.value(u"checkpoint"_s).indexOf("\n\n") + 1));
    ASSERT_TRUE(checkpoint.ok());
    EXPECT_TRUE(checkpoint->origin().startsWith(u"qmsaudit/"_s));
    EXPECT_EQ(keyNameOf(files.value(u"checkpoint"_s)), checkpoint->origin());
    EXPECT_GE(checkpoint->treeSize(), 40);

    const CliResult trusted = verifyPack(path(u"pack.zip"_s), {u"--trusted-key"_s, path(u"trusted.pem"_s)});
    EXPECT_EQ(trusted.exitCode, 0) << trusted.out.toStdString() << trusted.err.toStdString();
    EXPECT_TRUE(trusted.out.startsWith(u"OK evidence pack "_s)) << trusted.out.toStdString();
    EXPECT_TRUE(trusted.out.contains(u"at tree size %1"_s.arg(checkpoint->treeSize())));
    EXPECT_TRUE(trusted.out.contains(u"public-key.pem is the trusted key."_s));

    const CliResult untrusted = verifyPack(path(u"pack.zip"_s), {u"--origin"_s, checkpoint->origin()});
    EXPECT_EQ(untrusted.exitCode, 0) << untrusted.err.toStdString();
    EXPECT_TRUE(untrusted.out.contains(u"only self-consistent"_s)) << untrusted.out.toStdString();

    const CliResult otherLog = verifyPack(path(u"pack.zip"_s), {u"--origin"_s, u"qmsaudit/another-log"_s});
    EXPECT_EQ(otherLog.exitCode, 3);
    EXPECT_TRUE(otherLog.err.contains(u"checkpoint"_s)) << otherLog.err.toStdString();
}

TEST_F(EvidencePackTest, TheExportIsRecordedAndNeverOverwritesAFile)
{
    makePack();
    const QList<Event> exported = queryEvents({u"--action"_s, u"trail_exported"_s});
    ASSERT_EQ(exported.size(), 1);
    EXPECT_EQ(exported.first().attributes.value(u"format"_s), u"pack"_s);
    EXPECT_EQ(exported.first().attributes.value(u"file"_s), u"pack.zip"_s);
    EXPECT_EQ(exported.first().attributes.value(u"sha256"_s),
              QString::fromLatin1(QCryptographicHash::hash(readFile(path(u"pack.zip"_s)), QCryptographicHash::Sha256).toHex()));
    EXPECT_EQ(exported.first().actor.id, u"aud1"_s);

    const QByteArray before = readFile(path(u"pack.zip"_s));
    const CliResult again = exportPack(path(u"pack.zip"_s));
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(u"never overwrites"_s)) << again.err.toStdString();
    EXPECT_EQ(readFile(path(u"pack.zip"_s)), before);
    // The signing key is a file path, never in a message.
    EXPECT_FALSE(again.err.contains(u"PRIVATE"_s));
    const CliResult withFormat = exportPack(path(u"other.zip"_s), {u"--format"_s, u"csv"_s});
    EXPECT_EQ(withFormat.exitCode, 1);
    EXPECT_FALSE(QFile::exists(path(u"other.zip"_s)));
}

TEST_F(EvidencePackTest, UnzipSha256sumOpensslAndThePythonScriptCheckThePackAlone)
{
    makePack();
    // The tools README.txt names; packaging/debian/packages.txt installs them (check-deps.py sees these names).
    const QString unzip = QStandardPaths::findExecutable(u"unzip"_s);
    const QString sha256sum = QStandardPaths::findExecutable(u"sha256sum"_s);
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (unzip.isEmpty() || sha256sum.isEmpty() || openssl.isEmpty() || python.isEmpty())
        GTEST_SKIP() << "unzip, sha256sum, openssl or python3 is not installed (packaging/debian/packages.txt installs them)";
    const QString dir = path(u"pack"_s);
    ASSERT_EQ(runIn(path(QString()), unzip, {u"-q"_s, u"-d"_s, dir, u"pack.zip"_s}).first, 0);

    // The commands of README.txt and docs/evidence-packs.md, as written there.
    auto sums = runIn(dir, openssl, {u"pkeyutl"_s, u"-verify"_s, u"-pubin"_s, u"-inkey"_s, u"public-key.pem"_s, u"-rawin"_s,
                                     u"-in"_s, u"SHA256SUMS"_s, u"-sigfile"_s, u"SHA256SUMS.sig"_s});
    EXPECT_EQ(sums.first, 0) << sums.second.toStdString();
    EXPECT_TRUE(sums.second.contains(u"Signature Verified Successfully"_s));
    auto hashes = runIn(dir, sha256sum, {u"-c"_s, u"SHA256SUMS"_s});
    EXPECT_EQ(hashes.first, 0) << hashes.second.toStdString();
    EXPECT_EQ(hashes.second.count(u": OK"_s), 6) << hashes.second.toStdString();

    const QByteArray note = readFile(dir + u"/checkpoint"_s);
    const QString keyName = keyNameOf(note);
    auto body = runIn(dir, u"/bin/sh"_s, {u"-c"_s, u"sed -n '1,/^$/p' checkpoint | head -n -1 > checkpoint.body && "
                                                   "grep '^\u2014 %1 ' checkpoint | cut -d' ' -f3 | base64 -d | tail -c 64 > checkpoint.sig"_s.arg(keyName)});
    ASSERT_EQ(body.first, 0) << body.second.toStdString();
    auto signedBody = runIn(dir, openssl, {u"pkeyutl"_s, u"-verify"_s, u"-pubin"_s, u"-inkey"_s, u"public-key.pem"_s, u"-rawin"_s,
                                           u"-in"_s, u"checkpoint.body"_s, u"-sigfile"_s, u"checkpoint.sig"_s});
    EXPECT_EQ(signedBody.first, 0) << signedBody.second.toStdString();

    const QString script = QStringLiteral(QMSAUDIT_SOURCE_DIR "/docs/scripts/check-inclusion.py");
    const int proofs = int(readFile(dir + u"/proofs.jsonl"_s).count('\n'));
    for (int line = 1; line <= proofs; ++line) {
        auto checked = runIn(dir, python, {script, u"proofs.jsonl"_s, u"checkpoint"_s, QString::number(line)});
        EXPECT_EQ(checked.first, 0) << checked.second.toStdString();
        EXPECT_TRUE(checked.second.startsWith(u"OK seq "_s)) << checked.second.toStdString();
    }

    // The same tools refuse a changed file.
    QFile events(dir + u"/events.jsonl"_s);
    ASSERT_TRUE(events.open(QIODevice::Append));
    events.write("\n");
    events.close();
    EXPECT_NE(runIn(dir, sha256sum, {u"-c"_s, u"--quiet"_s, u"SHA256SUMS"_s}).first, 0);
    QByteArray proofLines = readFile(dir + u"/proofs.jsonl"_s);
    proofLines.replace("\"tree_size\":", "\"tree_size\":1");
    writeFile(dir + u"/proofs.jsonl"_s, proofLines);
    auto forged = runIn(dir, python, {script, u"proofs.jsonl"_s, u"checkpoint"_s});
    EXPECT_EQ(forged.first, 1);
    EXPECT_TRUE(forged.second.startsWith(u"FAILED: "_s)) << forged.second.toStdString();
}

TEST_F(EvidencePackTest, AnAlteredFileExits3NamingTheFileAndTheSeq)
{
    EvidencePack::Files files = makePack();
    QByteArray events = files.value(u"events.jsonl"_s);
    const qsizetype reason = events.indexOf("\"recorded_at\":\"20");
    ASSERT_GT(reason, 0);
    events[reason + 18] = events[reason + 18] == '2' ? '1' : '2'; // one digit of the first event's year
    files.insert(u"events.jsonl"_s, events);
    writeZip(path(u"altered.zip"_s), files);

    const CliResult result = verifyPack(path(u"altered.zip"_s), {u"--trusted-key"_s, path(u"trusted.pem"_s)});
    EXPECT_EQ(result.exitCode, 3) << result.out.toStdString();
    EXPECT_TRUE(result.err.contains(u"events.jsonl"_s)) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(u"events.jsonl: Its SHA-256"_s)) << result.out.toStdString();
    const qint64 firstSeq = queryEvents({u"--object-type"_s, u"procedure"_s}).first().seq;
    EXPECT_TRUE(result.out.contains(u"events.jsonl line 1 (seq %1): The event is not the one its proof covers: recorded_at differs."_s
                                        .arg(firstSeq))) << result.out.toStdString();

    // A file that is missing, or one added, is named too.
    files = readZip(path(u"pack.zip"_s));
    files.remove(u"report.pdf"_s);
    files.insert(u"extra.txt"_s, "x");
    writeZip(path(u"missing.zip"_s), files);
    const CliResult missing = verifyPack(path(u"missing.zip"_s));
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_TRUE(missing.out.contains(u"report.pdf: The file is missing from the pack."_s)) << missing.out.toStdString();
    EXPECT_TRUE(missing.out.contains(u"extra.txt: The file is in the pack but not listed in SHA256SUMS."_s)) << missing.out.toStdString();
}

TEST_F(EvidencePackTest, ASwappedProofExits3EvenWhenTheKeyHolderResealsThePack)
{
    EvidencePack::Files files = makePack();
    QList<QByteArray> proofs = files.value(u"proofs.jsonl"_s).split('\n');
    proofs.swapItemsAt(0, 1);
    files.insert(u"proofs.jsonl"_s, proofs.join('\n'));
    writeZip(path(u"swapped.zip"_s), files);
    const CliResult swapped = verifyPack(path(u"swapped.zip"_s));
    EXPECT_EQ(swapped.exitCode, 3);
    EXPECT_TRUE(swapped.out.contains(u"proofs.jsonl: Its SHA-256"_s)) << swapped.out.toStdString();

    // Resealed with the right key, the sums and signatures hold: the lines themselves do not.
    const QList<Event> events = queryEvents({u"--object-type"_s, u"procedure"_s});
    ASSERT_TRUE(EvidencePack::seal(files, signer(m_keyPem, u"k"_s)).ok());
    writeZip(path(u"resealed.zip"_s), files);
    const CliResult resealed = verifyPack(path(u"resealed.zip"_s), {u"--trusted-key"_s, path(u"trusted.pem"_s)});
    EXPECT_EQ(resealed.exitCode, 3) << resealed.out.toStdString();
    EXPECT_TRUE(resealed.out.contains(u"proofs.jsonl line 2 (seq %1): The seqs are not ascending"_s.arg(events[0].seq)))
        << resealed.out.toStdString();
    EXPECT_TRUE(resealed.out.contains(u"events.jsonl line 1 (seq %1): It holds seq %1, but line 1 of proofs.jsonl proves seq %2."_s
                                          .arg(events[0].seq).arg(events[1].seq))) << resealed.out.toStdString();
    EXPECT_FALSE(resealed.out.contains(u"SHA-256"_s)) << resealed.out.toStdString();

    // An event changed, with its proof left, is refused by its encoding even when resealed.
    files = readZip(path(u"pack.zip"_s));
    QByteArray eventLines = files.value(u"events.jsonl"_s);
    const QByteArray actor = "\"id\":\"" + events[1].actor.id.toUtf8() + "\"";
    const qsizetype secondLine = eventLines.indexOf('\n') + 1;
    const qsizetype at = eventLines.indexOf(actor, secondLine);
    ASSERT_GT(at, 0);
    eventLines.replace(at, actor.size(), "\"id\":\"someone-else\"");
    files.insert(u"events.jsonl"_s, eventLines);
    ASSERT_TRUE(EvidencePack::seal(files, signer(m_keyPem, u"k"_s)).ok());
    writeZip(path(u"changed-event.zip"_s), files);
    const CliResult changed = verifyPack(path(u"changed-event.zip"_s), {u"--trusted-key"_s, path(u"trusted.pem"_s)});
    EXPECT_EQ(changed.exitCode, 3);
    EXPECT_TRUE(changed.out.contains(u"events.jsonl line 2 (seq %1): The event is not the one its proof covers: actor differs."_s
                                         .arg(events[1].seq))) << changed.out.toStdString();
}

TEST_F(EvidencePackTest, AForgedCheckpointExits7)
{
    for (const bool changeSize : {true, false}) {
        EvidencePack::Files files = makePack(changeSize ? u"size.zip"_s : u"root.zip"_s);
        QList<QByteArray> lines = files.value(u"checkpoint"_s).split('\n');
        if (changeSize) {
            lines[1] = QByteArray::number(lines[1].toLongLong() + 1);
        } else {
            QByteArray root = QByteArray::fromBase64(lines[2]);
            root[0] = char(root[0] ^ 1);
            lines[2] = root.toBase64();
        }
        files.insert(u"checkpoint"_s, lines.join('\n'));
        ASSERT_TRUE(EvidencePack::seal(files, signer(m_keyPem, u"k"_s)).ok()); // SHA256SUMS holds: the checkpoint's own signature does not
        writeZip(path(u"forged.zip"_s), files);
        const CliResult forged = verifyPack(path(u"forged.zip"_s), {u"--trusted-key"_s, path(u"trusted.pem"_s)});
        EXPECT_EQ(forged.exitCode, 7) << forged.out.toStdString();
        EXPECT_TRUE(forged.err.contains(u"checkpoint: The signature of qmsaudit/"_s)) << forged.err.toStdString();
        EXPECT_TRUE(forged.out.contains(u"does not verify"_s)) << forged.out.toStdString();
        QFile::remove(path(u"forged.zip"_s));
    }
}

TEST_F(EvidencePackTest, APackSignedByAnotherKeyIsSelfConsistentButNotTrusted)
{
    EvidencePack::Files files = makePack();
    const QByteArray note = files.value(u"checkpoint"_s);
    auto checkpoint = Checkpoint::parse(note.left(note.indexOf("\n\n") + 1));
    ASSERT_TRUE(checkpoint.ok());
    const CheckpointSigner other = signer(m_otherPem, keyNameOf(note));

    // Only the checkpoint re-signed by another key, SHA256SUMS resealed by the right one.
    EvidencePack::Files mixed = files;
    mixed.insert(u"checkpoint"_s, *CheckpointNote::sign(*checkpoint, other));
    ASSERT_TRUE(EvidencePack::seal(mixed, signer(m_keyPem, u"k"_s)).ok());
    writeZip(path(u"mixed.zip"_s), mixed);
    const CliResult mixedResult = verifyPack(path(u"mixed.zip"_s));
    EXPECT_EQ(mixedResult.exitCode, 7);
    EXPECT_TRUE(mixedResult.out.contains(u"checkpoint: "_s)) << mixedResult.out.toStdString();

    // The whole pack made over with another key: consistent in itself, not the trusted key's.
    files.insert(u"checkpoint"_s, *CheckpointNote::sign(*checkpoint, other));
    files.insert(u"public-key.pem"_s, other.publicKeyPem());
    ASSERT_TRUE(EvidencePack::seal(files, other).ok());
    writeZip(path(u"other.zip"_s), files);
    const CliResult alone = verifyPack(path(u"other.zip"_s));
    EXPECT_EQ(alone.exitCode, 0) << alone.out.toStdString();
    EXPECT_TRUE(alone.out.contains(u"only self-consistent"_s));
    const CliResult trusted = verifyPack(path(u"other.zip"_s), {u"--trusted-key"_s, path(u"trusted.pem"_s)});
    EXPECT_EQ(trusted.exitCode, 7) << trusted.out.toStdString();
    EXPECT_TRUE(trusted.err.contains(u"public-key.pem: It is not the trusted key"_s)) << trusted.err.toStdString();
    EXPECT_TRUE(trusted.out.contains(u"SHA256SUMS.sig: "_s)) << trusted.out.toStdString();
}

TEST_F(EvidencePackTest, AFilterThatMatchesNothingGivesAPackOfTheCheckpointAlone)
{
    const CliResult made = exportPack(path(u"empty.zip"_s), {u"--actor"_s, u"nobody-at-all"_s});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    EXPECT_TRUE(made.out.startsWith(u"exported 0 events to "_s)) << made.out.toStdString();
    const EvidencePack::Files files = readZip(path(u"empty.zip"_s));
    EXPECT_EQ(files.keys(), EvidencePack::fileNames());
    EXPECT_TRUE(files.value(u"events.jsonl"_s).isEmpty());
    EXPECT_TRUE(files.value(u"proofs.jsonl"_s).isEmpty());
    const CliResult verified = verifyPack(path(u"empty.zip"_s), {u"--trusted-key"_s, path(u"trusted.pem"_s)});
    EXPECT_EQ(verified.exitCode, 0) << verified.out.toStdString();
    EXPECT_TRUE(verified.out.contains(u": no events, checkpoint qmsaudit/"_s)) << verified.out.toStdString();
}

TEST_F(EvidencePackTest, TheWrongTrustedKeyExits7AndABadZipOrUsageIsNamed)
{
    makePack();
    const CliResult wrong = verifyPack(path(u"pack.zip"_s), {u"--trusted-key"_s, path(u"other.pem"_s)});
    EXPECT_EQ(wrong.exitCode, 7);
    EXPECT_TRUE(wrong.err.contains(u"public-key.pem: It is not the trusted key"_s)) << wrong.err.toStdString();

    writeFile(path(u"garbage.zip"_s), "not a zip file at all");
    const CliResult garbage = verifyPack(path(u"garbage.zip"_s));
    EXPECT_EQ(garbage.exitCode, 4);
    EXPECT_TRUE(garbage.err.contains(u"garbage.zip"_s)) << garbage.err.toStdString();
    EXPECT_EQ(verifyPack(path(u"absent.zip"_s)).exitCode, 4);
    EXPECT_EQ(run({u"verify-pack"_s}).exitCode, 1);
    EXPECT_EQ(verifyPack(path(u"pack.zip"_s), {u"--trusted-key"_s, path(u"absent.pem"_s)}).exitCode, 1);
}

} // namespace QmsAudit::Test
