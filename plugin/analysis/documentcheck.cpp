// SPDX-License-Identifier: LGPL-2.1-or-later
#include "analysis/documentcheck_p.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <algorithm>
#include <limits>

namespace QmsAudit {
namespace {

/// How far back the authors of the documents approved in the period are read in one stream;
/// a document last released before that (or never) reads its own history instead.
constexpr qint64 kAuthorHorizonUs = 366 * 86'400'000'000LL;

QString documentKey(const ObjectRef &object)
{
    return object.type + QLatin1Char('\n') + object.id;
}

QString objectText(const ObjectRef &object)
{
    return object.type + QLatin1Char(' ') + object.id;
}

} // namespace

DocumentCheck::DocumentCheck(const EventReader &reader, const AnomalyRules &rules, qint64 fromUs, const std::atomic_bool *cancel)
    : m_reader(reader)
    , m_rules(rules)
    , m_fromUs(fromUs)
    , m_cancel(cancel)
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
    const bool relevant = isAuthoring(action) || action == Action::Approve || action == Action::Sign || action == Action::Release
        || action == Action::Obsolete || action == Action::Delete;
    if (!inPeriod || !relevant || event.outcome != Outcome::Success || event.object.id.isEmpty())
        return {};
    const Step step{event.seq, event.recordedAtUs, action, event.actor.id, event.signatureMeaning, event.object};
    Document &document = m_documents[documentKey(event.object)];
    // Nothing before the scan, or a release: the state is known from here on (a release starts afresh).
    if (!document.known && (m_firstSeq == 1 || action == Action::Release))
        document.known = true;
    if (document.known)
        apply(document.state, step);
    else
        document.waiting.append(step);
    return {};
}

void DocumentCheck::apply(State &state, const Step &step)
{
    switch (step.action) {
    case Action::Release:
        state.released = Release{step.seq, step.recordedAtUs};
        state.lastReleaseSeq = step.seq;
        state.authors.clear();
        return;
    case Action::Approve:
    case Action::Sign:
        if (m_rules.selfApproval.enabled && m_rules.requiresSecondPerson(step.object.type))
            flagSelfApproval(state, step);
        return;
    default:
        break;
    }
    // A change, or obsolete: create, edit, restore and delete break a release; revise, obsolete and delete end it.
    if (m_rules.releasedEdit.enabled && state.released && step.action != Action::Revise && step.action != Action::Obsolete)
        flagReleasedEdit(state, step);
    if (isAuthoring(step.action)) {
        auto author = state.authors.find(step.actorId);
        if (author == state.authors.end())
            author = state.authors.insert(step.actorId, SeqList(m_rules.maxSeqsPerFlag));
        author->add(step.seq);
    }
    if (step.action == Action::Revise || step.action == Action::Obsolete || step.action == Action::Delete)
        state.released.reset();
}

Result<void> DocumentCheck::endOfStream()
{
    QSet<QString> waiting;
    QSet<QString> approved; // of those, the ones whose held-back approvals need their authors
    for (auto it = m_documents.cbegin(); it != m_documents.cend(); ++it) {
        if (it->waiting.isEmpty())
            continue;
        waiting.insert(it.key());
        const bool needsAuthors = std::any_of(it->waiting.cbegin(), it->waiting.cend(), [&](const Step &step) {
            return (step.action == Action::Approve || step.action == Action::Sign) && m_rules.selfApproval.enabled
                && m_rules.requiresSecondPerson(step.object.type);
        });
        if (needsAuthors)
            approved.insert(it.key());
    }
    if (waiting.isEmpty())
        return {};
    auto states = statesBefore(waiting);
    if (!states)
        return states.error();
    if (auto authors = authorsBefore(approved, *states); !authors)
        return authors.error();
    for (auto it = m_documents.begin(); it != m_documents.end(); ++it) {
        if (it->waiting.isEmpty())
            continue;
        // Its own copy: a document the period released has its state from then on already.
        State state = states->value(it.key());
        for (const Step &step : std::as_const(it->waiting))
            apply(state, step);
        it->waiting.clear();
    }
    return {};
}

Result<void> DocumentCheck::readBack(const EventFilter &filter, qint64 afterSeq, const std::function<bool(const Event &)> &visit)
{
    PageRequest page;
    page.order = PageRequest::Order::NewestFirst;
    page.beforeSeq = m_firstSeq;
    page.afterSeq = afterSeq;
    page.limit = PageRequest::MaxLimit;
    while (page.beforeSeq > afterSeq + 1) {
        if (isCancelled(m_cancel))
            return cancelledError();
        auto result = m_reader.query(filter, page);
        if (!result)
            return result.error();
        for (const Event &event : std::as_const(result->events)) {
            ++m_eventsRead;
            if (!visit(event))
                return {};
        }
        if (!result->hasMore)
            return {};
        page.beforeSeq = result->nextBeforeSeq;
    }
    return {};
}

Result<QHash<QString, DocumentCheck::State>> DocumentCheck::statesBefore(const QSet<QString> &keys)
{
    QHash<QString, State> states;
    // Their last releases: one action, so the action index yields them newest first without a sort.
    EventFilter releases;
    releases.actions = {Action::Release};
    auto read = readBack(releases, 0, [&](const Event &event) {
        const QString key = documentKey(event.object);
        if (event.outcome == Outcome::Success && keys.contains(key) && !states.contains(key))
            states.insert(key, State{Release{event.seq, event.recordedAtUs}, event.seq, {}});
        return states.size() < keys.size();
    });
    if (!read)
        return read.error();
    // A revise, obsolete or delete after the last release ended it.
    qint64 oldestRelease = std::numeric_limits<qint64>::max();
    for (const QString &key : keys)
        oldestRelease = std::min(oldestRelease, states.value(key).lastReleaseSeq);
    for (Action ending : {Action::Revise, Action::Obsolete, Action::Delete}) {
        EventFilter filter;
        filter.actions = {ending};
        read = readBack(filter, oldestRelease, [&](const Event &event) {
            if (event.outcome != Outcome::Success)
                return true;
            if (auto state = states.find(documentKey(event.object)); state != states.end() && event.seq > state->lastReleaseSeq)
                state->released.reset();
            return true;
        });
        if (!read)
            return read.error();
    }
    return states;
}

