// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventlistmodel.h>

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include "model/eventqueryworker_p.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace QmsAudit {
namespace {

QDateTime utc(qint64 micros)
{
    return QDateTime::fromMSecsSinceEpoch(micros / 1000, QTimeZone::utc());
}

PageRequest::Order reversed(PageRequest::Order order)
{
    return order == PageRequest::Order::NewestFirst ? PageRequest::Order::OldestFirst : PageRequest::Order::NewestFirst;
}

/// The page that follows @p seq in @p order (all of the list when seq is 0), nearest first.
PageRequest pageAfter(PageRequest::Order order, qint64 seq)
{
    PageRequest page;
    page.limit = EventListModel::PageSize;
    page.order = order;
    if (order == PageRequest::Order::NewestFirst)
        page.beforeSeq = seq;
    else
        page.afterSeq = seq;
    return page;
}

} // namespace

class EventListModel::Private
{
public:
    EventQueryWorker worker;  ///< pages and jumps
    EventQueryWorker counter; ///< the count, on a thread of its own: a long count never holds up a page
    EventFilter filter;
    PageRequest::Order order = PageRequest::Order::NewestFirst;
    QList<Event> rows;
    bool hasEarlier = false;
    bool hasLater = false;
    bool fetching = false;
    qint64 totalCount = -1;
    QString error;
    int maxRows = DefaultMaxRows;
};

EventListModel::EventListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , d(std::make_unique<Private>())
{
}

EventListModel::~EventListModel() = default;

void EventListModel::setReader(std::shared_ptr<const EventReader> reader)
{
    d->worker.setReader(reader);
    d->counter.setReader(std::move(reader));
    setFilter(d->filter, d->order);
}

std::shared_ptr<const EventReader> EventListModel::reader() const
{
    return d->worker.reader();
}

void EventListModel::setFilter(const EventFilter &filter, PageRequest::Order order)
{
    d->filter = filter;
    d->order = order;
    recount();
    jumpToStart();
}

EventFilter EventListModel::filter() const
{
    return d->filter;
}

PageRequest::Order EventListModel::order() const
{
    return d->order;
}

int EventListModel::maxRows() const
{
    return d->maxRows;
}

void EventListModel::setMaxRows(int rows)
{
    d->maxRows = std::max(rows, 2 * PageSize);
}

qint64 EventListModel::totalCount() const
{
    return d->totalCount;
}

bool EventListModel::isLoading() const
{
    return d->fetching;
}

bool EventListModel::hasEarlier() const
{
    return d->hasEarlier;
}

bool EventListModel::hasLater() const
{
    return d->hasLater;
}

QString EventListModel::errorString() const
{
    return d->error;
}

const Event &EventListModel::eventAt(int row) const
{
    return d->rows.at(row);
}

void EventListModel::jumpToStart()
{
    // The window starts at the list's first event; the count stays (the filter is the same).
    restart(pageAfter(d->order, 0), false);
}

void EventListModel::jumpToEnd()
{
    // The list's last page is the first page in the opposite order, reversed.
    PageRequest last = pageAfter(reversed(d->order), 0);
    restart(last, true);
}

void EventListModel::jumpToSeq(qint64 seq)
{
    // pageAfter() excludes its bound: start one past seq so that seq itself is the first row.
    const bool newest = d->order == PageRequest::Order::NewestFirst;
    // Whether rows come before it is known only for seq 1, oldest first; otherwise fetchEarlier() finds out.
    restart(pageAfter(d->order, newest ? seq + 1 : std::max<qint64>(seq - 1, 0)), false, newest || seq > 1);
}

void EventListModel::jumpToTime(qint64 recordedAtUs)
{
    const quint64 generation = d->worker.supersede();
    d->worker.run<Result<qint64>>(
        this, generation, [recordedAtUs](const EventReader &reader, const std::atomic_bool &) { return reader.seqAt(recordedAtUs); },
        [this](Result<qint64> seq) {
            if (!seq)
                return setError(seq.error().message());
            const bool newest = d->order == PageRequest::Order::NewestFirst;
            if (*seq == 0) // nothing recorded at or after that time
                return newest ? jumpToStart() : jumpToEnd();
            // Newest first, the first row is the one before seq: jumpToSeq starts at or below its bound.
            if (newest && *seq == 1)
                return jumpToEnd();
            jumpToSeq(newest ? *seq - 1 : *seq);
        });
}

