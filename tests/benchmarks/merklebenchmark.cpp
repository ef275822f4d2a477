// SPDX-License-Identifier: LGPL-2.1-or-later
#include "merklebenchmark.h"

#include "integrity/merklecheck_p.h"
#include "merkle/compactrange_p.h"
#include "merkle/merklehash_p.h"
#include "rawconnection.h"
#include "storage/auditlog_p.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/keyfileprovider.h>
#include <qmsaudit/statickeyprovider.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <cstdio>
#include <random>
#include <vector>

namespace QmsAudit::Bench {
namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

Event benchEvent(int i)
{
    Event e;
    e.actor = {QStringLiteral("user%1").arg(i % 40), QStringLiteral("User %1").arg(i % 40), {QStringLiteral("qa")}};
    e.action = i % 3 ? Action::View : Action::Print;
    e.object = {QStringLiteral("procedure"), QStringLiteral("SOP-%1").arg(i % 500), QStringLiteral("C"), QStringLiteral("Calibration of torque wrench %1").arg(i)};
    e.session = QStringLiteral("s-%1").arg(i % 7);
    e.host = {QStringLiteral("qms-bench"), QStringLiteral("1.0"), QStringLiteral("ws-01")};
    return e;
}

/// Microseconds per event to append @p events in batches of @p batch to a new log, with or without the tree.
double appendMicrosPerEvent(const QString &path, const SecretKey &key, bool maintainTree, int events, int batch)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1StringView(suffix));
    {
        StaticKeyProvider keys(SecretKey(key.kind(), key.data(), key.size()));
        if (!AuditLog::create(path, keys))
            return -1;
    }
    AuditLogPrivate log(path, SecretKey(key.kind(), key.data(), key.size()), {});
    if (!log.connect())
        return -1;
    log.m_maintainTree = maintainTree;
    QList<Event> chunk;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < events; i += batch) {
        chunk.clear();
        for (int k = 0; k < batch; ++k)
            chunk.append(benchEvent(i + k));
        if (!log.appendLocked(chunk))
            return -1;
    }
    return double(timer.nsecsElapsed()) / 1e3 / events;
}

/// A throw-away Ed25519 signer made with OpenSSL, for the signing figures.
Result<CheckpointSigner> freshSigner(const QString &name)
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    auto signer = CheckpointSigner::fromPem(name, QByteArrayView(data, length));
    BIO_free(bio);
    EVP_PKEY_free(key);
    return signer;
}

} // namespace

MerkleBenchmark::MerkleBenchmark(QString logPath, QString keyFile, int repetitions, QString scratchDir)
    : m_logPath(std::move(logPath))
    , m_keyFile(std::move(keyFile))
    , m_repetitions(repetitions)
    , m_scratchDir(std::move(scratchDir))
{
}

bool MerkleBenchmark::run(const QStringList &figures)
{
    const auto wanted = [&](const char *name) { return figures.isEmpty() || figures.contains(QLatin1StringView(name)); };
    return (!wanted("append") || appendFigures()) && (!wanted("proofs") || proofFigures())
        && (!wanted("checkpoints") || checkpointFigures()) && (!wanted("tree-check") || treeCheckFigures());
}

bool MerkleBenchmark::appendFigures()
{
    auto key = KeyFileProvider(m_keyFile).fetchKey();
    if (!key)
        return false;
    const QString path = QDir(m_scratchDir).filePath(QStringLiteral("append.qmslog"));
    std::printf("append, fresh log on %s, median of %d alternating rounds (with / without the tree):\n", qPrintable(m_scratchDir), m_repetitions);
    for (const auto &[events, batch] : {std::pair{1000, 1}, std::pair{100000, 100}}) {
        std::vector<double> with, without;
        for (int round = 0; round < m_repetitions; ++round) {
            with.push_back(appendMicrosPerEvent(path, *key, true, events, batch));
            without.push_back(appendMicrosPerEvent(path, *key, false, events, batch));
            if (with.back() < 0 || without.back() < 0)
                return false;
        }
        std::printf("  %6d events in batches of %3d: %8.2f us/event with the tree, %8.2f without, ratio %.3f\n", events, batch,
                    median(with), median(without), median(with) / median(without));
    }
    QFile::remove(path);
    return true;
}

bool MerkleBenchmark::proofFigures()
{
    const KeyFileProvider keys(m_keyFile);
    auto reader = EventReader::open(m_logPath, keys);
    if (!reader) {
        std::fprintf(stderr, "%s\n", qPrintable(reader.error().message()));
        return false;
    }
    const qint64 head = (*reader)->head()->seq;
    std::mt19937_64 random(20261129);
    std::printf("proofs on %s (%lld events), median over %d random proofs:\n", qPrintable(m_logPath), static_cast<long long>(head), 2000);
    for (const qint64 size : {qint64(1'000'000), qint64(10'000'000), head}) {
        if (size > head || (size == head && (head == 1'000'000 || head == 10'000'000)))
            continue;
        QElapsedTimer timer;
        timer.start();
        auto treeHead = (*reader)->treeHeadAt(size);
        const double rootMs = double(timer.nsecsElapsed()) / 1e6;
        if (!treeHead)
            return false;
        std::vector<double> inclusion, consistency, verification;
        qsizetype inclusionHashes = 0, consistencyHashes = 0;
        for (int i = 0; i < 2000; ++i) {
            const qint64 seq = 1 + qint64(random() % quint64(size));
            timer.restart();
            auto proof = (*reader)->inclusionProof(seq, size);
            inclusion.push_back(double(timer.nsecsElapsed()) / 1e3);
            if (!proof)
                return false;
            inclusionHashes = std::max(inclusionHashes, proof->hashes.size());
            timer.restart();
            const bool verified = bool(proof->verify(treeHead->rootHash));
            verification.push_back(double(timer.nsecsElapsed()) / 1e3);
            if (!verified)
                return false;
            const qint64 oldSize = 1 + qint64(random() % quint64(size));
            timer.restart();
            auto joined = (*reader)->consistencyProof(oldSize, size);
            consistency.push_back(double(timer.nsecsElapsed()) / 1e3);
            if (!joined)
                return false;
            consistencyHashes = std::max(consistencyHashes, joined->hashes.size());
        }
        std::printf("  tree of %lld: root %.2f ms; inclusion proof %.1f us (at most %lld hashes, %lld bytes), verified in %.1f us; "
                    "consistency proof %.1f us (at most %lld hashes)\n",
                    static_cast<long long>(size), rootMs, median(inclusion), static_cast<long long>(inclusionHashes),
                    static_cast<long long>(inclusionHashes * 32), median(verification), median(consistency),
                    static_cast<long long>(consistencyHashes));
    }
    return true;
}

