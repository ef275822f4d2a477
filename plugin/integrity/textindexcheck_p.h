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
    /// written to the log). Call for seqs 1 .. lastSeq, then setLastSeq().
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
    /// key: partition (8 bytes) + column index byte + term (UTF-8)
    using Fingerprints = QHash<QByteArray, Fingerprint>;

    quint64 hash(const QByteArray &key, qint64 seq) const;
    const QList<QByteArray> &words(const QString &text);
    QByteArray key(qint64 partition, int column, const QByteArray &term) const;

    const qint64 m_partitionEvents;
    const quint64 m_seed;
    std::atomic<qint64> m_lastSeq = -1; ///< -1 until the chain scan has its snapshot
    std::unique_ptr<Statement> m_tokens;
    QHash<QString, QList<QByteArray>> m_wordCache; ///< titles and reasons repeat: tokenize each once
    Fingerprints m_expected;
    Fingerprints m_actual;
};

} // namespace QmsAudit
