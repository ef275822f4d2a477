// SPDX-License-Identifier: LGPL-2.1-or-later
#include "query/querybuilder_p.h"

#include "storage/statement_p.h"

#include <QRegularExpression>

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
    PLimit,
    PFirstAction, // actions take PFirstAction, PFirstAction + 1, …
};
} // namespace

QueryBuilder::QueryBuilder(const EventFilter &filter)
    : m_filter(filter)
    , m_fts(ftsExpression(filter.text))
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

QByteArray QueryBuilder::indexClause() const
{
    // The most selective indexed filter drives the query; the rest are checked per row.
    if (!m_filter.objectId.isEmpty())
        return " INDEXED BY ix_events_object";
    if (!m_filter.actorId.isEmpty())
        return " INDEXED BY ix_events_actor";
    if (m_filter.fromUs || m_filter.toUs)
        return " INDEXED BY ix_events_time";
    if (!m_filter.actions.isEmpty())
        return " INDEXED BY ix_events_action";
    if (!m_filter.objectType.isEmpty())
        return " INDEXED BY ix_events_object_type";
    if (m_filter.outcome)
        return " INDEXED BY ix_events_outcome";
    return {}; // seq range on the primary key, or the text index
}

QByteArray QueryBuilder::whereClause(bool withSeqBound) const
{
    QList<QByteArray> terms;
    if (withSeqBound)
        terms.append("seq > ?" + QByteArray::number(PAfterSeq));
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
    if (!m_fts.isEmpty())
        terms.append("seq IN (SELECT docid FROM events_text WHERE events_text MATCH ?" + QByteArray::number(PText) + ")");
    else if (!m_filter.text.trimmed().isEmpty())
        terms.append("0"); // text without a single word matches nothing
    if (terms.isEmpty())
        return {};
    return " WHERE " + terms.join(" AND ");
}

QByteArray QueryBuilder::selectPage() const
{
    return "SELECT seq, payload, hash FROM events" + indexClause() + whereClause(true) + " ORDER BY seq LIMIT ?"
        + QByteArray::number(PLimit);
}

QByteArray QueryBuilder::selectCount() const
{
    return "SELECT count(*) FROM events" + indexClause() + whereClause(false);
}

QByteArray QueryBuilder::selectTextColumns() const
{
    return "SELECT object_title, reason FROM events" + indexClause() + whereClause(false);
}

QByteArray QueryBuilder::selectGroupCounts(const QByteArray &groupExpression) const
{
    return "SELECT " + groupExpression + ", count(*) FROM events" + indexClause() + whereClause(false) + " GROUP BY 1";
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
}

void QueryBuilder::bindPage(Statement &statement, const PageRequest &page) const
{
    bindFilter(statement);
    statement.bind(PAfterSeq, page.afterSeq);
    statement.bind(PLimit, qint64(page.limit));
}

} // namespace QmsAudit
