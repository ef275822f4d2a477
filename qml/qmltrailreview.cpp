// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmltrailreview.h"

namespace QmsAudit {
namespace {

QList<qint64> seqsOf(const QVariantList &list)
{
    QList<qint64> seqs;
    seqs.reserve(list.size());
    for (const QVariant &seq : list)
        seqs.append(seq.toLongLong());
    return seqs;
}

} // namespace

QmlTrailReview::QmlTrailReview(QObject *parent)
    : QObject(parent)
{
}

QmlAuditLogSource *QmlTrailReview::log() const { return m_source; }
qint64 QmlTrailReview::recordedSeq() const { return m_recordedSeq; }
QString QmlTrailReview::recordedKind() const { return m_recordedKind; }
QString QmlTrailReview::errorString() const { return m_errorString; }

void QmlTrailReview::setLog(QmlAuditLogSource *source)
{
    if (source == m_source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        connect(m_source, &QmlAuditLogSource::statusChanged, this, &QmlTrailReview::stateChanged);
        connect(m_source, &QmlAuditLogSource::permissionsChanged, this, &QmlTrailReview::stateChanged);
    }
    Q_EMIT logChanged();
    Q_EMIT stateChanged();
}

bool QmlTrailReview::canRecord() const
{
    return m_source && m_source->status() == QmlAuditLogSource::Ready && m_source->recordsUse() && m_source->can(AccessPolicy::Review);
}

QString QmlTrailReview::note() const
{
    if (!m_source || m_source->status() != QmlAuditLogSource::Ready)
        return tr("The log is not open.");
    if (!m_source->recordsUse())
        return tr("Reviews are recorded on the host's audit trail; this log is open read-only, so none can be recorded here.");
    if (!m_source->can(AccessPolicy::Review))
        return tr("Recording a review needs the permission “%1”.").arg(AccessPolicy::Review);
    return {};
}

bool QmlTrailReview::refuse(const QString &message)
{
    m_errorString = message;
    Q_EMIT recordedChanged();
    return false;
}

bool QmlTrailReview::record(ReviewRecord review)
{
    if (!m_source || !m_source->reader())
        return refuse(tr("The log is not open."));
    if (!m_source->requirePermission(AccessPolicy::Review, m_viewName))
        return refuse(note());
    // A review of sampled events names the sample's population, so that it can be re-drawn and checked.
    if (review.kind != ReviewRecord::Kind::TrailReviewed && m_sample && m_sample->sample()) {
        const EventSample &sample = *m_sample->sample();
        review.filter = sample.request.filter;
        review.upToSeq = sample.request.upToSeq;
        review.populationDigest = sample.populationDigest;
    }
    auto seq = m_source->recordReview(review);
    if (!seq)
        return refuse(tr("The review was not recorded: %1").arg(seq.error().message()));
    m_recordedSeq = *seq;
    m_recordedKind = ReviewRecord::kindName(review.kind);
    m_errorString.clear();
    Q_EMIT recordedChanged();
    return true;
}

bool QmlTrailReview::markReviewed(const QVariantList &seqs, const QString &comment)
{
    ReviewRecord review;
    review.kind = ReviewRecord::Kind::EventsReviewed;
    review.seqs = seqsOf(seqs);
    review.comment = comment.trimmed();
    return record(review);
}

bool QmlTrailReview::recordFinding(const QVariantList &seqs, const QString &comment)
{
    ReviewRecord review;
    review.kind = ReviewRecord::Kind::Finding;
    review.seqs = seqsOf(seqs);
    review.comment = comment.trimmed();
    return record(review);
}

bool QmlTrailReview::signStatement(const QDateTime &from, const QDateTime &to, const QString &scope, const QString &result,
                                   const QString &meaning, const QString &comment)
{
    // A signed statement names its signer in print (Part 11 §11.50), as `qms-audit review` requires.
    if (m_source && m_source->currentViewer().name.trimmed().isEmpty())
        return refuse(tr("A signed statement names its signer: the viewer %1 has no name.").arg(m_source->currentViewer().id));
    ReviewRecord review;
    review.kind = ReviewRecord::Kind::TrailReviewed;
    if (from.isValid())
        review.periodFromUs = from.toMSecsSinceEpoch() * 1000;
    if (to.isValid())
        review.periodToUs = to.toMSecsSinceEpoch() * 1000;
    review.scope = scope.trimmed();
    review.result = result.trimmed();
    review.signatureMeaning = meaning.trimmed();
    review.comment = comment.trimmed();
    return record(review);
}

} // namespace QmsAudit
