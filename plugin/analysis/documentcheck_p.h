// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/eventfilter.h>

#include "analysis/anomalycheck_p.h"
#include "analysis/flagbuilder_p.h"
#include "analysis/seqlist_p.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

namespace QmsAudit {

class EventReader;

/**
 * released_edit and self_approval (docs/anomalies.md), which follow each document (object type
 * and id) through its successful change and workflow events:
 * - a release makes it released until a revise, obsolete or delete; a create, edit, restore or
 *   delete while it is released is flagged, one flag per document, release and user;
 * - the authors of a document are the users of its create, edit, revise and restore events since
 *   its last release; an approve or sign by one of them on a type that needs a second person is
 *   flagged, unless it is a signature with one of the author meanings.
 *
 * How a document stood when the period began comes from the events before it. Asking each
 * document's history (its object index, back to its last release) costs a random read per event
 * of the document, views included: minutes for a month of a 10 M-event log with 30,000 documents.
 * So the events of a document are held back until its first release in the period (after which
 * its state is known), and at the end the documents still waiting are resolved together: the
 * releases, revises, obsoletes and deletes before the period read newest first through the action
 * index (rare actions), and, for the documents whose approvals need them, the authoring events
 * back to the oldest of their last releases within a year; a document released longer ago, or
 * never, reads its own history. Then their held-back events are replayed.
 */
class DocumentCheck final : public AnomalyCheck
{
public:
    /// @p cancel: AnomalyDetector::scan()'s, checked between the pages of history it reads.
    DocumentCheck(const EventReader &reader, const AnomalyRules &rules, qint64 fromUs, const std::atomic_bool *cancel);
    Result<void> visit(const Event &event, bool inPeriod) override;
    Result<void> endOfStream() override;
    qint64 eventsRead() const override { return m_eventsRead; }

    /// create, edit, revise, restore: a change that makes its user an author of the revision.
    static bool isAuthoring(Action action);

private:
    /// One successful change or workflow event of a document, as much as the rules need of it.
    struct Step {
        qint64 seq = 0;
        qint64 recordedAtUs = 0;
        Action action = Action::Edit;
        QString actorId;
        QString signatureMeaning;
        ObjectRef object;
    };
    struct Release {
        qint64 seq = 0;
        qint64 recordedAtUs = 0;
    };
    /// A document's workflow state.
    struct State {
        std::optional<Release> released; ///< released since, until a revise, obsolete or delete
        qint64 lastReleaseSeq = 0;       ///< the release its authors are counted from (0: none)
        QHash<QString, SeqList> authors; ///< per user: their authoring events since the last release
    };
    struct Document {
        bool known = false;   ///< its state is known: nothing lies before the scan, or the period released it
        State state;
        QList<Step> waiting;  ///< its steps before it became known, replayed once its history is read
    };
    struct ReleasedEdit {
        FlagBuilder flag;
        Release release;
        QStringList actions;
    };

    /// Moves @p state past @p step, flagging what the rules flag.
    void apply(State &state, const Step &step);
    void flagReleasedEdit(const State &state, const Step &step);
    void flagSelfApproval(const State &state, const Step &step);
    void closeAll() override;

    /// The events of @p filter before the scan's first one and after @p afterSeq, newest first,
    /// until @p visit returns false.
    Result<void> readBack(const EventFilter &filter, qint64 afterSeq, const std::function<bool(const Event &)> &visit);
    /// How the documents @p keys stood before the scan's first event: releases, and what ended them.
    Result<QHash<QString, State>> statesBefore(const QSet<QString> &keys);
    /// Adds to @p states the authors since the last release before the scan, for @p keys.
    Result<void> authorsBefore(const QSet<QString> &keys, QHash<QString, State> &states);

    const EventReader &m_reader;
    const AnomalyRules &m_rules;
    qint64 m_fromUs;
    const std::atomic_bool *m_cancel;
    qint64 m_firstSeq = 0;
    qint64 m_eventsRead = 0;
    QHash<QString, Document> m_documents;        ///< by "type\nid"
    QHash<QString, ReleasedEdit> m_releasedEdits; ///< by "type\nid\nrelease seq\nuser"
};

} // namespace QmsAudit
