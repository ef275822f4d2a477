// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/textindexcheck_p.h"

#include "storage/connection_p.h"
#include "storage/statement_p.h"

#include <QHash>
#include <QRandomGenerator>

namespace QmsAudit {
namespace {

using Kind = VerificationFinding::Kind;

constexpr const char *kColumns[] = {"object_title", "reason"};

/// Per (column, term): how many events, and the sum of keyed hashes of their seqs.
struct Fingerprint {
    qint64 events = 0;
    quint64 sum = 0;
    bool operator==(const Fingerprint &) const = default;
};
using Fingerprints = QHash<QByteArray, Fingerprint>; // key: column index byte + term (UTF-8)

void addFinding(VerificationReport &report, QString detail)
{
    report.findings.append({Kind::TextIndexMismatch, 0, std::move(detail)});
}

} // namespace

class TextIndexCheck::Hasher
{
public:
    Hasher() : m_seed(QRandomGenerator::system()->generate64()) {}
    quint64 operator()(const QByteArray &key, qint64 seq) const
    {
        QByteArray data = key;
        data.append(reinterpret_cast<const char *>(&seq), sizeof seq);
        return quint64(qHashBits(data.constData(), size_t(data.size()), size_t(m_seed)));
    }

private:
    quint64 m_seed;
};

TextIndexCheck::TextIndexCheck(Connection &connection)
    : m_connection(connection)
{
}

void TextIndexCheck::run(VerificationReport &report)
{
    // Temporary tables live in the connection's own temp schema; the log file is not written.
    if (auto r = m_connection.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.qmsaudit_tokens USING fts3tokenize(unicode61);"
                                   "CREATE VIRTUAL TABLE IF NOT EXISTS temp.qmsaudit_terms USING fts4aux(main, events_text);");
        !r) {
        addFinding(report, QStringLiteral("the text index cannot be read: %1").arg(r.error().message()));
        return;
    }
    auto partitionEvents = m_connection.queryText("SELECT value FROM meta WHERE key = 'text_partition_events'");
    auto head = m_connection.queryText("SELECT coalesce(max(seq), 0) FROM events");
    auto partitionsInIndex = m_connection.prepare("SELECT DISTINCT level / 1024 FROM events_text_segdir ORDER BY 1");
    if (!partitionEvents || !head || !partitionsInIndex) {
        const Error error = !partitionEvents ? partitionEvents.error() : !head ? head.error() : partitionsInIndex.error();
        addFinding(report, QStringLiteral("the text index cannot be read: %1").arg(error.message()));
        return;
    }
    const qint64 perPartition = partitionEvents->toLongLong();
    const qint64 headSeq = head->toLongLong();
    if (perPartition < 1) {
        addFinding(report, QStringLiteral("the log's text_partition_events (\"%1\") is not a positive number").arg(*partitionEvents));
        return;
    }
    const qint64 partitions = headSeq > 0 ? (headSeq - 1) / perPartition + 1 : 0;
    // FTS4 files each languageid's segments under level / 1024 (no prefix indexes): rows planted
    // in a partition that no seq belongs to would otherwise go unseen by queries and by this check.
    while (true) {
        auto row = partitionsInIndex->step();
        if (!row || !*row)
            break;
        const qint64 partition = partitionsInIndex->int64(0);
        if (partition < 0 || partition >= partitions)
            addFinding(report, QStringLiteral("the text index has a partition %1, which no event belongs to").arg(partition));
    }
    const Hasher hasher;
    qsizetype differing = 0;
    for (qint64 partition = 0; partition < partitions; ++partition) {
        const qint64 firstSeq = partition * perPartition + 1;
        checkPartition(partition, firstSeq, std::min(headSeq, firstSeq + perPartition - 1), hasher, report, differing);
    }
    if (differing > MaxTermFindings)
        addFinding(report, QStringLiteral("%1 more text index entries do not match the events").arg(differing - MaxTermFindings));
}

