// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/textindexcheck_p.h"

#include "storage/connection_p.h"
#include "storage/statement_p.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <cstring>

namespace QmsAudit {
namespace {

using Kind = VerificationFinding::Kind;

constexpr const char *kColumns[] = {"object_title", "reason"};

VerificationFinding finding(QString detail)
{
    return {Kind::TextIndexMismatch, 0, std::move(detail)};
}

} // namespace

TextIndexCheck::TextIndexCheck(qint64 partitionEvents)
    : m_partitionEvents(std::max<qint64>(partitionEvents, 1))
    , m_seed(QRandomGenerator::system()->generate64())
{
}

TextIndexCheck::~TextIndexCheck() = default;

quint64 TextIndexCheck::keyHash(const QByteArray &key) const
{
    return quint64(qHashBits(key.constData(), size_t(key.size()), size_t(m_seed)));
}

quint64 TextIndexCheck::mix(quint64 keyHash, qint64 seq)
{
    // splitmix64's finalizer over the key's keyed hash and the seq.
    quint64 z = keyHash ^ (quint64(seq) * 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

QByteArray TextIndexCheck::key(qint64 partition, int column, const QByteArray &term)
{
    QByteArray key(reinterpret_cast<const char *>(&partition), sizeof partition);
    key.append(char('0' + column));
    key.append(term);
    return key;
}

Result<void> TextIndexCheck::startTokenizing(Connection &connection)
{
    // A temporary table lives in the connection's own temp schema; the log file is not written.
    if (auto r = connection.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.qmsaudit_tokens USING fts3tokenize(unicode61)"); !r)
        return r;
    auto tokens = connection.prepare("SELECT DISTINCT token FROM temp.qmsaudit_tokens WHERE input = ?1");
    if (!tokens)
        return tokens.error();
    m_tokens = std::make_unique<Statement>(std::move(*tokens));
    return {};
}

const std::vector<int> &TextIndexCheck::entriesFor(int column, QByteArrayView text)
{
    WordCache &cache = m_wordCache[column];
    const std::string_view view(text.data(), size_t(text.size()));
    if (auto cached = cache.find(view); cached != cache.end())
        return cached->second;
    if (cache.size() > 100000)
        cache.clear(); // bounded memory on logs with ever-new texts
    std::vector<int> entries;
    m_tokens->bind(1, QString::fromUtf8(text));
    while (true) {
        auto token = m_tokens->step();
        if (!token || !*token)
            break;
        const QByteArray k = key(m_partition, column, m_tokens->text(0).toUtf8());
        auto index = m_entryIndex.find(k);
        if (index == m_entryIndex.end()) {
            index = m_entryIndex.insert(k, int(m_entries.size()));
            m_entries.push_back({k, keyHash(k), {}});
        }
        entries.push_back(*index);
    }
    m_tokens->reset();
    return cache.emplace(std::string(view), std::move(entries)).first->second;
}

void TextIndexCheck::addEvent(qint64 seq, QByteArrayView title, QByteArrayView reason)
{
    if (!m_tokens)
        return;
    if (const qint64 partition = (seq - 1) / m_partitionEvents; partition != m_partition) {
        // The chain scan goes in seq order: a partition's words are never needed again.
        m_partition = partition;
        m_wordCache[0].clear();
        m_wordCache[1].clear();
        m_entryIndex.clear();
    }
    const QByteArrayView columns[] = {title, reason};
    for (int column = 0; column < 2; ++column) {
        if (columns[column].isEmpty())
            continue;
        for (const int index : entriesFor(column, columns[column])) {
            Entry &entry = m_entries[size_t(index)];
            ++entry.fingerprint.events;
            entry.fingerprint.sum += mix(entry.keyHash, seq);
        }
    }
}

void TextIndexCheck::setLastSeq(qint64 lastSeq)
{
    m_lastSeq.store(std::max<qint64>(lastSeq, 0));
    m_lastSeq.notify_all();
}

void TextIndexCheck::readIndex(Connection &connection, VerificationReport &report)
{
    auto fail = [&](const QString &message) { report.findings.append(finding(QStringLiteral("the text index cannot be read: %1").arg(message))); };
    if (auto r = connection.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.qmsaudit_terms USING fts4aux(main, events_text)"); !r)
        return fail(r.error().message());
    auto partitionsInIndex = connection.prepare("SELECT DISTINCT level / 1024 FROM events_text_segdir ORDER BY 1");
    auto terms = connection.prepare("SELECT term, col FROM temp.qmsaudit_terms WHERE col != '*' AND languageid = ?1");
    auto postings = connection.prepare("SELECT docid FROM events_text WHERE events_text MATCH ?1 AND part = ?2 AND docid <= ?3");
    for (const Error &error : {partitionsInIndex ? Error() : partitionsInIndex.error(), terms ? Error() : terms.error(),
                               postings ? Error() : postings.error()}) {
        if (error)
            return fail(error.message());
    }
    // FTS4 files each languageid's segments under level / 1024 (no prefix indexes): rows planted
    // in a partition that no seq belongs to would otherwise go unseen by queries and by this check.
    // The partitions are read before the head, each in a snapshot of its own: a writer that
    // commits in between adds events to the head, never a partition the head does not cover.
    QList<qint64> partitionsFound;
    while (true) {
        auto row = partitionsInIndex->step();
        if (!row || !*row)
            break;
        partitionsFound.append(partitionsInIndex->int64(0));
    }
    partitionsInIndex->reset();
    auto head = connection.queryText("SELECT coalesce(max(seq), 0) FROM events");
    if (!head)
        return fail(head.error().message());
    const qint64 headSeq = head->toLongLong();
    const qint64 partitionsNow = headSeq > 0 ? (headSeq - 1) / m_partitionEvents + 1 : 0;
    for (const qint64 partition : std::as_const(partitionsFound)) {
        if (partition < 0 || partition >= partitionsNow)
            report.findings.append(finding(QStringLiteral("the text index has a partition %1, which no event belongs to").arg(partition)));
    }

    // The chain scan's snapshot may be older than this one: compare up to its last seq.
    m_lastSeq.wait(-1);
    const qint64 lastSeq = m_lastSeq.load();
    const qint64 partitions = lastSeq > 0 ? (lastSeq - 1) / m_partitionEvents + 1 : 0;
    for (qint64 partition = 0; partition < partitions; ++partition) {
        terms->bind(1, partition);
        QList<std::pair<QString, int>> list;
        while (true) {
            auto row = terms->step();
            if (!row)
                return fail(row.error().message());
            if (!*row)
                break;
            list.append({terms->text(0), int(terms->int64(1))});
        }
        terms->reset();
        for (const auto &[term, column] : std::as_const(list)) {
            if (column < 0 || column > 1)
                continue;
            const QByteArray k = key(partition, column, term.toUtf8());
            const quint64 kHash = keyHash(k);
            Fingerprint fingerprint;
            postings->bind(1, QString::fromLatin1(kColumns[column]) + QLatin1Char(':') + term);
            postings->bind(2, partition);
            postings->bind(3, lastSeq);
            while (true) {
                auto row = postings->step();
                if (!row) {
                    fail(QStringLiteral("\"%1\": %2").arg(term, row.error().message()));
                    break;
                }
                if (!*row)
                    break;
                ++fingerprint.events;
                fingerprint.sum += mix(kHash, postings->int64(0));
            }
            postings->reset();
            if (fingerprint.events > 0)
                m_actual.insert(k, fingerprint);
        }
    }
}

void TextIndexCheck::compare(VerificationReport &report) const
{
    qsizetype differing = 0;
    auto note = [&](const QByteArray &k, qint64 indexed, qint64 inEvents) {
        if (++differing > MaxTermFindings)
            return;
        qint64 partition = 0;
        std::memcpy(&partition, k.constData(), sizeof partition);
        const QString column = QString::fromLatin1(kColumns[k.at(sizeof partition) - '0']);
        const QString term = QString::fromUtf8(k.mid(sizeof partition + 1));
        const qint64 firstSeq = partition * m_partitionEvents + 1;
        QString detail = QStringLiteral("the text index entry for \"%1\" in %2 (partition %3, seq %4 to %5) does not match the events "
                                        "(index: %6 events, events: %7)")
                             .arg(term, column)
                             .arg(partition)
                             .arg(firstSeq)
                             .arg(std::min(m_lastSeq.load(), firstSeq + m_partitionEvents - 1))
                             .arg(indexed)
                             .arg(inEvents);
        if (indexed == inEvents)
            detail += QStringLiteral("; the same number, but not the same events");
        report.findings.append(finding(detail));
    };
    QSet<QByteArray> expected;
    expected.reserve(qsizetype(m_entries.size()));
    for (const Entry &entry : m_entries) {
        expected.insert(entry.key);
        const Fingerprint found = m_actual.value(entry.key);
        if (!(found == entry.fingerprint))
            note(entry.key, found.events, entry.fingerprint.events);
    }
    for (auto it = m_actual.cbegin(); it != m_actual.cend(); ++it) {
        if (!expected.contains(it.key()))
            note(it.key(), it.value().events, 0);
    }
    if (differing > MaxTermFindings)
        report.findings.append(finding(QStringLiteral("%1 more text index entries do not match the events").arg(differing - MaxTermFindings)));
}

} // namespace QmsAudit
