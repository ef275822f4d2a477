// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QAbstractTableModel>

#include <memory>
#include <optional>

namespace QmsAudit {

class EventReader;
class EventQueryWorker;

/**
 * The events that match a filter, as a table for views, read page by page on a thread of its
 * own (EventQueryWorker): no query runs on the GUI thread, and a new filter or jump supersedes
 * what was asked before.
 *
 * The model holds a **window** of at most maxRows() consecutive results, never the whole result
 * set: fetchMore() extends it in the list's order (as a view scrolls down; Qt calls it), and
 * fetchEarlier() towards its start (as the view nears the top). Rows beyond maxRows() are
 * dropped at the other end. Pages use keysets (PageRequest::afterSeq / beforeSeq), never
 * OFFSET, so every page costs the same at any depth of a 10 M-event log, and the row count
 * stays far below the ~3 M rows Qt 6.4's TableView can draw (docs/design-notes.md, pitfall 15).
 * jumpToStart(), jumpToEnd() and jumpToSeq() move the window. totalCount() arrives separately.
 * @code
 * auto model = new QmsAudit::EventListModel(this);
 * model->setReader(reader);          // std::shared_ptr<const EventReader>
 * model->setFilter(filter);          // newest first by default
 * @endcode
 */
class QMSAUDIT_EXPORT EventListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool hasEarlier READ hasEarlier NOTIFY windowChanged)
    Q_PROPERTY(bool hasLater READ hasLater NOTIFY windowChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(int maxRows READ maxRows WRITE setMaxRows NOTIFY windowChanged)

public:
    enum Column { SeqColumn, RecordedAtColumn, ActorColumn, ActionColumn, ObjectColumn, TitleColumn, OutcomeColumn, ReasonColumn, ColumnCount };
    Q_ENUM(Column)

    /// One role per event field, for QML delegates and details panes.
    enum Role {
        SeqRole = Qt::UserRole + 1,
        RecordedAtRole,   ///< QDateTime, UTC
        OccurredAtRole,   ///< QDateTime, UTC; invalid when not given
        ActorIdRole,
        ActorNameRole,
        ActorRolesRole,   ///< QStringList
        ActionRole,       ///< the action's name ("edit")
        ActionCategoryRole, ///< its category's name ("change")
        OutcomeRole,
        ObjectTypeRole,
        ObjectIdRole,
        ObjectVersionRole,
        ObjectTitleRole,
        ReasonRole,
        ChangesRole,      ///< QVariantList of {field, oldValue, newValue}
        SignatureMeaningRole,
        SessionRole,
        HostAppRole,
        HostVersionRole,
        WorkstationRole,
        AttributesRole,   ///< QVariantMap
        HashRole,         ///< hex
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 100;
    static constexpr int DefaultMaxRows = 2000;

    explicit EventListModel(QObject *parent = nullptr);
    ~EventListModel() override;

    /// The log to read (nullptr: an empty model). Resets the model.
    void setReader(std::shared_ptr<const EventReader> reader);
    std::shared_ptr<const EventReader> reader() const;
    /// Resets the model to the first page of @p filter in @p order.
    void setFilter(const EventFilter &filter, PageRequest::Order order = PageRequest::Order::NewestFirst);
    EventFilter filter() const;
    PageRequest::Order order() const;

    int maxRows() const;
    void setMaxRows(int rows); ///< at least 2 pages

    qint64 totalCount() const; ///< -1 until counted
    bool isLoading() const;
    bool hasEarlier() const; ///< rows before the window's first, in the list's order
    bool hasLater() const;   ///< rows after its last
    QString errorString() const;

    /// The event in @p row of the window.
    const Event &eventAt(int row) const;

    Q_INVOKABLE void fetchEarlier();
    Q_INVOKABLE void jumpToStart();
    Q_INVOKABLE void jumpToEnd();
    /// The window starts at @p seq (or the first match after it, in the list's order).
    Q_INVOKABLE void jumpToSeq(qint64 seq);
    /**
     * Moves the window to a point in time, looked up on the query thread (EventReader::seqAt):
     * oldest first, the first row is the first match recorded at or after @p recordedAtUs;
     * newest first, the newest match recorded before it.
     */
    void jumpToTime(qint64 recordedAtUs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void totalCountChanged();
    void loadingChanged();
    void windowChanged();
    void errorStringChanged();
    /// The window was (re)filled after setFilter() or a jump: views scroll to its first row.
    void windowReset();

private:
    void restart(const PageRequest &page, bool fromEnd, bool maybeEarlier = false);
    /// Counts the filter's matches on the count thread; totalCount() is -1 until then.
    void recount();
    /// Asks for @p page on the query thread; its rows go after the window (@p atEnd) or before it.
    /// @p firstPageEarlier is set for the first page after a reset: what hasEarlier() becomes.
    void fetchPage(const PageRequest &page, bool atEnd, quint64 generation, std::optional<bool> firstPageEarlier);
    void append(QList<Event> events, bool more);
    void prepend(QList<Event> events, bool more);
    void setFetching(bool fetching);
    void setError(const QString &error);

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace QmsAudit
