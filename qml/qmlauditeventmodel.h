// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "qmlauditlogsource.h"

#include <qmsaudit/eventlistmodel.h>

#include <QDateTime>
#include <QPointer>
#include <QQmlParserStatus>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace QmsAudit {



/**
 * EventListModel for QML: the filter as properties, read from an AuditLogSource. Changes made
 * in one go (a preset sets from and to) are applied once, after the current event-loop turn.
 * With `viewName` set, every filter shown is reported to the source, which records it
 * (trail_viewed, debounced).
 */
class QmlAuditEventModel : public EventListModel, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(AuditEventModel)
    Q_PROPERTY(QmsAudit::QmlAuditLogSource *log READ log WRITE setLog NOTIFY logChanged)
    Q_PROPERTY(QString viewName MEMBER m_viewName NOTIFY filterChanged)
    Q_PROPERTY(QDateTime from MEMBER m_from NOTIFY filterChanged)
    Q_PROPERTY(QDateTime to MEMBER m_to NOTIFY filterChanged)
    Q_PROPERTY(QString actorId MEMBER m_actorId NOTIFY filterChanged)
    /// Action names ("edit") and category names ("change"): events of any of them.
    Q_PROPERTY(QStringList actions MEMBER m_actions NOTIFY filterChanged)
    Q_PROPERTY(QString objectType MEMBER m_objectType NOTIFY filterChanged)
    Q_PROPERTY(QString objectId MEMBER m_objectId NOTIFY filterChanged)
    /// "success", "denied", "failed", or empty for any.
    Q_PROPERTY(QString outcome MEMBER m_outcome NOTIFY filterChanged)
    Q_PROPERTY(QString text MEMBER m_text NOTIFY filterChanged)
    Q_PROPERTY(bool newestFirst MEMBER m_newestFirst NOTIFY filterChanged)
    /// The filter in one line (EventFilter::describe()), or why it is invalid.
    Q_PROPERTY(QString filterDescription READ filterDescription NOTIFY applied)
    /// false while the filter cannot run (an unknown action name): filterDescription says why.
    Q_PROPERTY(bool filterValid READ isFilterValid NOTIFY applied)
    /// Rows in the window (at most maxRows()), for bindings.
    Q_PROPERTY(int rows READ rowCountProperty NOTIFY windowChanged)
    /// false until the first page after a change arrived (the moment rows are on screen).
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)

public:
    explicit QmlAuditEventModel(QObject *parent = nullptr);
    ~QmlAuditEventModel() override;

    QmlAuditLogSource *log() const;
    void setLog(QmlAuditLogSource *source);
    QString filterDescription() const;
    bool isFilterValid() const;
    int rowCountProperty() const;
    bool isReady() const;

    /// Every field of the event in @p row as a map (for details panes and "copy row").
    Q_INVOKABLE QVariantMap get(int row) const;
    /// The event in @p row as one line of the export format (JSON), for the clipboard.
    Q_INVOKABLE QString rowAsJson(int row) const;
    /// The row of @p seq in the window, or -1.
    Q_INVOKABLE int rowOfSeq(qint64 seq) const;
    /// Moves the window to the first event recorded at or after @p when (in the list's order).
    Q_INVOKABLE void jumpToDate(const QDateTime &when);
    /// Applies pending property changes now instead of after the event-loop turn.
    Q_INVOKABLE void apply();

    void classBegin() override;
    void componentComplete() override;

Q_SIGNALS:
    void logChanged();
    void filterChanged();
    void applied();
    void readyChanged();

private:
    void scheduleApply();
    void attachReader();
    void setReady(bool ready);

    QPointer<QmlAuditLogSource> m_source;
    QString m_viewName;
    QDateTime m_from;
    QDateTime m_to;
    QString m_actorId;
    QStringList m_actions;
    QString m_objectType;
    QString m_objectId;
    QString m_outcome;
    QString m_text;
    bool m_newestFirst = true;
    QString m_description;
    bool m_valid = true;
    bool m_complete = false;
    bool m_applyQueued = false;
    bool m_ready = false;
};

} // namespace QmsAudit
