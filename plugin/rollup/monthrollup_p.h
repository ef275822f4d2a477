// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace QmsAudit {

/// The fields of one event that the rollups count: views into a row or a hashed record.
struct RollupRecord {
    qint64 seq = 0;
    qint64 recordedAtUs = 0;
    QByteArrayView actorId;
    QByteArrayView action;
    QByteArrayView objectType;
    QByteArrayView objectId;
    QByteArrayView outcome;
};

/**
 * Per-month counts per document and per person, and the workflow cycles (submit to approve, submit
 * to release). A document is the object of an access, change or workflow event or of a denied
 * access; logins, sessions and the trail's own events count for their person only. They are
 * what the management review's rankings, cycle times and stale documents are read from
 * (SchemaSql::CreateRollups). The same counting serves the writer (one closed day), the
 * rebuild and verify (the whole chain) and the reader (the part of a period not yet rolled up),
 * so that the four cannot disagree on what an event counts for.
 *
 * Months are UTC calendar months, numbered (year - 1970) * 12 + month - 1.
 */
class MonthRollup
{
public:
    struct ObjectCounts {
        qint64 events = 0;
        qint64 accesses = 0; ///< access actions (view, print, export, download, search)
        qint64 changes = 0;  ///< change actions (create, edit, revise, delete, obsolete, restore)
        qint64 workflow = 0; ///< workflow actions (submit, review, approve, reject, release, sign)
        qint64 denied = 0;
        std::optional<qint64> lastRevisedUs;  ///< create, edit, revise, restore, release
        std::optional<qint64> lastReviewedUs; ///< review, approve
        std::optional<qint64> lastRetiredUs;  ///< obsolete, delete
        void add(const ObjectCounts &other);
        bool operator==(const ObjectCounts &) const = default;
    };
    struct ActorCounts {
        qint64 events = 0;
        qint64 changes = 0;
        qint64 workflow = 0;
        qint64 denied = 0;
        void add(const ActorCounts &other);
        bool operator==(const ActorCounts &) const = default;
    };
    /// An approve or release, timed from the latest submit of the same object before it.
    struct Cycle {
        qint64 seq = 0; ///< of the approve or release
        std::string objectType;
        std::string stage; ///< "approve" or "release"
        qint64 submittedAtUs = 0;
        qint64 recordedAtUs = 0;
        bool operator==(const Cycle &) const = default;
    };
    /// Keys: month, then the parts joined by Separator (type, id) or the actor id alone.
    using ObjectMap = std::unordered_map<std::string, ObjectCounts>;
    using ActorMap = std::unordered_map<std::string, ActorCounts>;
    static constexpr char Separator = '\x1f'; // cannot occur in ids or types (no control characters)

    /// Where the latest submit of an object before a seq comes from when this rollup has not seen
    /// it: the writer asks the log; the whole-chain passes have seen every event and need none.
    using SubmitLookup = std::function<std::optional<qint64>(QByteArrayView objectType, QByteArrayView objectId, qint64 beforeSeq)>;
    explicit MonthRollup(SubmitLookup lookup = {});

    void add(const RollupRecord &record);
    /// Notes a submit without counting the event: for a reader that counts only part of a range.
    void followSubmits(const RollupRecord &record);
    /// Forgets the submits seen: before a range that does not continue the events seen so far.
    void forgetSubmits() { m_lastSubmit.clear(); }
    /// Forgets the counts (not the submits seen): after a month has been written or compared.
    void clearCounts();

    const std::unordered_map<qint64, ObjectMap> &objects() const { return m_objects; }
    const std::unordered_map<qint64, ActorMap> &actors() const { return m_actors; }
    const std::vector<Cycle> &cycles() const { return m_cycles; }

    static qint64 monthOf(qint64 utcMicros);
    static qint64 monthStartUs(qint64 month);
    static std::string objectKey(QByteArrayView objectType, QByteArrayView objectId);
    /// The type and id of an objectKey().
    static std::pair<QByteArrayView, QByteArrayView> splitObjectKey(const std::string &key);

private:
    SubmitLookup m_lookup;
    std::unordered_map<qint64, ObjectMap> m_objects;
    std::unordered_map<qint64, ActorMap> m_actors;
    std::vector<Cycle> m_cycles;
    std::unordered_map<std::string, qint64> m_lastSubmit; ///< objectKey -> recorded_at of its latest submit
    std::string m_key; ///< reused, so that counting allocates only for new keys
    std::optional<qint64> m_month; ///< of the last record counted, whose maps follow
    ObjectMap *m_monthObjects = nullptr;
    ActorMap *m_monthActors = nullptr;
};

} // namespace QmsAudit