void EventListModel::restart(const PageRequest &page, bool fromEnd, bool maybeEarlier)
{
    const quint64 generation = d->worker.supersede();
    beginResetModel();
    d->rows.clear();
    d->hasEarlier = false;
    d->hasLater = false;
    endResetModel();
    setError({});
    Q_EMIT windowChanged();
    if (!d->worker.hasReader()) {
        setFetching(false);
        return;
    }
    // The list's last page is the first page in the opposite order: prepend() puts it in order,
    // and says whether more come before it; nothing comes after it.
    fetchPage(page, !fromEnd, generation, !fromEnd && maybeEarlier);
}

void EventListModel::recount()
{
    // A count still running for the previous filter is cancelled (EventQueryWorker::supersede).
    const quint64 generation = d->counter.supersede();
    if (d->totalCount != -1) {
        d->totalCount = -1;
        Q_EMIT totalCountChanged();
    }
    if (!d->counter.hasReader())
        return;
    const EventFilter filter = d->filter;
    d->counter.run<Result<qint64>>(
        this, generation, [filter](const EventReader &reader, const std::atomic_bool &cancel) { return reader.count(filter, &cancel); },
        [this](Result<qint64> counted) {
            if (!counted)
                return setError(counted.error().message());
            d->totalCount = *counted;
            Q_EMIT totalCountChanged();
        });
}

bool EventListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && d->hasLater && !d->fetching;
}

void EventListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || d->rows.isEmpty())
        return;
    fetchPage(pageAfter(d->order, d->rows.constLast().seq), true, d->worker.generation(), std::nullopt);
}

void EventListModel::fetchEarlier()
{
    if (!d->hasEarlier || d->fetching || d->rows.isEmpty())
        return;
    fetchPage(pageAfter(reversed(d->order), d->rows.constFirst().seq), false, d->worker.generation(), std::nullopt);
}

void EventListModel::fetchPage(const PageRequest &page, bool atEnd, quint64 generation, std::optional<bool> firstPageEarlier)
{
    setFetching(true);
    const EventFilter filter = d->filter;
    d->worker.run<Result<EventPage>>(
        this, generation, [filter, page](const EventReader &reader, const std::atomic_bool &) { return reader.query(filter, page); },
        [this, atEnd, firstPageEarlier](Result<EventPage> result) {
            if (!result) {
                setFetching(false);
                return setError(result.error().message());
            }
            if (firstPageEarlier)
                d->hasEarlier = *firstPageEarlier; // a first page after a jump: rows may come before it
            // Still "fetching" while rows go in: views call fetchMore() from the insert signals.
            atEnd ? append(std::move(result->events), result->hasMore) : prepend(std::move(result->events), result->hasMore);
            setFetching(false);
            Q_EMIT windowChanged();
            if (firstPageEarlier)
                Q_EMIT windowReset();
        });
}

void EventListModel::append(QList<Event> events, bool more)
{
    d->hasLater = more;
    if (events.isEmpty())
        return;
    const int first = int(d->rows.size());
    beginInsertRows({}, first, first + int(events.size()) - 1);
    d->rows.append(std::move(events));
    endInsertRows();
    if (const int excess = int(d->rows.size()) - d->maxRows; excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        d->rows.remove(0, excess);
        endRemoveRows();
        d->hasEarlier = true;
    }
}

void EventListModel::prepend(QList<Event> events, bool more)
{
    d->hasEarlier = more;
    if (events.isEmpty())
        return;
    std::reverse(events.begin(), events.end()); // they came nearest first
    beginInsertRows({}, 0, int(events.size()) - 1);
    events.append(std::move(d->rows));
    d->rows = std::move(events);
    endInsertRows();
    if (const int excess = int(d->rows.size()) - d->maxRows; excess > 0) {
        const int keep = d->maxRows;
        beginRemoveRows({}, keep, keep + excess - 1);
        d->rows.remove(keep, excess);
        endRemoveRows();
        d->hasLater = true;
    }
}

