// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "qmlauditlogsource.h"

#include <qmsaudit/verificationreport.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace QmsAudit {



/**
 * Runs EventReader::verify() on a worker thread for IntegrityView: progress, cancel, and the
 * report's fields as properties. Every run that ends (also a cancelled one) is recorded as
 * trail_verified through the source.
 */
class QmlIntegrityCheck : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(IntegrityCheck)
    Q_PROPERTY(QmsAudit::QmlAuditLogSource *log MEMBER m_source NOTIFY logChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    /// 0…1 while running.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(qint64 checkedEvents READ checkedEvents NOTIFY progressChanged)
    /// Whether a run has finished (the fields below describe it).
    Q_PROPERTY(bool finished READ isFinished NOTIFY reportChanged)
    Q_PROPERTY(bool ok READ isOk NOTIFY reportChanged)
    Q_PROPERTY(bool cancelled READ isCancelled NOTIFY reportChanged)
    Q_PROPERTY(qint64 eventCount READ eventCount NOTIFY reportChanged)
    Q_PROPERTY(qint64 lastSeq READ lastSeq NOTIFY reportChanged)
    Q_PROPERTY(QString headHash READ headHash NOTIFY reportChanged)
    Q_PROPERTY(qint64 firstBadSeq READ firstBadSeq NOTIFY reportChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY reportChanged)
    /// [{kind, seq, detail}, …]
    Q_PROPERTY(QVariantList findings READ findings NOTIFY reportChanged)
    Q_PROPERTY(qint64 elapsedMs READ elapsedMs NOTIFY reportChanged)

public:
    explicit QmlIntegrityCheck(QObject *parent = nullptr);
    ~QmlIntegrityCheck() override; ///< cancels a run and waits for it

    bool isRunning() const;
    double progress() const;
    qint64 checkedEvents() const;
    bool isFinished() const;
    bool isOk() const;
    bool isCancelled() const;
    qint64 eventCount() const;
    qint64 lastSeq() const;
    QString headHash() const;
    qint64 firstBadSeq() const;
    QString summary() const;
    QVariantList findings() const;
    qint64 elapsedMs() const;

    /// Starts a verification (ignored while one runs or the log is not ready).
    Q_INVOKABLE void start();
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void logChanged();
    void runningChanged();
    void progressChanged();
    void reportChanged();

private:
    void finish();

    QPointer<QmlAuditLogSource> m_source;
    QFutureWatcher<VerificationReport> m_run;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::optional<VerificationReport> m_report;
    QElapsedTimer m_clock;
    qint64 m_elapsedMs = 0;
    qint64 m_checked = 0;
    qint64 m_total = 0;
    /// From start() until finish() took the report: the watcher stops running before that.
    bool m_pending = false;
};

} // namespace QmsAudit
