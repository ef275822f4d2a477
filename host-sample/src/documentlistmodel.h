// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QAbstractListModel>
#include <QStringList>

class DocumentStore;

/// The register as the register page shows it, filtered by text and state. Showing the register
/// reveals titles and states only: opening a document's content is what the trail records as a view.
class DocumentListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterChanged)
    Q_PROPERTY(QString stateFilter READ stateFilter WRITE setStateFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { DocId = Qt::UserRole + 1, Type, Title, Version, State, StateLabel, Owner, UpdatedAt };

    explicit DocumentListModel(const DocumentStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    QString stateFilter() const { return m_stateFilter; }
    void setStateFilter(const QString &state);
    /// Re-reads the store (after a change).
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void filterChanged();
    void countChanged();

private:
    const DocumentStore &m_store;
    QStringList m_rows;
    QString m_filterText;
    QString m_stateFilter;
};
