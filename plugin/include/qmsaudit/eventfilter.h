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
struct EventFilter {
    std::optional<qint64> fromUs; ///< recorded_at >= fromUs
    std::optional<qint64> toUs;   ///< recorded_at <  toUs
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
};

/// Keyset pagination: events with seq > afterSeq, ascending, at most limit of them.
struct PageRequest {
    qint64 afterSeq = 0;
    int limit = 100;
    static constexpr int MaxLimit = 10000;
};

/// One page of results; pass nextAfterSeq back as PageRequest::afterSeq for the next page.
struct EventPage {
    QList<Event> events;
    qint64 nextAfterSeq = 0;
    bool hasMore = false;
};

} // namespace QmsAudit
