// SPDX-License-Identifier: LGPL-2.1-or-later
#include "query/querybuilder_p.h"

#include "storage/statement_p.h"

#include <QRegularExpression>

#include <limits>

namespace QmsAudit {
namespace {
// Placeholders have fixed numbers so SQL text and binding stay in step.
enum Param {
    PFrom = 1,
    PTo,
    PActor,
    PObjectId,
    PObjectType,
    POutcome,
    PText,
    PAfterSeq,
    PBeforeSeq,
    POccurredFrom,
    POccurredTo,
    PLimit,
    PTextPartition,
    PFirstAction, // actions take PFirstAction, PFirstAction + 1, …
};
} // namespace

QueryBuilder::QueryBuilder(const EventFilter &filter, PageRequest::Order order, TextPartitions partitions)
    : m_filter(filter)
    , m_fts(ftsExpression(filter.text))
    , m_order(order)
    , m_partitions(partitions)
{
}

QStringList QueryBuilder::textWords(const QString &text)
{
    // Letters and digits only, so FTS syntax in user text cannot change the query's meaning.
    static const QRegularExpression wordPattern(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList words;
    auto it = wordPattern.globalMatch(text);
    while (it.hasNext())
        words.append(it.next().captured(0));
    return words;
}

QString QueryBuilder::ftsExpression(const QString &text)
{
    // Lower case, because FTS4 operators (OR, NEAR, AND, NOT) are upper case.
    QStringList terms = textWords(text);
    for (QString &term : terms)
        term = term.toLower() + QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

Result<void> QueryBuilder::check(const EventFilter &filter)
{
    if (const qsizetype words = textWords(filter.text).size(); words > EventFilter::MaxTextWords) {
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The text filter has %1 words; at most %2 are allowed.")
                                                     .arg(words)
                                                     .arg(EventFilter::MaxTextWords));
    }
    return {};
}

QByteArray QueryBuilder::indexClause(bool forPage) const
{
    // The most selective indexed filter drives the query; the rest are checked per row. Every
    // index ends in seq, so a page comes out in seq order without a sort.
    const bool oneAction = m_filter.actions.size() == 1;
    if (!m_filter.objectId.isEmpty())
        return " INDEXED BY ix_events_object";
    if (!m_filter.actorId.isEmpty())
        return oneAction ? " INDEXED BY ix_events_actor_action" : " INDEXED BY ix_events_actor";
    if (oneAction)
        return " INDEXED BY ix_events_action";
    if (hasTimeRange()) {
        // A page walks the primary key between the seq bounds of the range (seqBoundTerms());
        // a count reads the narrower time index.
        return forPage ? " NOT INDEXED" : " INDEXED BY ix_events_time";
    }
    if (!m_filter.actions.isEmpty())
        return " INDEXED BY ix_events_action";
    if (!m_filter.objectType.isEmpty())
        return " INDEXED BY ix_events_object_type";
    if (m_filter.outcome)
        return " INDEXED BY ix_events_outcome";
    return {}; // seq range on the primary key, or the text index
}

bool QueryBuilder::hasTimeRange() const
{
    return m_filter.fromUs || m_filter.toUs;
}

QList<QByteArray> QueryBuilder::seqBoundTerms(const QByteArray &seqColumn, bool withAfterSeq) const
{
    // recorded_at never decreases along seq (the writer stamps max(now, head)), so a time range
    // is a seq range: its first and last seq come from the time index in two lookups. The keyset
    // and the range start make one lower bound: SQLite seeks on only one of two.
    const QByteArray afterSeq = "?" + QByteArray::number(PAfterSeq);
    QList<QByteArray> terms;
    if (m_filter.fromUs) {
        const QByteArray first = "(SELECT seq FROM events INDEXED BY ix_events_time WHERE recorded_at >= ?" + QByteArray::number(PFrom)
            + " ORDER BY recorded_at, seq LIMIT 1)";
        terms.append(withAfterSeq ? seqColumn + " > max(" + afterSeq + ", " + first + " - 1)" : seqColumn + " >= " + first);
    } else if (withAfterSeq) {
        terms.append(seqColumn + " > " + afterSeq);
    }
    // The upper bound likewise: the keyset's beforeSeq and the range end in one term, so that a
    // newest-first page of an old month seeks to the month's end instead of the log's.
    const QByteArray beforeSeq = "?" + QByteArray::number(PBeforeSeq);
    if (m_filter.toUs) {
        const QByteArray last = "(SELECT seq FROM events INDEXED BY ix_events_time WHERE recorded_at < ?" + QByteArray::number(PTo)
            + " ORDER BY recorded_at DESC, seq DESC LIMIT 1)";
        terms.append(withAfterSeq ? seqColumn + " < min(" + beforeSeq + ", " + last + " + 1)" : seqColumn + " <= " + last);
    } else if (withAfterSeq) {
        terms.append(seqColumn + " < " + beforeSeq);
    }
    return terms;
}

bool QueryBuilder::textDrives() const
{
    // An object or actor has few events: their index is the better driver than any text.
    return !m_fts.isEmpty() && m_filter.objectId.isEmpty() && m_filter.actorId.isEmpty();
}

QByteArray QueryBuilder::whereClause(bool withSeqBound, bool viaText) const
{
    // viaText: the text index is the outer loop (as t) and its docid carries the seq bounds.
    const QByteArray seqColumn = viaText ? "t.docid" : "seq";
    QList<QByteArray> terms;
    terms.append(seqBoundTerms(seqColumn, withSeqBound));
    if (m_filter.occurredFromUs)
        terms.append("coalesce(occurred_at, recorded_at) >= ?" + QByteArray::number(POccurredFrom));
    if (m_filter.occurredToUs)
        terms.append("coalesce(occurred_at, recorded_at) < ?" + QByteArray::number(POccurredTo));
    if (m_filter.fromUs)
        terms.append("recorded_at >= ?" + QByteArray::number(PFrom));
    if (m_filter.toUs)
        terms.append("recorded_at < ?" + QByteArray::number(PTo));
    if (!m_filter.actorId.isEmpty())
        terms.append("actor_id = ?" + QByteArray::number(PActor));
    if (!m_filter.objectId.isEmpty())
        terms.append("object_id = ?" + QByteArray::number(PObjectId));
    if (!m_filter.objectType.isEmpty())
        terms.append("object_type = ?" + QByteArray::number(PObjectType));
    if (m_filter.outcome)
        terms.append("outcome = ?" + QByteArray::number(POutcome));
    if (!m_filter.actions.isEmpty()) {
        QList<QByteArray> placeholders;
        for (int i = 0; i < m_filter.actions.size(); ++i)
            placeholders.append("?" + QByteArray::number(PFirstAction + i));
        terms.append("action IN (" + placeholders.join(", ") + ")");
    }
    if (viaText) {
        terms.append("t.events_text MATCH ?" + QByteArray::number(PText) + " AND t.part = ?" + QByteArray::number(PTextPartition));
    } else if (!m_fts.isEmpty()) {
        // FTS4 reads only the languageid it is given (0 without one): name every partition.
        QList<QByteArray> parts;
        for (qint64 p = 0; p < m_partitions.count; ++p)
            parts.append(QByteArray::number(p));
        terms.append(parts.isEmpty() ? QByteArray("0")
                                     : "seq IN (SELECT docid FROM events_text WHERE events_text MATCH ?" + QByteArray::number(PText)
                             + " AND part IN (" + parts.join(", ") + "))");
    } else if (!m_filter.text.trimmed().isEmpty())
        terms.append("0"); // text without a single word matches nothing
    if (terms.isEmpty())
        return {};
    return " WHERE " + terms.join(" AND ");
}

QByteArray QueryBuilder::selectPage() const
{
    if (textDrives()) {
        // FTS4 returns matches in docid order and honours docid bounds, so a page stops after
        // LIMIT rows instead of collecting every match first.
        return "SELECT e.seq, e.payload, e.hash FROM events_text AS t CROSS JOIN events AS e ON e.seq = t.docid"
            + whereClause(true, true) + " ORDER BY t.docid" + direction() + " LIMIT ?" + QByteArray::number(PLimit);
    }
    return "SELECT seq, payload, hash FROM events" + indexClause(true) + whereClause(true, false) + " ORDER BY seq" + direction()
        + " LIMIT ?" + QByteArray::number(PLimit);
}

QByteArray QueryBuilder::direction() const
{
    // Every index ends in seq and FTS4 yields docids in either order: newest first needs no sort.
    return m_order == PageRequest::Order::NewestFirst ? " DESC" : QByteArray();
}

QByteArray QueryBuilder::selectCount() const
{
    return "SELECT count(*) FROM events" + indexClause(false) + whereClause(false, false);
}

QByteArray QueryBuilder::selectTextColumns() const
{
    return "SELECT object_title, reason FROM events" + indexClause(false) + whereClause(false, false);
}

QByteArray QueryBuilder::selectGroupCounts(const QByteArray &groupExpression) const
{
    return "SELECT " + groupExpression + ", count(*) FROM events" + indexClause(false) + whereClause(false, false) + " GROUP BY 1";
}

void QueryBuilder::bindFilter(Statement &statement) const
{
    if (m_filter.fromUs)
        statement.bind(PFrom, *m_filter.fromUs);
    if (m_filter.toUs)
        statement.bind(PTo, *m_filter.toUs);
    if (!m_filter.actorId.isEmpty())
        statement.bind(PActor, m_filter.actorId);
    if (!m_filter.objectId.isEmpty())
        statement.bind(PObjectId, m_filter.objectId);
    if (!m_filter.objectType.isEmpty())
        statement.bind(PObjectType, m_filter.objectType);
    if (m_filter.outcome)
        statement.bind(POutcome, outcomeName(*m_filter.outcome));
    for (int i = 0; i < m_filter.actions.size(); ++i)
        statement.bind(PFirstAction + i, actionName(m_filter.actions[i]));
    if (!m_fts.isEmpty())
        statement.bind(PText, m_fts);
    if (m_filter.occurredFromUs)
        statement.bind(POccurredFrom, *m_filter.occurredFromUs);
    if (m_filter.occurredToUs)
        statement.bind(POccurredTo, *m_filter.occurredToUs);
}

void QueryBuilder::bindTextPartition(Statement &statement, qint64 partition) const
{
    statement.bind(PTextPartition, partition);
}

void QueryBuilder::bindPage(Statement &statement, const PageRequest &page) const
{
    bindFilter(statement);
    statement.bind(PAfterSeq, page.afterSeq);
    statement.bind(PBeforeSeq, page.beforeSeq > 0 ? page.beforeSeq : std::numeric_limits<qint64>::max());
    statement.bind(PLimit, qint64(page.limit));
}

} // namespace QmsAudit
