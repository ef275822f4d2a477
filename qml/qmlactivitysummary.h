// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "qmlauditeventmodel.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace QmsAudit {



/**
 * Counts over every event an AuditEventModel's filter matches, streamed on a worker thread
 * (EventReader::forEach, bounded memory): by action, by day, by object, by actor, and the denied
 * attempts. UserActivityView shows one person's period with it, DocumentHistoryView who viewed,
 * printed or exported a document. A new filter cancels the count that is running.
 */
class QmlActivitySummary : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(ActivitySummary)
    Q_PROPERTY(QmsAudit::QmlAuditEventModel *model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(qint64 total READ total NOTIFY summaryChanged)
    /// [{action, category, count}], most frequent first.
    Q_PROPERTY(QVariantList byAction READ byAction NOTIFY summaryChanged)
    /// [{day: "YYYY-MM-DD", count}], in date order (UTC days).
    Q_PROPERTY(QVariantList byDay READ byDay NOTIFY summaryChanged)
    /// [{type, id, title, count}], most touched first, at most MaxListed.
    Q_PROPERTY(QVariantList objects READ objects NOTIFY summaryChanged)
    /// [{id, name, count, actions: {view: 3, …}, lastAt}], most active first, at most MaxListed.
    Q_PROPERTY(QVariantList actors READ actors NOTIFY summaryChanged)
    Q_PROPERTY(qint64 deniedCount READ deniedCount NOTIFY summaryChanged)
    /// The first MaxListed denied attempts: [{seq, recordedAt, action, objectType, objectId, reason}].
    Q_PROPERTY(QVariantList denied READ denied NOTIFY summaryChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY summaryChanged)

public:
    static constexpr int MaxListed = 200;

    explicit QmlActivitySummary(QObject *parent = nullptr);
    ~QmlActivitySummary() override;

    QmlAuditEventModel *model() const;
    void setModel(QmlAuditEventModel *model);
    bool isRunning() const;
    qint64 total() const;
    QVariantList byAction() const;
    QVariantList byDay() const;
    QVariantList objects() const;
    QVariantList actors() const;
    qint64 deniedCount() const;
    QVariantList denied() const;
    QString errorString() const;

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void modelChanged();
    void runningChanged();
    void summaryChanged();

private:
    struct Counts;
    void finish();

    QPointer<QmlAuditEventModel> m_model;
    QFutureWatcher<std::shared_ptr<Counts>> m_run;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<Counts> m_counts;
    bool m_rerun = false;
};

} // namespace QmsAudit
