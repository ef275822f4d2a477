// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/qmsaudit_export.h>

#include <QList>
#include <QString>

#include <optional>

namespace QmsAudit {

/**
 * What to look for. Empty members do not filter; set members are combined with AND.
 * Every filter is served by an index (see docs/queries.md); text is always bound, never spliced.
 */
struct QMSAUDIT_EXPORT EventFilter {
    std::optional<qint64> fromUs; ///< recorded_at >= fromUs
    std::optional<qint64> toUs;   ///< recorded_at <  toUs
    /// When it happened: occurred_at, or recorded_at for events that carry none (imported history
    /// keeps its occurred_at while recorded_at is the import time). No index serves these alone:
    /// combine them with another filter on big logs (docs/queries.md).
    std::optional<qint64> occurredFromUs; ///< occurred >= occurredFromUs
    std::optional<qint64> occurredToUs;   ///< occurred <  occurredToUs
    QString actorId;
    QList<Action> actions;        ///< any of these
    QString objectId;
    QString objectType;
    std::optional<Outcome> outcome;
    /// Words that must all occur (as words or word prefixes, case-insensitive) in the object
    /// title or the reason. Punctuation separates words. At most MaxTextWords words.
    QString text;

    /// More words than any real search uses; SQLite's full-text parser fails at 4,096.
    static constexpr int MaxTextWords = 64;

    bool isEmpty() const;
    /**
     * The filter in one line, the form `trail_viewed` events carry in their "filter" attribute:
     * `from=2026-01-01T00:00:00.000000Z; actor=jdoe; action=edit,approve; text="torque"`
     * (set members only, in declaration order; "all events" when empty).
     */
    QString describe() const;
};

/**
 * Keyset pagination, never OFFSET: events with afterSeq < seq < beforeSeq (0: no upper bound),
 * at most limit of them, oldest or newest first. Newest first is what auditors usually want.
 */
struct PageRequest {
    enum class Order { OldestFirst, NewestFirst };
    qint64 afterSeq = 0;
    int limit = 100;
    static constexpr int MaxLimit = 10000;
    qint64 beforeSeq = 0;
    Order order = Order::OldestFirst;
};

/**
 * One page of results, in the order asked for. The next page: oldest first, pass nextAfterSeq
 * back as PageRequest::afterSeq; newest first, nextBeforeSeq as PageRequest::beforeSeq.
 */
struct EventPage {
    QList<Event> events;
    qint64 nextAfterSeq = 0;
    bool hasMore = false;
    qint64 nextBeforeSeq = 0;
};

} // namespace QmsAudit