void TextIndexCheck::checkPartition(qint64 partition, qint64 firstSeq, qint64 lastSeq, const Hasher &hasher, VerificationReport &report,
                                    qsizetype &differing)
{
    // Expected: the distinct words of each event's title and reason.
    Fingerprints expected;
    {
        auto tokens = m_connection.prepare("SELECT DISTINCT token FROM temp.qmsaudit_tokens WHERE input = ?1");
        auto events = m_connection.prepare("SELECT seq, object_title, reason FROM events WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq");
        if (!tokens || !events) {
            addFinding(report, (tokens ? events.error() : tokens.error()).message());
            return;
        }
        events->bind(1, firstSeq);
        events->bind(2, lastSeq);
        QHash<QString, QList<QByteArray>> cache; // titles and reasons repeat: tokenize each once
        while (true) {
            auto row = events->step();
            if (!row || !*row)
                break; // a damaged page is the chain scan's finding
            const qint64 seq = events->int64(0);
            for (int column = 0; column < 2; ++column) {
                const QString text = events->text(1 + column);
                if (text.isEmpty())
                    continue;
                auto cached = cache.find(text);
                if (cached == cache.end()) {
                    if (cache.size() > 100000)
                        cache.clear(); // bounded memory on logs with ever-new texts
                    QList<QByteArray> words;
                    tokens->bind(1, text);
                    while (true) {
                        auto token = tokens->step();
                        if (!token || !*token)
                            break;
                        words.append(tokens->text(0).toUtf8());
                    }
                    tokens->reset();
                    cached = cache.insert(text, words);
                }
                for (const QByteArray &word : std::as_const(*cached)) {
                    const QByteArray key = char('0' + column) + word;
                    Fingerprint &fingerprint = expected[key];
                    ++fingerprint.events;
                    fingerprint.sum += hasher(key, seq);
                }
            }
        }
    }

    // Actual: every term the partition holds, and the events it lists for it.
    Fingerprints actual;
    {
        auto terms = m_connection.prepare("SELECT term, col FROM temp.qmsaudit_terms WHERE col != '*' AND languageid = ?1");
        auto postings = m_connection.prepare("SELECT docid FROM events_text WHERE events_text MATCH ?1 AND part = ?2");
        if (!terms || !postings) {
            addFinding(report, (terms ? postings.error() : terms.error()).message());
            return;
        }
        terms->bind(1, partition);
        QList<std::pair<QString, int>> list;
        while (true) {
            auto row = terms->step();
            if (!row) {
                addFinding(report, QStringLiteral("the text index cannot be read: %1").arg(row.error().message()));
                return;
            }
            if (!*row)
                break;
            list.append({terms->text(0), int(terms->int64(1))});
        }
        for (const auto &[term, column] : list) {
            if (column < 0 || column > 1)
                continue;
            const QByteArray key = char('0' + column) + term.toUtf8();
            Fingerprint &fingerprint = actual[key];
            postings->bind(1, QString::fromLatin1(kColumns[column]) + QLatin1Char(':') + term);
            postings->bind(2, partition);
            while (true) {
                auto row = postings->step();
                if (!row) {
                    addFinding(report, QStringLiteral("the text index cannot be read for \"%1\": %2").arg(term, row.error().message()));
                    break;
                }
                if (!*row)
                    break;
                ++fingerprint.events;
                fingerprint.sum += hasher(key, postings->int64(0));
            }
            postings->reset();
        }
    }

    // Compare, naming the terms that differ.
    auto note = [&](const QByteArray &key, qint64 indexed, qint64 inEvents) {
        if (++differing > MaxTermFindings)
            return;
        const QString term = QString::fromUtf8(key.mid(1));
        const QString column = QString::fromLatin1(kColumns[key.at(0) - '0']);
        QString detail = QStringLiteral("the text index entry for \"%1\" in %2 (partition %3, seq %4 to %5) does not match the events "
                                        "(index: %6 events, events: %7)")
                             .arg(term, column)
                             .arg(partition)
                             .arg(firstSeq)
                             .arg(lastSeq)
                             .arg(indexed)
                             .arg(inEvents);
        if (indexed == inEvents)
            detail += QStringLiteral("; the same number, but not the same events");
        addFinding(report, detail);
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const Fingerprint found = actual.value(it.key());
        if (!(found == it.value()))
            note(it.key(), found.events, it.value().events);
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        if (!expected.contains(it.key()) && it.value().events > 0)
            note(it.key(), it.value().events, 0);
    }
}

} // namespace QmsAudit
