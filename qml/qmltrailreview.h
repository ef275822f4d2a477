// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "qmlauditlogsource.h"
#include "qmleventsample.h"

#include <qmsaudit/reviewrecord.h>

#include <QDateTime>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace QmsAudit {

/**
 * Records reviews of the trail from the views (docs/reviews.md): events marked reviewed with a
 * comment, a finding (its comment is required), and the e-signed statement "audit trail reviewed
 * for period X, scope Y, result R" with the meaning of the signature. Each is a review_recorded
 * event by the viewer on the host trail (AuditTrail::reviewRecorded), committed before the call
 * returns, so that the view can show its seq. Needs trail.review; a source without a host trail
 * (a log file opened read-only) cannot record, and `note` says why.
 */
class QmlTrailReview : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(TrailReview)
    Q_PROPERTY(QmsAudit::QmlAuditLogSource *log READ log WRITE setLog NOTIFY logChanged)
    /// A drawn sample: reviews of its events name its population (filter, last seq, digest).
    Q_PROPERTY(QmsAudit::QmlEventSample *sample MEMBER m_sample NOTIFY logChanged)
    /// Named in the access_denied event when the viewer lacks trail.review.
    Q_PROPERTY(QString viewName MEMBER m_viewName NOTIFY logChanged)
    /// Whether reviews can be recorded here: a host trail is open and the viewer holds trail.review.
    Q_PROPERTY(bool canRecord READ canRecord NOTIFY stateChanged)
    /// Why not, when canRecord is false.
    Q_PROPERTY(QString note READ note NOTIFY stateChanged)
    /// Seq of the review recorded last (0: none yet).
    Q_PROPERTY(qint64 recordedSeq READ recordedSeq NOTIFY recordedChanged)
    /// Its kind: events_reviewed, finding or trail_reviewed.
    Q_PROPERTY(QString recordedKind READ recordedKind NOTIFY recordedChanged)
    /// Why the last attempt was not recorded (empty after a success).
    Q_PROPERTY(QString errorString READ errorString NOTIFY recordedChanged)

public:
    explicit QmlTrailReview(QObject *parent = nullptr);

    QmlAuditLogSource *log() const;
    void setLog(QmlAuditLogSource *source);
    bool canRecord() const;
    QString note() const;
    qint64 recordedSeq() const;
    QString recordedKind() const;
    QString errorString() const;

    /// @p seqs were looked at; @p comment becomes the event's reason. false and errorString when not recorded.
    Q_INVOKABLE bool markReviewed(const QVariantList &seqs, const QString &comment);
    /// Something was found in @p seqs; @p comment says what (required).
    Q_INVOKABLE bool recordFinding(const QVariantList &seqs, const QString &comment);
    /// The signed statement for the period [@p from, @p to) by the viewer, who must have a name.
    Q_INVOKABLE bool signStatement(const QDateTime &from, const QDateTime &to, const QString &scope, const QString &result,
                                   const QString &meaning, const QString &comment);

Q_SIGNALS:
    void logChanged();
    void stateChanged();
    void recordedChanged();

private:
    bool record(ReviewRecord review);
    bool refuse(const QString &message);

    QPointer<QmlAuditLogSource> m_source;
    QPointer<QmlEventSample> m_sample;
    QString m_viewName = QStringLiteral("SamplingView");
    qint64 m_recordedSeq = 0;
    QString m_recordedKind;
    QString m_errorString;
};

} // namespace QmsAudit