bool MerkleBenchmark::checkpointFigures()
{
    auto signer = freshSigner(QStringLiteral("qmsaudit/bench"));
    if (!signer)
        return false;
    const QByteArray root(32, '\x42');
    constexpr int kNotes = 5000;
    QList<QByteArray> notes;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kNotes; ++i)
        notes.append(CheckpointNote::sign(QStringLiteral("qmsaudit/bench"), 10'000'000 + i, root, *signer).value());
    const double signSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    for (const QByteArray &note : std::as_const(notes)) {
        if (!CheckpointNote::open(note, {signer->verifier()}))
            return false;
    }
    const double openSeconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("checkpoints: %.0f signed per second (%.1f us each), %.0f opened and verified per second (%.1f us each)\n",
                kNotes / signSeconds, signSeconds * 1e6 / kNotes, kNotes / openSeconds, openSeconds * 1e6 / kNotes);
    return true;
}

bool MerkleBenchmark::treeCheckFigures()
{
    const KeyFileProvider keys(m_keyFile);
    auto raw = openRawConnection(m_logPath, keys);
    if (!raw) {
        std::fprintf(stderr, "%s\n", qPrintable(raw.error().message()));
        return false;
    }
    Connection &connection = **raw;
    // One pass over the payloads in seq order, as verify's chain scan reads them, with @p perPayload
    // doing the work being timed; seconds, in one read transaction.
    const auto pass = [&](const std::function<void(QByteArrayView)> &perPayload, qint64 &rows) {
        QElapsedTimer timer;
        timer.start();
        (void)connection.exec("BEGIN");
        auto select = connection.prepare("SELECT payload FROM events ORDER BY seq");
        rows = 0;
        while (select) {
            auto row = select->step();
            if (!row || !*row)
                break;
            ++rows;
            perPayload(select->blobView(0));
        }
        (void)connection.exec("COMMIT");
        return double(timer.nsecsElapsed()) / 1e9;
    };
    qint64 rows = 0;
    qint64 bytes = 0;
    VerificationReport report;
    QByteArray root;
    // Alternating rounds, the fastest of each: the passes read 10 M rows, and a busy page cache
    // or a second process moves one pass by seconds.
    std::vector<double> scanS, hashS, checkS;
    for (int round = 0; round < m_repetitions; ++round) {
        scanS.push_back(pass([&](QByteArrayView payload) { bytes += payload.size(); }, rows));
        CompactRange range;
        hashS.push_back(pass([&](QByteArrayView payload) { range.append(MerkleHash::leaf(payload)); }, rows));
        root = range.root();
        std::optional<MerkleCheck> check;
        check.emplace(connection);
        checkS.push_back(pass([&](QByteArrayView payload) { check->add(payload); }, rows));
        report = {};
        (void)connection.exec("BEGIN");
        check->finish(report);
        (void)connection.exec("COMMIT");
    }
    const double scan = *std::min_element(scanS.begin(), scanS.end());
    const double hash = *std::min_element(hashS.begin(), hashS.end());
    const double compared = *std::min_element(checkS.begin(), checkS.end());

    QElapsedTimer timer;
    timer.start();
    qint64 storedRows = 0;
    if (auto select = connection.prepare("SELECT level, idx, hash FROM merkle_subtree")) {
        while (true) {
            auto row = select->step();
            if (!row || !*row)
                break;
            ++storedRows;
            bytes += select->blobView(2).size();
        }
    }
    const double storedS = double(timer.nsecsElapsed()) / 1e9;
    std::printf("verify's tree check on %s (%lld events, %lld stored subtrees), fastest of %d rounds:\n"
                "  raw scan of the payloads %.1f s; with the leaf and node hashes %.1f s (+%.1f s); with the stored rows compared "
                "(MerkleCheck) %.1f s (+%.1f s over the hashes, %s); raw scan of the stored rows alone %.1f s\n",
                qPrintable(m_logPath), static_cast<long long>(rows), static_cast<long long>(storedRows), m_repetitions, scan, hash,
                hash - scan, compared, compared - hash, report.findings.isEmpty() && report.treeRoot == root ? "no finding" : "FINDINGS",
                storedS);
    return bytes > 0 && report.findings.isEmpty();
}

} // namespace QmsAudit::Bench