Result<void> DocumentCheck::authorsBefore(const QSet<QString> &keys, QHash<QString, State> &states)
{
    // Documents released within the horizon share one stream per authoring action; the others
    // (released long ago, or never) read their own history, which a recent stream would not reach.
    auto horizonSeq = m_reader.seqAt(m_fromUs - kAuthorHorizonUs);
    if (!horizonSeq)
        return horizonSeq.error();
    QSet<QString> streamed;
    qint64 oldestRelease = std::numeric_limits<qint64>::max();
    QHash<QString, QHash<QString, QList<qint64>>> older; // document → user → seqs, newest first
    for (const QString &key : keys) {
        const qint64 lastRelease = states.value(key).lastReleaseSeq;
        if (lastRelease > 0 && lastRelease >= *horizonSeq) {
            streamed.insert(key);
            oldestRelease = std::min(oldestRelease, lastRelease);
            continue;
        }
        const qsizetype split = key.indexOf(QLatin1Char('\n'));
        EventFilter own;
        own.objectType = key.left(split);
        own.objectId = key.mid(split + 1);
        own.actions = {Action::Create, Action::Edit, Action::Revise, Action::Restore};
        auto read = readBack(own, lastRelease, [&](const Event &event) {
            if (event.outcome == Outcome::Success)
                older[key][event.actor.id].append(event.seq);
            return true;
        });
        if (!read)
            return read.error();
    }
    for (Action authoring : {Action::Create, Action::Edit, Action::Revise, Action::Restore}) {
        if (streamed.isEmpty())
            break;
        EventFilter filter;
        filter.actions = {authoring};
        auto read = readBack(filter, oldestRelease, [&](const Event &event) {
            const QString key = documentKey(event.object);
            if (event.outcome == Outcome::Success && streamed.contains(key) && event.seq > states.value(key).lastReleaseSeq)
                older[key][event.actor.id].append(event.seq);
            return true;
        });
        if (!read)
            return read.error();
    }
    for (auto document = older.begin(); document != older.end(); ++document) {
        State &state = states[document.key()];
        for (auto author = document->begin(); author != document->end(); ++author) {
            std::sort(author->begin(), author->end());
            SeqList seqs(m_rules.maxSeqsPerFlag);
            for (qint64 seq : std::as_const(*author))
                seqs.add(seq);
            state.authors.insert(author.key(), seqs);
        }
    }
    return {};
}

void DocumentCheck::flagReleasedEdit(const State &state, const Step &step)
{
    const QString key = documentKey(step.object) + QLatin1Char('\n') + QString::number(state.released->seq) + QLatin1Char('\n') + step.actorId;
    auto edit = m_releasedEdits.find(key);
    if (edit == m_releasedEdits.end()) {
        edit = m_releasedEdits.insert(key, {FlagBuilder(AnomalyRule::ReleasedEdit, AnomalySeverity::High, step.actorId, m_rules.maxSeqsPerFlag),
                                            *state.released, {}});
        edit->flag.setObject(step.object);
        edit->flag.addContext(state.released->seq);
    }
    edit->flag.add(step.seq, step.recordedAtUs);
    if (const QString name = actionName(step.action); !edit->actions.contains(name))
        edit->actions.append(name);
}

void DocumentCheck::flagSelfApproval(const State &state, const Step &step)
{
    const auto authored = state.authors.constFind(step.actorId);
    if (authored == state.authors.cend() || authored->count() == 0)
        return;
    if (step.action == Action::Sign && m_rules.selfApproval.authorMeanings.contains(step.signatureMeaning))
        return;
    FlagBuilder flag(AnomalyRule::SelfApproval, AnomalySeverity::High, step.actorId, m_rules.maxSeqsPerFlag);
    flag.setObject(step.object);
    flag.addContext(*authored);
    flag.add(step.seq, step.recordedAtUs);
    const QString what = step.action == Action::Approve ? QStringLiteral("approved") : QStringLiteral("signed (\"%1\")").arg(step.signatureMeaning);
    const QString since = state.lastReleaseSeq > 0 ? QStringLiteral("since its release at seq %1").arg(state.lastReleaseSeq)
                                                   : QStringLiteral("with no release before");
    m_flags.append(flag.take(QStringLiteral("%1 %2 %3 at seq %4 after authoring %5 of its changes %6; a %7 needs a second person to approve it.")
                                 .arg(step.actorId, what, objectText(step.object))
                                 .arg(step.seq)
                                 .arg(authored->count())
                                 .arg(since, step.object.type)));
}

void DocumentCheck::closeAll()
{
    for (ReleasedEdit &edit : m_releasedEdits) {
        FlagBuilder &flag = edit.flag;
        m_flags.append(flag.take(QStringLiteral("%1 changed %2 %3 time(s) (%4) after its release at seq %5 (%6), with no revise since; "
                                                "a released document changes only through a new revision.")
                                     .arg(flag.actorId(), objectText(flag.object()))
                                     .arg(flag.counted())
                                     .arg(edit.actions.join(QStringLiteral(", ")))
                                     .arg(edit.release.seq)
                                     .arg(formatTimestamp(edit.release.recordedAtUs))));
    }
    m_releasedEdits.clear();
}

} // namespace QmsAudit
