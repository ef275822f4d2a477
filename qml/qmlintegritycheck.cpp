// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmlintegritycheck.h"

#include "qmlauditlogsource.h"

#include <qmsaudit/eventreader.h>

#include <QtConcurrent/QtConcurrentRun>

namespace QmsAudit {

QmlIntegrityCheck::QmlIntegrityCheck(QObject *parent)
    : QObject(parent)
{
    connect(&m_run, &QFutureWatcher<VerificationReport>::finished, this, &QmlIntegrityCheck::finish);
}

QmlIntegrityCheck::~QmlIntegrityCheck()
{
    cancel();
    m_run.waitForFinished();
}

bool QmlIntegrityCheck::isRunning() const { return m_pending; }
double QmlIntegrityCheck::progress() const { return m_total > 0 ? double(m_checked) / double(m_total) : 0.0; }
qint64 QmlIntegrityCheck::checkedEvents() const { return m_checked; }
bool QmlIntegrityCheck::isFinished() const { return m_report.has_value(); }
bool QmlIntegrityCheck::isOk() const { return m_report && m_report->ok; }
bool QmlIntegrityCheck::isCancelled() const { return m_report && m_report->cancelled; }
qint64 QmlIntegrityCheck::eventCount() const { return m_report ? m_report->eventCount : 0; }
qint64 QmlIntegrityCheck::lastSeq() const { return m_report ? m_report->lastSeq : 0; }
QString QmlIntegrityCheck::headHash() const { return m_report ? QString::fromLatin1(m_report->headHash.toHex()) : QString(); }
qint64 QmlIntegrityCheck::firstBadSeq() const { return m_report ? m_report->firstBadSeq() : 0; }
QString QmlIntegrityCheck::summary() const { return m_report ? m_report->summary() : QString(); }
qint64 QmlIntegrityCheck::elapsedMs() const { return m_elapsedMs; }

QVariantList QmlIntegrityCheck::findings() const
{
    QVariantList list;
    if (!m_report)
        return list;
    for (const VerificationFinding &finding : m_report->findings)
        list.append(QVariantMap{{QStringLiteral("kind"), findingKindName(finding.kind)},
                                {QStringLiteral("seq"), finding.seq},
                                {QStringLiteral("detail"), finding.detail}});
    return list;
}

void QmlIntegrityCheck::start()
{
    if (m_pending || !m_source || !m_source->reader())
        return;
    if (!m_source->requirePermission(AccessPolicy::View, QStringLiteral("IntegrityView")))
        return;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_checked = 0;
    m_total = 0;
    m_clock.start();
    m_pending = true;
    // Progress is posted to this object's thread; `this` outlives the run (the destructor waits).
    auto reader = m_source->reader();
    auto cancelFlag = m_cancel;
    m_run.setFuture(QtConcurrent::run([this, reader, cancelFlag] {
        VerificationControl control;
        control.cancel = cancelFlag.get();
        control.progress = [this](qint64 checked, qint64 total) {
            QMetaObject::invokeMethod(this, [this, checked, total] {
                m_checked = checked;
                m_total = total;
                Q_EMIT progressChanged();
            }, Qt::QueuedConnection);
        };
        return reader->verify(control);
    }));
    Q_EMIT runningChanged();
}

void QmlIntegrityCheck::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void QmlIntegrityCheck::finish()
{
    m_pending = false;
    m_report = m_run.result();
    m_elapsedMs = m_clock.elapsed();
    m_checked = m_report->eventCount;
    m_total = std::max(m_total, m_report->eventCount);
    if (m_source)
        m_source->noteVerified(*m_report, QStringLiteral("IntegrityView"));
    Q_EMIT progressChanged();
    Q_EMIT reportChanged();
    Q_EMIT runningChanged();
}

} // namespace QmsAudit
