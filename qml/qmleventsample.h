// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "qmlauditeventmodel.h"
#include "qmlauditlogsource.h"

#include <qmsaudit/eventsampler.h>

#include <QFutureWatcher>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace QmsAudit {

/**
 * Draws a reproducible sample (EventSampler, docs/sampling.md) of the events of a model's filter
 * on a worker thread, for SamplingView. What defines the sample (filter, last seq, seed) and the
 * population's digest are properties, so that an inspector can write them down and draw it again;
 * every draw is recorded through the source (trail_viewed with the definition, as
 * `qms-audit sample` records it).
 */
class QmlEventSample : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(EventSample)
    Q_PROPERTY(QmsAudit::QmlAuditLogSource *log MEMBER m_source NOTIFY logChanged)
    /// Whose filter is the population (EventFilterBar edits it).
    Q_PROPERTY(QmsAudit::QmlAuditEventModel *model MEMBER m_model NOTIFY modelChanged)
    /// Recorded as the "view" of the draw.
    Q_PROPERTY(QString viewName MEMBER m_viewName NOTIFY logChanged)
    Q_PROPERTY(int size MEMBER m_size NOTIFY requestChanged)
    /// Decimal, 0 to 2^63-1: a string, because QML numbers hold 53 bits and would round a seed.
    Q_PROPERTY(QString seed MEMBER m_seed NOTIFY requestChanged)
    /// The population's last seq; 0 for the log's newest when drawn.
    Q_PROPERTY(qint64 upToSeq MEMBER m_upToSeq NOTIFY requestChanged)
    Q_PROPERTY(bool stratified MEMBER m_stratified NOTIFY requestChanged)
    /// Targeted picks: every denied attempt of the population, besides the random ones.
    Q_PROPERTY(bool allDenied MEMBER m_allDenied NOTIFY requestChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    /// Whether a sample was drawn (the properties below describe it).
    Q_PROPERTY(bool drawn READ isDrawn NOTIFY sampleChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY sampleChanged)
    /// The drawn sample's definition as it is recorded (EventSample::recordedAttributes()).
    Q_PROPERTY(QVariantMap definition READ definition NOTIFY sampleChanged)
    Q_PROPERTY(QString filterDescription READ filterDescription NOTIFY sampleChanged)
    Q_PROPERTY(qint64 lastSeq READ lastSeq NOTIFY sampleChanged)
    Q_PROPERTY(QString drawnSeed READ drawnSeed NOTIFY sampleChanged)
    Q_PROPERTY(qint64 populationSize READ populationSize NOTIFY sampleChanged)
    /// SHA-256 of the population, hex.
    Q_PROPERTY(QString populationDigest READ populationDigest NOTIFY sampleChanged)
    /// The random picks, ascending.
    Q_PROPERTY(QVariantList seqs READ seqs NOTIFY sampleChanged)
    Q_PROPERTY(QVariantList targetedSeqs READ targetedSeqs NOTIFY sampleChanged)
    /// [{group, count}] of a stratified sample's population.
    Q_PROPERTY(QVariantList strata READ strata NOTIFY sampleChanged)
    /// The drawn events, random picks then targeted ones: [{seq, recordedAt, actor, action, object, title, outcome, reason, pick}].
    Q_PROPERTY(QVariantList events READ events NOTIFY sampleChanged)

public:
    explicit QmlEventSample(QObject *parent = nullptr);
    ~QmlEventSample() override; ///< waits for a draw still running

    bool isRunning() const;
    bool isDrawn() const;
    QString errorString() const;
    QVariantMap definition() const;
    QString filterDescription() const;
    qint64 lastSeq() const;
    QString drawnSeed() const;
    qint64 populationSize() const;
    QString populationDigest() const;
    QVariantList seqs() const;
    QVariantList targetedSeqs() const;
    QVariantList strata() const;
    QVariantList events() const { return m_events; }

    /// The sample drawn last, for reviews that name its population and exports of it.
    const std::optional<EventSample> &sample() const { return m_sample; }

    /// Draws with the current settings (ignored while a draw runs or the log is not ready).
    Q_INVOKABLE void draw();
    /// Sets seed to a new random one (nine digits: easy to write down) and returns it.
    Q_INVOKABLE QString newSeed();

Q_SIGNALS:
    void logChanged();
    void modelChanged();
    void requestChanged();
    void runningChanged();
    void sampleChanged();

private:
    struct Drawn;
    void finish();
    void fail(const QString &message);

    QPointer<QmlAuditLogSource> m_source;
    QPointer<QmlAuditEventModel> m_model;
    QString m_viewName = QStringLiteral("SamplingView");
    int m_size = 25;
    QString m_seed;
    qint64 m_upToSeq = 0;
    bool m_stratified = false;
    bool m_allDenied = false;
    bool m_running = false; ///< until finish() ran: the watcher stops running before its finished() arrives
    QFutureWatcher<std::shared_ptr<Drawn>> m_run;
    std::optional<EventSample> m_sample;
    QVariantList m_events;
    QString m_errorString;
};

} // namespace QmsAudit
