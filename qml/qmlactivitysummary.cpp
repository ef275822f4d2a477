// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmlactivitysummary.h"

#include "qmlauditeventmodel.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace QmsAudit {

struct QmlActivitySummary::Counts {
    struct Object {
        QString type, id, title;
        qint64 count = 0;
    };
    struct Person {
        QString id, name;
        qint64 count = 0;
        QMap<QString, qint64> actions;
        qint64 lastAtUs = 0;
    };
    qint64 total = 0;
    QHash<QString, qint64> byAction;
    QMap<QString, qint64> byDay;
    QHash<QString, Object> objects;
    QHash<QString, Person> actors;
    qint64 deniedCount = 0;
    QVariantList denied;
    QString error;
};

namespace {

/// The @p limit largest entries of @p values by count.
template<typename T>
QList<T> largest(const QList<T> &values, int limit)
{
    QList<T> sorted = values;
    std::stable_sort(sorted.begin(), sorted.end(), [](const T &a, const T &b) { return a.count > b.count; });
    if (sorted.size() > limit)
        sorted.resize(limit);
    return sorted;
}

QDateTime utc(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC);
}

} // namespace

QmlActivitySummary::QmlActivitySummary(QObject *parent)
    : QObject(parent)
    , m_counts(std::make_shared<Counts>())
{
    connect(&m_run, &QFutureWatcher<std::shared_ptr<Counts>>::finished, this, &QmlActivitySummary::finish);
}

QmlActivitySummary::~QmlActivitySummary()
{
    if (m_cancel)
        m_cancel->store(true);
    m_run.waitForFinished();
}

QmlAuditEventModel *QmlActivitySummary::model() const { return m_model; }
bool QmlActivitySummary::isRunning() const { return m_run.isRunning(); }
qint64 QmlActivitySummary::total() const { return m_counts->total; }
qint64 QmlActivitySummary::deniedCount() const { return m_counts->deniedCount; }
QVariantList QmlActivitySummary::denied() const { return m_counts->denied; }
QString QmlActivitySummary::errorString() const { return m_counts->error; }

void QmlActivitySummary::setModel(QmlAuditEventModel *model)
{
    if (model == m_model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &QmlAuditEventModel::applied, this, &QmlActivitySummary::refresh);
    Q_EMIT modelChanged();
    refresh();
}

void QmlActivitySummary::refresh()
{
    if (m_run.isRunning()) {
        m_cancel->store(true); // superseded: finish() starts the newer count
        m_rerun = true;
        return;
    }
    auto reader = m_model ? m_model->reader() : nullptr;
    if (!reader || !m_model->isFilterValid()) {
        m_counts = std::make_shared<Counts>();
        Q_EMIT summaryChanged();
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_run.setFuture(QtConcurrent::run([reader, filter = m_model->filter(), cancel = m_cancel] {
        auto counts = std::make_shared<Counts>();
        auto visited = reader->forEach(filter, [&](const Event &event) {
            if (cancel->load(std::memory_order_relaxed))
                return false;
            ++counts->total;
            ++counts->byAction[actionName(event.action)];
            ++counts->byDay[formatTimestamp(event.recordedAtUs).left(10)];
            Counts::Object &object = counts->objects[event.object.type + u'\n' + event.object.id];
            object.type = event.object.type;
            object.id = event.object.id;
            object.title = event.object.title.isEmpty() ? object.title : event.object.title;
            ++object.count;
            Counts::Person &person = counts->actors[event.actor.id];
            person.id = event.actor.id;
            person.name = event.actor.name;
            ++person.count;
            ++person.actions[actionName(event.action)];
            person.lastAtUs = std::max(person.lastAtUs, event.recordedAtUs);
            if (event.outcome == Outcome::Denied || event.action == Action::AccessDenied || event.action == Action::LoginFailed) {
                if (counts->deniedCount++ < MaxListed)
                    counts->denied.append(QVariantMap{{QStringLiteral("seq"), event.seq},
                                                      {QStringLiteral("recordedAt"), utc(event.recordedAtUs)},
                                                      {QStringLiteral("action"), actionName(event.action)},
                                                      {QStringLiteral("objectType"), event.object.type},
                                                      {QStringLiteral("objectId"), event.object.id},
                                                      {QStringLiteral("reason"), event.reason}});
            }
            return true;
        });
        if (!visited)
            counts->error = visited.error().message();
        return counts;
    }));
    Q_EMIT runningChanged();
}

void QmlActivitySummary::finish()
{
    if (std::exchange(m_rerun, false)) {
        refresh();
        return;
    }
    m_counts = m_run.result();
    Q_EMIT summaryChanged();
    Q_EMIT runningChanged();
}

QVariantList QmlActivitySummary::byAction() const
{
    struct Entry {
        QString action;
        qint64 count;
    };
    QList<Entry> entries;
    for (auto it = m_counts->byAction.cbegin(); it != m_counts->byAction.cend(); ++it)
        entries.append({it.key(), it.value()});
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.count != b.count ? a.count > b.count : a.action < b.action; });
    QVariantList list;
    for (const Entry &entry : entries) {
        const auto action = actionFromName(entry.action);
        list.append(QVariantMap{{QStringLiteral("action"), entry.action},
                                {QStringLiteral("category"), action ? actionCategoryName(actionCategory(*action)) : QString()},
                                {QStringLiteral("count"), entry.count}});
    }
    return list;
}

QVariantList QmlActivitySummary::byDay() const
{
    QVariantList list;
    for (auto it = m_counts->byDay.cbegin(); it != m_counts->byDay.cend(); ++it)
        list.append(QVariantMap{{QStringLiteral("day"), it.key()}, {QStringLiteral("count"), it.value()}});
    return list;
}

QVariantList QmlActivitySummary::objects() const
{
    QVariantList list;
    for (const Counts::Object &object : largest(m_counts->objects.values(), MaxListed))
        list.append(QVariantMap{{QStringLiteral("type"), object.type}, {QStringLiteral("id"), object.id},
                                {QStringLiteral("title"), object.title}, {QStringLiteral("count"), object.count}});
    return list;
}

QVariantList QmlActivitySummary::actors() const
{
    QVariantList list;
    for (const Counts::Person &person : largest(m_counts->actors.values(), MaxListed)) {
        QVariantMap actions;
        for (auto it = person.actions.cbegin(); it != person.actions.cend(); ++it)
            actions.insert(it.key(), it.value());
        list.append(QVariantMap{{QStringLiteral("id"), person.id}, {QStringLiteral("name"), person.name},
                                {QStringLiteral("count"), person.count}, {QStringLiteral("actions"), actions},
                                {QStringLiteral("lastAt"), utc(person.lastAtUs)}});
    }
    return list;
}

} // namespace QmsAudit
