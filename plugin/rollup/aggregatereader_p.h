// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "rollup/monthrollup_p.h"

#include <qmsaudit/periodaggregates.h>
#include <qmsaudit/result.h>

#include <atomic>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace QmsAudit {

class Connection;

/**
 * Answers EventReader::aggregates() on one connection, in one read transaction: the per-day
 * summary gives the counts by action, type, outcome and time; whole months in the period come
 * from the rollups, and only what they do not cover (the newest day, partial months at the
 * period's edges) is counted from the events with the same MonthRollup the writer uses.
 * docs/aggregates.md explains the split and its cost.
 */
class AggregateReader
{
public:
    /// @p scanConnection, if given, counts the events the rollups do not cover while @p connection
    /// reads the rollups (on a thread of its own; the two are the costliest steps, docs/aggregates.md).
    AggregateReader(Connection &connection, Connection *scanConnection, const AggregateRequest &request, const std::atomic_bool *cancel);
    Result<PeriodAggregates> read();

private:
    using Range = std::pair<qint64, qint64>; ///< [from, to) in microseconds

    Result<void> readHead();
    Result<void> readDaySummary();
    Result<void> readObjectRollups();
    Result<void> readActorRollups();
    Result<void> readRolledCycles();
    Result<void> countChangesWithoutReason();
    /// What the events outside the rollups add: the counted ones, and the last revisions of the
    /// others. Only read once the scan returned (the lookup `counted` was made with is gone).
    struct UncountedEvents {
        MonthRollup counted;
        MonthRollup lastRevisions;
    };
    /// Counts the events of the ranges the rollups do not cover, up to the head seq of the
    /// snapshot (on @p connection: touches no member but those readHead() set).
    Result<UncountedEvents> scanEvents(Connection &connection) const;
    void addScanned(const UncountedEvents &scanned);
    bool cancelled() const;
    void addCycle(const std::string &objectType, const std::string &stage, qint64 durationUs);

    void finishCycles();
    void finishStaleDocuments();
    void finishRankings();
    QList<RankedCount> top(QList<RankedCount> ranking) const;

    /// What is counted per document, by its number in rollup_object.
    struct DocumentFigures {
        std::string key;                 ///< MonthRollup::objectKey()
        qint64 accesses = 0;             ///< in the period
        MonthRollup::ObjectCounts last;  ///< last revision, review and retirement before the period's end
    };
    /// The figures of the document @p objectKey, a new number if the rollups do not know it yet.
    DocumentFigures &documentFor(const std::string &objectKey);
    std::pair<QString, QString> documentName(size_t number) const;

    Connection &m_connection;
    Connection *m_scanConnection;
    const AggregateRequest m_request;
    const std::atomic_bool *m_cancel;
    PeriodAggregates m_result;

    qint64 m_headSeq = 0;        ///< the newest event of the snapshot
    qint64 m_rolledUntilUs = 0;  ///< the rollups count the events before this (the newest day's start)
    qint64 m_firstWholeMonth = 0; ///< whole months [first, end) of the period are read from the rollups
    qint64 m_endWholeMonth = 0;
    Range m_rolledCounts;        ///< the part of the period whose counts the rollups hold
    qint64 m_staleRolledUntilUs = 0; ///< the rollups' last revisions cover the events before this

    std::vector<DocumentFigures> m_documents;             ///< by number; 0 is unused
    std::unordered_map<std::string, size_t> m_numbers;    ///< objectKey -> number
    std::unordered_map<std::string, qint64> m_actorChanges;
    std::unordered_map<std::string, std::unordered_map<std::string, std::vector<qint64>>> m_cycles; ///< stage -> type -> durations
};

} // namespace QmsAudit
