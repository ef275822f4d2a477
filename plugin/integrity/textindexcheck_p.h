// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>
#include <qmsaudit/verificationreport.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace QmsAudit {

class Connection;
class Statement;

/**
 * Checks that the full-text index (events_text) holds exactly the words of every event's title
 * and reason, no more and no less, each in the partition of its seq (layout 6). The index is not
 * part of the hash chain, so someone with the key could remove rows from it (hiding events from
 * text searches) or plant rows (making searches match the wrong events) without breaking the chain.
 *
 * Both sides are reduced to one fingerprint per (partition, column, term): the sum of a keyed hash
 * of each event seq the term occurs in. The expected side tokenizes the events' columns with
 * SQLite's own tokenizer (fts3tokenize, unicode61), so both sides split words identically; it is
 * fed by the chain scan (addEvent()), which reads those columns anyway, so the events table is
 * read once. The actual side (readIndex()) reads every term from fts4aux and its events from a
 * MATCH, on another connection and thread, up to the same last seq. The hash key is random per
 * run, so changes that cancel out cannot be prepared in advance.
 */
class TextIndexCheck
{
public:
    /// Findings beyond this many terms are counted in one summary finding.
    static constexpr int MaxTermFindings = 10;

    explicit TextIndexCheck(qint64 partitionEvents);
    ~TextIndexCheck();

    /// Expected side, on one thread: the connection tokenizes (a temporary table, nothing is
    /// written to the log). setLastSeq() as soon as the snapshot's last seq is known (readIndex()
    /// waits for it), then addEvent() for seqs 1 .. lastSeq in seq order.
    Result<void> startTokenizing(Connection &connection);
    void addEvent(qint64 seq, QByteArrayView title, QByteArrayView reason); ///< UTF-8, as SQLite returns them
    void setLastSeq(qint64 lastSeq);
    /// Actual side, on another thread and connection: blocks until setLastSeq() was called, then
    /// reads the index up to that seq (rows a writer appended since are not looked at).
    void readIndex(Connection &connection, VerificationReport &report);
    /// After both sides: the terms whose events differ.
    void compare(VerificationReport &report) const;

private:
    struct Fingerprint {
        qint64 events = 0;
        quint64 sum = 0;
        bool operator==(const Fingerprint &) const = default;
    };
    /// One (partition, column, term) of the expected side, with its key's hash computed once.
    struct Entry {
        QByteArray key;
        quint64 keyHash = 0;
        Fingerprint fingerprint;
    };
    struct TransparentHash {
        using is_transparent = void;
        size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
    };
    /// Text (UTF-8) -> the entries of its words, for one column of the current partition.
    using WordCache = std::unordered_map<std::string, std::vector<int>, TransparentHash, std::equal_to<>>;

    /// key: partition (8 bytes) + column index byte + term (UTF-8)
    static QByteArray key(qint64 partition, int column, const QByteArray &term);
    quint64 keyHash(const QByteArray &key) const;
    /// A keyed, non-linear mix of a key and a seq: sums of it cannot be made to cancel out
    /// without the per-run seed.
    static quint64 mix(quint64 keyHash, qint64 seq);
    const std::vector<int> &entriesFor(int column, QByteArrayView text);

    const qint64 m_partitionEvents;
    const quint64 m_seed;
    std::atomic<qint64> m_lastSeq = -1; ///< -1 until the chain scan has its snapshot
    std::unique_ptr<Statement> m_tokens;
    qint64 m_partition = -1; ///< of the events fed last; the caches below belong to it
    WordCache m_wordCache[2];
    QHash<QByteArray, int> m_entryIndex; ///< key -> index in m_entries, current partition
    std::vector<Entry> m_entries;
    QHash<QByteArray, Fingerprint> m_actual;
};

} // namespace QmsAudit