void EventListModel::setFetching(bool fetching)
{
    if (d->fetching == fetching)
        return;
    d->fetching = fetching;
    Q_EMIT loadingChanged();
}

void EventListModel::setError(const QString &error)
{
    if (d->error == error)
        return;
    d->error = error;
    Q_EMIT errorStringChanged();
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->rows.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = d->rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SeqColumn: return e.seq;
        case RecordedAtColumn: return formatTimestamp(e.recordedAtUs);
        case ActorColumn: return e.actor.name.isEmpty() ? e.actor.id : QStringLiteral("%1 (%2)").arg(e.actor.name, e.actor.id);
        case ActionColumn: return actionName(e.action);
        case ObjectColumn: return QStringLiteral("%1 %2").arg(e.object.type, e.object.id);
        case TitleColumn: return e.object.title;
        case OutcomeColumn: return outcomeName(e.outcome);
        case ReasonColumn: return e.reason;
        default: return {};
        }
    }
    switch (role) {
    case SeqRole: return e.seq;
    case RecordedAtRole: return utc(e.recordedAtUs);
    case OccurredAtRole: return e.occurredAtUs ? utc(*e.occurredAtUs) : QDateTime();
    case ActorIdRole: return e.actor.id;
    case ActorNameRole: return e.actor.name;
    case ActorRolesRole: return e.actor.roles;
    case ActionRole: return actionName(e.action);
    case ActionCategoryRole: return actionCategoryName(actionCategory(e.action));
    case OutcomeRole: return outcomeName(e.outcome);
    case ObjectTypeRole: return e.object.type;
    case ObjectIdRole: return e.object.id;
    case ObjectVersionRole: return e.object.version;
    case ObjectTitleRole: return e.object.title;
    case ReasonRole: return e.reason;
    case ChangesRole: {
        QVariantList changes;
        for (const FieldChange &change : e.changes)
            changes.append(QVariantMap{{QStringLiteral("field"), change.field},
                                       {QStringLiteral("oldValue"), change.oldValue},
                                       {QStringLiteral("newValue"), change.newValue}});
        return changes;
    }
    case SignatureMeaningRole: return e.signatureMeaning;
    case SessionRole: return e.session;
    case HostAppRole: return e.host.app;
    case HostVersionRole: return e.host.version;
    case WorkstationRole: return e.host.workstation;
    case AttributesRole: {
        QVariantMap attributes;
        for (auto it = e.attributes.cbegin(); it != e.attributes.cend(); ++it)
            attributes.insert(it.key(), it.value());
        return attributes;
    }
    case HashRole: return QString::fromLatin1(e.hash.toHex());
    default: return {};
    }
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn: return tr("Seq");
    case RecordedAtColumn: return tr("Recorded (UTC)");
    case ActorColumn: return tr("User");
    case ActionColumn: return tr("Action");
    case ObjectColumn: return tr("Object");
    case TitleColumn: return tr("Title");
    case OutcomeColumn: return tr("Outcome");
    case ReasonColumn: return tr("Reason");
    default: return {};
    }
}

QHash<int, QByteArray> EventListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{SeqRole, "seq"},
                  {RecordedAtRole, "recordedAt"},
                  {OccurredAtRole, "occurredAt"},
                  {ActorIdRole, "actorId"},
                  {ActorNameRole, "actorName"},
                  {ActorRolesRole, "actorRoles"},
                  {ActionRole, "action"},
                  {ActionCategoryRole, "actionCategory"},
                  {OutcomeRole, "outcome"},
                  {ObjectTypeRole, "objectType"},
                  {ObjectIdRole, "objectId"},
                  {ObjectVersionRole, "objectVersion"},
                  {ObjectTitleRole, "objectTitle"},
                  {ReasonRole, "reason"},
                  {ChangesRole, "changes"},
                  {SignatureMeaningRole, "signatureMeaning"},
                  {SessionRole, "session"},
                  {HostAppRole, "hostApp"},
                  {HostVersionRole, "hostVersion"},
                  {WorkstationRole, "workstation"},
                  {AttributesRole, "attributes"},
                  {HashRole, "hash"}});
    return names;
}

} // namespace QmsAudit
