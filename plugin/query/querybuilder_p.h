// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/eventfilter.h>
#include <qmsaudit/result.h>

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace QmsAudit {

class Statement;

/// The partitions of the text index a query may read: 0 .. count - 1 (layout 6, docs/storage.md).
struct TextPartitions {
    qint64 headSeq = 0; ///< the last seq when the query started
    qint64 count = 0;   ///< partitions holding seqs 1 .. headSeq
};

/**
 * Turns an EventFilter into SQL with numbered placeholders plus the values to bind.
 * The SQL text depends only on which filters are set and on how many text partitions there are,
 * never on the filter values. Each statement names its index with INDEXED BY, so SQLite fails
 * rather than silently scanning.
 */
class QueryBuilder
{
public:
    explicit QueryBuilder(const EventFilter &filter, PageRequest::Order order = PageRequest::Order::OldestFirst,
                          TextPartitions partitions = {});

    /// "SELECT seq, payload, hash … WHERE seq > ? AND seq < ? … ORDER BY seq [DESC] LIMIT ?".
    QByteArray selectPage() const;
    QByteArray selectCount() const;
    /// "SELECT object_title, reason …" of the filtered events: to check text hits one by one.
    QByteArray selectTextColumns() const;
    /// "SELECT <groupExpression>, count(*) … GROUP BY 1" over the filtered events.
    QByteArray selectGroupCounts(const QByteArray &groupExpression) const;
    /// Binds the filter values (and for selectPage(), afterSeq and limit).
    void bindFilter(Statement &statement) const;
    void bindPage(Statement &statement, const PageRequest &page) const;
    /// When textDrives(): the one partition of the text index that selectPage() reads.
    void bindTextPartition(Statement &statement, qint64 partition) const;
    /// The text index drives the page: selectPage() then reads one partition per run.
    bool textDrives() const;
    const TextPartitions &textPartitions() const { return m_partitions; }

    /// Text search words turned into an FTS4 expression of prefix terms: "Calib, torque" -> calib* torque*.
    static QString ftsExpression(const QString &text);
    /// Refuses a filter no statement can serve (InvalidArgument), before any SQL runs.
    static Result<void> check(const EventFilter &filter);

private:
    static QStringList textWords(const QString &text);
    QByteArray whereClause(bool withSeqBound, bool viaText) const;
    QByteArray indexClause(bool forPage) const;
    bool hasTimeRange() const;
    /// The keyset (if @p withAfterSeq) and the time range as bounds on seq (SQL terms).
    QList<QByteArray> seqBoundTerms(const QByteArray &seqColumn, bool withAfterSeq) const;

    /// " DESC" for newest first.
    QByteArray direction() const;

    EventFilter m_filter;
    QString m_fts;
    PageRequest::Order m_order;
    TextPartitions m_partitions;
};

} // namespace QmsAudit
