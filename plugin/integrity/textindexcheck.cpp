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

class Hasher
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

void addFinding(VerificationReport &report, QString detail)
{
    report.findings.append({Kind::TextIndexMismatch, 0, std::move(detail)});
}

} // namespace

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
    const Hasher hasher;

    // Expected: the distinct words of each event's title and reason.
    Fingerprints expected;
    {
        auto tokens = m_connection.prepare("SELECT DISTINCT token FROM temp.qmsaudit_tokens WHERE input = ?1");
        auto events = m_connection.prepare("SELECT seq, object_title, reason FROM events ORDER BY seq");
        if (!tokens || !events) {
            addFinding(report, (tokens ? events.error() : tokens.error()).message());
            return;
        }
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

    // Actual: every term the index holds, and the events it lists for it.
    Fingerprints actual;
    {
        auto terms = m_connection.prepare("SELECT term, col FROM temp.qmsaudit_terms WHERE col != '*'");
        auto postings = m_connection.prepare("SELECT docid FROM events_text WHERE events_text MATCH ?1");
        if (!terms || !postings) {
            addFinding(report, (terms ? postings.error() : terms.error()).message());
            return;
        }
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
    QStringList differing;
    qsizetype count = 0;
    auto note = [&](const QByteArray &key, qint64 indexed, qint64 inEvents) {
        if (++count > MaxTermFindings)
            return;
        const QString term = QString::fromUtf8(key.mid(1));
        const QString column = QString::fromLatin1(kColumns[key.at(0) - '0']);
        QString detail = QStringLiteral("the text index entry for \"%1\" in %2 does not match the events (index: %3 events, events: %4)")
                             .arg(term, column)
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
    if (count > MaxTermFindings)
        addFinding(report, QStringLiteral("%1 more text index entries do not match the events").arg(count - MaxTermFindings));
}

} // namespace QmsAudit
