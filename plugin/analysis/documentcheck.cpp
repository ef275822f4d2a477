// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/documentcheck_p.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <algorithm>

namespace QmsAudit {
namespace {

constexpr int kHistoryPageSize = 1000;

QString documentKey(const ObjectRef &object)
{
    return object.type + QLatin1Char('\n') + object.id;
}

QString objectText(const ObjectRef &object)
{
    return object.type + QLatin1Char(' ') + object.id;
}

} // namespace

DocumentCheck::DocumentCheck(const EventReader &reader, const AnomalyRules &rules)
    : m_reader(reader)
    , m_rules(rules)
{
}

bool DocumentCheck::isAuthoring(Action action)
{
    return action == Action::Create || action == Action::Edit || action == Action::Revise || action == Action::Restore;
}

Result<void> DocumentCheck::visit(const Event &event, bool inPeriod)
{
    if (m_firstSeq == 0)
        m_firstSeq = event.seq;
    const Action action = event.action;
    const bool approval = action == Action::Approve || action == Action::Sign;
    const bool changesState = action == Action::Release || action == Action::Obsolete || action == Action::Delete;
    if (event.outcome != Outcome::Success || event.object.id.isEmpty() || !(isAuthoring(action) || approval || changesState))
        return {};
    Document &document = m_documents[documentKey(event.object)];
    const auto complete = [&]() -> Result<void> {
        if (document.historyLoaded || (document.releasedKnown && document.authorsComplete))
            return {};
        return loadHistory(document, event.object);
    };

    if (action == Action::Release) {
        document.released = Release{event.seq, event.recordedAtUs};
        document.lastReleaseSeq = event.seq;
        document.releasedKnown = document.authorsComplete = true;
        document.authors.clear();
        return {};
    }
    if (approval) {
        if (inPeriod && m_rules.selfApproval.enabled && m_rules.requiresSecondPerson(event.object.type)) {
            if (auto completed = complete(); !completed)
                return completed;
            flagSelfApproval(document, event);
        }
        return {};
    }
    // A change, or obsolete: the first may break a release, and each but edit, create and restore ends one.
    const bool breaksRelease = action != Action::Revise && action != Action::Obsolete;
    if (inPeriod && breaksRelease && m_rules.releasedEdit.enabled) {
        if (auto completed = complete(); !completed)
            return completed;
        if (document.released)
            flagReleasedEdit(document, event);
    }
    if (isAuthoring(action)) {
        auto author = document.authors.find(event.actor.id);
        if (author == document.authors.end())
            author = document.authors.insert(event.actor.id, SeqList(m_rules.maxSeqsPerFlag));
        author->add(event.seq);
    }
    if (action == Action::Revise || action == Action::Obsolete || action == Action::Delete) {
        document.released.reset();
        document.releasedKnown = true;
    }
    return {};
}

Result<void> DocumentCheck::loadHistory(Document &document, const ObjectRef &object)
{
    document.historyLoaded = true;
    EventFilter filter;
    filter.objectType = object.type;
    filter.objectId = object.id;
    filter.actions = {Action::Create, Action::Edit, Action::Revise, Action::Restore, Action::Delete, Action::Obsolete, Action::Release};
    PageRequest page;
    page.order = PageRequest::Order::NewestFirst;
    page.beforeSeq = m_firstSeq;
    page.limit = kHistoryPageSize;
    bool decided = document.releasedKnown; // the newest release, revise, obsolete or delete decides
    QHash<QString, QList<qint64>> olderAuthors; // newest first
    bool reachedRelease = m_firstSeq <= 1;
    while (!reachedRelease) {
        auto result = m_reader.query(filter, page);
        if (!result)
            return result.error();
        for (const Event &event : std::as_const(result->events)) {
            ++m_eventsRead;
            if (event.outcome != Outcome::Success)
                continue;
            if (event.action == Action::Release) {
                if (!decided)
                    document.released = Release{event.seq, event.recordedAtUs};
                decided = true;
                if (!document.authorsComplete)
                    document.lastReleaseSeq = event.seq;
                reachedRelease = true;
                break;
            }
            if (!decided && (event.action == Action::Revise || event.action == Action::Obsolete || event.action == Action::Delete)) {
                document.released.reset();
                decided = true;
            }
            if (!document.authorsComplete && isAuthoring(event.action))
                olderAuthors[event.actor.id].append(event.seq);
        }
        if (!result->hasMore)
            break;
        page.beforeSeq = result->nextBeforeSeq;
    }
    if (!document.authorsComplete) {
        for (auto it = olderAuthors.begin(); it != olderAuthors.end(); ++it) {
            SeqList merged(m_rules.maxSeqsPerFlag);
            std::for_each(it->crbegin(), it->crend(), [&](qint64 seq) { merged.add(seq); });
            if (auto later = document.authors.constFind(it.key()); later != document.authors.cend())
                merged.add(*later);
            document.authors.insert(it.key(), merged);
        }
    }
    document.releasedKnown = document.authorsComplete = true;
    return {};
}

void DocumentCheck::flagReleasedEdit(const Document &document, const Event &event)
{
    const QString key = documentKey(event.object) + QLatin1Char('\n') + QString::number(document.released->seq) + QLatin1Char('\n') + event.actor.id;
    auto edit = m_releasedEdits.find(key);
    if (edit == m_releasedEdits.end()) {
        edit = m_releasedEdits.insert(key, {FlagBuilder(AnomalyRule::ReleasedEdit, AnomalySeverity::High, event.actor.id, m_rules.maxSeqsPerFlag),
                                            *document.released, {}});
        edit->flag.setObject(event.object);
        edit->flag.addContext(document.released->seq);
    }
    edit->flag.add(event);
    if (const QString name = actionName(event.action); !edit->actions.contains(name))
        edit->actions.append(name);
}

void DocumentCheck::flagSelfApproval(const Document &document, const Event &event)
{
    const auto authored = document.authors.constFind(event.actor.id);
    if (authored == document.authors.cend() || authored->count() == 0)
        return;
    if (event.action == Action::Sign && m_rules.selfApproval.authorMeanings.contains(event.signatureMeaning))
        return;
    FlagBuilder flag(AnomalyRule::SelfApproval, AnomalySeverity::High, event.actor.id, m_rules.maxSeqsPerFlag);
    flag.setObject(event.object);
    flag.addContext(*authored);
    flag.add(event);
    const QString what = event.action == Action::Approve ? QStringLiteral("approved")
                                                         : QStringLiteral("signed (\"%1\")").arg(event.signatureMeaning);
    const QString since = document.lastReleaseSeq > 0 ? QStringLiteral("since its release at seq %1").arg(document.lastReleaseSeq)
                                                       : QStringLiteral("with no release before");
    m_flags.append(flag.take(QStringLiteral("%1 %2 %3 at seq %4 after authoring %5 of its changes %6; a %7 needs a second person to approve it.")
                                 .arg(event.actor.id, what, objectText(event.object))
                                 .arg(event.seq)
                                 .arg(authored->count())
                                 .arg(since, event.object.type)));
}

void DocumentCheck::finish(QList<AnomalyFlag> &flags)
{
    for (ReleasedEdit &edit : m_releasedEdits) {
        FlagBuilder &flag = edit.flag;
        flags.append(flag.take(QStringLiteral("%1 changed %2 %3 time(s) (%4) after its release at seq %5 (%6), with no revise since; "
                                              "a released document changes only through a new revision.")
                                   .arg(flag.actorId(), objectText(flag.object()))
                                   .arg(flag.counted())
                                   .arg(edit.actions.join(QStringLiteral(", ")))
                                   .arg(edit.release.seq)
                                   .arg(formatTimestamp(edit.release.recordedAtUs))));
    }
    m_releasedEdits.clear();
    flags.append(m_flags);
    m_flags.clear();
}

} // namespace QmsAudit
