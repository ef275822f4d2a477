// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmlauditeventmodel.h"

#include "qmlauditlogsource.h"

#include <qmsaudit/eventjson.h>
#include <qmsaudit/eventreader.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace QmsAudit {
namespace {

std::optional<qint64> microsOf(const QDateTime &when)
{
    if (!when.isValid())
        return std::nullopt;
    return when.toMSecsSinceEpoch() * 1000;
}

} // namespace

QmlAuditEventModel::QmlAuditEventModel(QObject *parent)
    : EventListModel(parent)
{
    connect(this, &QmlAuditEventModel::filterChanged, this, &QmlAuditEventModel::scheduleApply);
    connect(this, &EventListModel::windowReset, this, [this] { setReady(true); });
    connect(this, &EventListModel::errorStringChanged, this, [this] { setReady(true); });
}

QmlAuditEventModel::~QmlAuditEventModel() = default;

QmlAuditLogSource *QmlAuditEventModel::log() const { return m_source; }
QString QmlAuditEventModel::filterDescription() const { return m_description; }
bool QmlAuditEventModel::isFilterValid() const { return m_valid; }
int QmlAuditEventModel::rowCountProperty() const { return rowCount(); }
bool QmlAuditEventModel::isReady() const { return m_ready; }

void QmlAuditEventModel::setLog(QmlAuditLogSource *source)
{
    if (source == m_source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source)
        connect(m_source, &QmlAuditLogSource::readerChanged, this, &QmlAuditEventModel::attachReader);
    Q_EMIT logChanged();
    attachReader();
}

void QmlAuditEventModel::classBegin()
{
}

void QmlAuditEventModel::componentComplete()
{
    m_complete = true;
    apply();
}

void QmlAuditEventModel::attachReader()
{
    setReader(m_source ? m_source->reader() : nullptr);
    if (m_complete)
        apply();
}

void QmlAuditEventModel::scheduleApply()
{
    if (m_applyQueued || !m_complete)
        return;
    m_applyQueued = true;
    QMetaObject::invokeMethod(this, &QmlAuditEventModel::apply, Qt::QueuedConnection);
}

void QmlAuditEventModel::setReady(bool ready)
{
    if (ready == m_ready)
        return;
    m_ready = ready;
    Q_EMIT readyChanged();
}

void QmlAuditEventModel::apply()
{
    m_applyQueued = false;
    EventFilter filter;
    filter.fromUs = microsOf(m_from);
    filter.toUs = microsOf(m_to);
    filter.actorId = m_actorId.trimmed();
    filter.objectType = m_objectType.trimmed();
    filter.objectId = m_objectId.trimmed();
    filter.text = m_text;
    m_valid = true;
    for (const QString &name : std::as_const(m_actions)) {
        if (auto action = actionFromName(name)) {
            filter.actions.append(*action);
            continue;
        }
        bool category = false;
        for (Action action : allActions()) {
            if (actionCategoryName(actionCategory(action)) == name) {
                filter.actions.append(action);
                category = true;
            }
        }
        if (!category) {
            m_valid = false;
            m_description = tr("Unknown action or group \"%1\".").arg(name);
        }
    }
    if (!m_outcome.isEmpty()) {
        filter.outcome = outcomeFromName(m_outcome);
        if (!filter.outcome) {
            m_valid = false;
            m_description = tr("Unknown outcome \"%1\".").arg(m_outcome);
        }
    }
    if (!m_valid) {
        Q_EMIT applied();
        return;
    }
    m_description = filter.describe();
    setReady(false);
    setFilter(filter, m_newestFirst ? PageRequest::Order::NewestFirst : PageRequest::Order::OldestFirst);
    if (!reader())
        setReady(true); // nothing to wait for
    else if (m_source && !m_viewName.isEmpty())
        m_source->noteFilterShown(m_viewName, filter);
    Q_EMIT applied();
}

QVariantMap QmlAuditEventModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const QModelIndex cell = index(row, 0);
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
        if (it.key() >= Qt::UserRole)
            map.insert(QString::fromLatin1(it.value()), data(cell, it.key()));
    }
    return map;
}

QString QmlAuditEventModel::rowAsJson(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return QString::fromUtf8(QJsonDocument(eventToJson(eventAt(row))).toJson(QJsonDocument::Compact));
}

int QmlAuditEventModel::rowOfSeq(qint64 seq) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (eventAt(row).seq == seq)
            return row;
    }
    return -1;
}

void QmlAuditEventModel::jumpToDate(const QDateTime &when)
{
    if (when.isValid())
        jumpToTime(when.toMSecsSinceEpoch() * 1000);
}

} // namespace QmsAudit
