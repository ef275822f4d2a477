// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmleventsample.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/timestamp.h>

#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace QmsAudit {
namespace {

QVariantList toVariantList(const QList<qint64> &seqs)
{
    QVariantList list;
    list.reserve(seqs.size());
    for (qint64 seq : seqs)
        list.append(seq);
    return list;
}

QVariantMap rowOf(const Event &event, const QString &pick)
{
    return {{QStringLiteral("seq"), event.seq},
            {QStringLiteral("recordedAt"), formatTimestamp(event.recordedAtUs)},
            {QStringLiteral("actor"), event.actor.id},
            {QStringLiteral("action"), actionName(event.action)},
            {QStringLiteral("object"), event.object.type + u':' + event.object.id},
            {QStringLiteral("title"), event.object.title},
            {QStringLiteral("outcome"), outcomeName(event.outcome)},
            {QStringLiteral("reason"), event.reason},
            {QStringLiteral("pick"), pick}};
}

} // namespace

/// What the worker hands back: the sample and its events as rows, or why there is none.
struct QmlEventSample::Drawn {
    std::optional<EventSample> sample;
    QVariantList rows;
    QString error;
};

QmlEventSample::QmlEventSample(QObject *parent)
    : QObject(parent)
{
    connect(&m_run, &QFutureWatcher<std::shared_ptr<Drawn>>::finished, this, &QmlEventSample::finish);
    newSeed();
}

QmlEventSample::~QmlEventSample()
{
    m_run.waitForFinished();
}

bool QmlEventSample::isRunning() const { return m_running; }
bool QmlEventSample::isDrawn() const { return m_sample.has_value(); }
QString QmlEventSample::errorString() const { return m_errorString; }
QString QmlEventSample::filterDescription() const { return m_sample ? m_sample->request.filter.describe() : QString(); }
qint64 QmlEventSample::lastSeq() const { return m_sample ? m_sample->request.upToSeq : 0; }
QString QmlEventSample::drawnSeed() const { return m_sample ? QString::number(m_sample->request.seed) : QString(); }
qint64 QmlEventSample::populationSize() const { return m_sample ? m_sample->populationSize : 0; }
QString QmlEventSample::populationDigest() const { return m_sample ? QString::fromLatin1(m_sample->populationDigest.toHex()) : QString(); }
QVariantList QmlEventSample::seqs() const { return m_sample ? toVariantList(m_sample->seqs) : QVariantList(); }
QVariantList QmlEventSample::targetedSeqs() const { return m_sample ? toVariantList(m_sample->targetedSeqs) : QVariantList(); }

QVariantMap QmlEventSample::definition() const
{
    QVariantMap map;
    if (!m_sample)
        return map;
    const QMap<QString, QString> attributes = m_sample->recordedAttributes();
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

QVariantList QmlEventSample::strata() const
{
    QVariantList list;
    if (!m_sample)
        return list;
    for (auto it = m_sample->strata.cbegin(); it != m_sample->strata.cend(); ++it)
        list.append(QVariantMap{{QStringLiteral("group"), actionCategoryName(it.key())}, {QStringLiteral("count"), it.value()}});
    return list;
}

QString QmlEventSample::newSeed()
{
    m_seed = QString::number(QRandomGenerator::system()->bounded(100000000, 1000000000));
    Q_EMIT requestChanged();
    return m_seed;
}

void QmlEventSample::fail(const QString &message)
{
    m_sample.reset();
    m_events.clear();
    m_errorString = message;
    Q_EMIT sampleChanged();
}

void QmlEventSample::draw()
{
    if (m_running || !m_source || !m_source->reader() || !m_model)
        return;
    if (!m_source->requirePermission(AccessPolicy::View, m_viewName))
        return;
    bool seedOk = false;
    const qulonglong seed = m_seed.trimmed().toULongLong(&seedOk);
    if (!seedOk || seed > qulonglong(std::numeric_limits<qint64>::max())) {
        fail(tr("The seed is a whole number from 0 to %1, not \"%2\".").arg(std::numeric_limits<qint64>::max()).arg(m_seed));
        return;
    }
    if (!m_model->isFilterValid()) {
        fail(m_model->filterDescription());
        return;
    }
    SampleRequest request;
    request.filter = m_model->filter();
    request.size = m_size;
    request.seed = seed;
    request.upToSeq = m_upToSeq;
    request.stratified = m_stratified;
    request.allDenied = m_allDenied;
    m_running = true;
    m_run.setFuture(QtConcurrent::run([reader = m_source->reader(), request] {
        auto drawn = std::make_shared<Drawn>();
        auto sample = EventSampler::draw(*reader, request);
        if (!sample) {
            drawn->error = sample.error().message();
            return drawn;
        }
        for (const auto &[seqs, pick] : {std::pair{&sample->seqs, QStringLiteral("random")}, std::pair{&sample->targetedSeqs, QStringLiteral("targeted")}}) {
            for (qint64 seq : *seqs) {
                auto event = reader->eventAt(seq);
                if (!event) {
                    drawn->error = event.error().message();
                    return drawn;
                }
                drawn->rows.append(rowOf(*event, pick));
            }
        }
        drawn->sample = std::move(*sample);
        return drawn;
    }));
    Q_EMIT runningChanged();
}

void QmlEventSample::finish()
{
    const std::shared_ptr<Drawn> drawn = m_run.result();
    if (!drawn->sample) {
        fail(drawn->error);
    } else {
        m_sample = std::move(drawn->sample);
        m_events = std::move(drawn->rows);
        m_errorString.clear();
        Q_EMIT sampleChanged();
        if (m_source)
            m_source->noteSampleDrawn(*m_sample, m_viewName);
    }
    m_running = false;
    Q_EMIT runningChanged();
}

} // namespace QmsAudit
