// SPDX-License-Identifier: LGPL-2.1-or-later
#include "documentlistmodel.h"

#include "documentstore.h"
#include "workflow.h"

DocumentListModel::DocumentListModel(const DocumentStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    refresh();
}

int DocumentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DocumentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ControlledDocument d = m_store.document(m_rows.at(index.row()));
    switch (role) {
    case DocId: return d.id;
    case Type: return d.type;
    case Title: return d.title;
    case Version: return d.version;
    case State: return d.state;
    case StateLabel: return Workflow::stateLabel(d.state);
    case Owner: return d.owner;
    case UpdatedAt: return d.updatedAt.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
    default: return {};
    }
}

QHash<int, QByteArray> DocumentListModel::roleNames() const
{
    return {{DocId, "docId"}, {Type, "type"},       {Title, "title"}, {Version, "version"},
            {State, "state"}, {StateLabel, "stateLabel"}, {Owner, "owner"}, {UpdatedAt, "updatedAt"}};
}

void DocumentListModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    Q_EMIT filterChanged();
    refresh();
}

void DocumentListModel::setStateFilter(const QString &state)
{
    if (state == m_stateFilter)
        return;
    m_stateFilter = state;
    Q_EMIT filterChanged();
    refresh();
}

void DocumentListModel::refresh()
{
    beginResetModel();
    m_rows.clear();
    // Newest revisions first would hide the numbering; the register keeps its id order.
    QStringList ids = m_store.ids();
    ids.sort();
    for (const QString &id : std::as_const(ids)) {
        const ControlledDocument d = m_store.document(id);
        if (!m_stateFilter.isEmpty() && d.state != m_stateFilter)
            continue;
        if (!m_filterText.isEmpty() && !d.id.contains(m_filterText, Qt::CaseInsensitive)
            && !d.title.contains(m_filterText, Qt::CaseInsensitive))
            continue;
        m_rows.append(id);
    }
    endResetModel();
    Q_EMIT countChanged();
}
