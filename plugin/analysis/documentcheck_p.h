// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/anomalyrules.h>

#include "analysis/anomalycheck_p.h"
#include "analysis/flagbuilder_p.h"
#include "analysis/seqlist_p.h"

#include <QHash>
#include <QStringList>

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
 * What happened before the scan's first event is read from the document's own history
 * (newest first, back to its last release), once per document and only when a flag depends on it.
 */
class DocumentCheck final : public AnomalyCheck
{
public:
    DocumentCheck(const EventReader &reader, const AnomalyRules &rules);
    Result<void> visit(const Event &event, bool inPeriod) override;
    void finish(QList<AnomalyFlag> &flags) override;
    qint64 eventsRead() const override { return m_eventsRead; }

    /// create, edit, revise, restore: a change that makes its user an author of the revision.
    static bool isAuthoring(Action action);

private:
    struct Release {
        qint64 seq = 0;
        qint64 recordedAtUs = 0;
    };
    struct Document {
        bool historyLoaded = false;
        bool releasedKnown = false;   ///< the stream held a release, revise, obsolete or delete of it
        bool authorsComplete = false; ///< the stream held a release of it
        std::optional<Release> released; ///< released since, until a revise, obsolete or delete
        qint64 lastReleaseSeq = 0;       ///< the release its authors are counted from (0: none)
        QHash<QString, SeqList> authors; ///< per user: their authoring events since the last release
    };
    struct ReleasedEdit {
        FlagBuilder flag;
        Release release;
        QStringList actions;
    };

    /// Completes @p document from its events before the scan's first one.
    Result<void> loadHistory(Document &document, const ObjectRef &object);
    void flagReleasedEdit(const Document &document, const Event &event);
    void flagSelfApproval(const Document &document, const Event &event);

    const EventReader &m_reader;
    const AnomalyRules &m_rules;
    qint64 m_firstSeq = 0;
    qint64 m_eventsRead = 0;
    QHash<QString, Document> m_documents;        ///< by "type\nid"
    QHash<QString, ReleasedEdit> m_releasedEdits; ///< by "type\nid\nrelease seq\nuser"
    QList<AnomalyFlag> m_flags;
};

} // namespace QmsAudit
