// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trail/audittrail_p.h"

#include <qmsaudit/eventvalidator.h>
#include <qmsaudit/timestamp.h>

#include <QFileInfo>

#include <atomic>

namespace QmsAudit {
namespace {

std::atomic<AuditTrail *> s_defaultTrail{nullptr};

Error notOpen()
{
    return Error(ErrorCode::Unavailable, QStringLiteral("The audit trail is not open; the event was not recorded."));
}

} // namespace

AuditTrailPrivate::AuditTrailPrivate(AuditTrail *qq)
    : q(qq)
{
}

void AuditTrailPrivate::stamp(Event &event) const
{
    QMutexLocker lock(&m_mutex);
    if (event.actor.id.isEmpty())
        event.actor = m_currentUser;
    if (event.session.isEmpty())
        event.session = m_session;
    if (event.host.app.isEmpty() && event.host.version.isEmpty() && event.host.workstation.isEmpty())
        event.host = m_config.host;
}

Event AuditTrailPrivate::ownEvent(Action action) const
{
    Event event;
    event.actor = {QStringLiteral("qmsaudit"), QStringLiteral("QmsAudit"), {}};
    event.action = action;
    event.host = m_config.host;
    event.object = trailObject();
    return event;
}

ObjectRef AuditTrailPrivate::trailObject() const
{
    return {QStringLiteral("audit_trail"), m_logId, QString(), QFileInfo(m_config.logPath).fileName()};
}

Result<EventReader *> AuditTrailPrivate::reader() const
{
    QMutexLocker lock(&m_mutex);
    if (!m_writer)
        return notOpen();
    if (!m_reader) {
        // Read-only: queries never take the write lock the recording thread needs.
        auto reader = EventReader::open(m_config.logPath, *m_keys, LogOptions{m_config.clock, 10000});
        if (!reader)
            return reader.error();
        m_reader = std::move(*reader);
    }
    return m_reader.get();
}

void AuditTrailPrivate::reportCheckpoint(const Result<PublishedCheckpoint> &published)
{
    if (published)
        Q_EMIT q->checkpointed(published->checkpoint.treeSize());
    else
        Q_EMIT q->checkpointFailed(published.error());
}

void AuditTrailPrivate::checkpointIfDue(qint64 seq)
{
    const Clock &clock = m_config.clock ? *m_config.clock : SystemClock::instance();
    if (!m_checkpointer || !m_checkpointer->isDue(seq, clock.nowUtcMicros() / 1000))
        return; // the common case, on every recorded event: no reader, no lock of the read side
    auto opened = reader();
    if (!opened) {
        Q_EMIT q->checkpointFailed(opened.error());
        return;
    }
    reportCheckpoint(m_checkpointer->publish(**opened));
}

Result<std::shared_ptr<const EventReader>> AuditTrail::reader() const
{
    if (auto opened = d->reader(); !opened)
        return opened.error();
    QMutexLocker lock(&d->m_mutex);
    return std::shared_ptr<const EventReader>(d->m_reader);
}

AuditTrail::AuditTrail(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<AuditTrailPrivate>(this))
{
}

AuditTrail::~AuditTrail()
{
    close();
    AuditTrail *self = this;
    s_defaultTrail.compare_exchange_strong(self, nullptr);
}

Result<void> AuditTrail::open(const AuditTrailConfig &requested)
{
    if (d->m_writer)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("The audit trail is already open; close it first."));
    auto keys = requested.resolveKeyProvider();
    if (!keys)
        return keys.error();
    AuditTrailConfig config = requested;
    if (config.simulatedClockStartUs != 0) {
        // Simulated times only ever fill a log of their own: never one with real history in it.
        if (QFileInfo::exists(config.logPath) || !config.createIfMissing)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("\"simulated_clock_start\" only fills a new log, and %1 exists.")
                                                         .arg(config.logPath));
        d->m_simulatedClock = std::make_unique<SimulatedClock>(config.simulatedClockStartUs);
        config.clock = d->m_simulatedClock.get();
    }
    const LogOptions options{config.clock, 10000};
    Result<std::unique_ptr<AuditLog>> log = Error();
    if (QFileInfo::exists(config.logPath)) {
        log = AuditLog::open(config.logPath, **keys, options);
    } else if (config.createIfMissing) {
        log = AuditLog::create(config.logPath, **keys, LogPolicy{config.reasonRequiredActions}, options);
    } else {
        return Error(ErrorCode::NotFound, QStringLiteral("The audit log %1 does not exist and create_if_missing is off.").arg(config.logPath));
    }
    if (!log)
        return log.error();
    if (config.checkpoints.enabled()) {
        auto checkpointer = TrailCheckpointer::create(config.checkpoints, config.logPath, (*log)->logId());
        if (!checkpointer)
            return checkpointer.error();
        auto logReader = (*log)->reader();
        if (!logReader)
            return logReader.error();
        // A log cut short, rolled back or rewritten since the newest checkpoint is not recorded into.
        if (auto extends = (*checkpointer)->checkLog(**logReader); !extends)
            return extends.error();
        d->m_checkpointer = std::move(*checkpointer);
    }

    d->m_config = config;
    d->m_keys = *keys;
    d->m_logId = (*log)->logId();
    d->m_reasonRequired = (*log)->policy().reasonRequiredActions;
    GroupCommitWriter::Callbacks callbacks{
        [this](qint64 seq) {
            Q_EMIT recorded(seq);
            d->checkpointIfDue(seq);
        },
        [this](const Error &error) { Q_EMIT recordFailed(error); },
        [this](bool available) { Q_EMIT availabilityChanged(available); },
    };
    d->m_writer = std::make_unique<GroupCommitWriter>(std::move(*log), d->m_keys,
                                                      config.clock ? *config.clock : SystemClock::instance(), config, callbacks);

    Event started = d->ownEvent(Action::Started);
    const QVariantMap settings = config.toVariantMap();
    started.attributes = {{QStringLiteral("version"), QStringLiteral(QMSAUDIT_VERSION_STRING)},
                          {QStringLiteral("config_digest"), config.digest()},
                          {QStringLiteral("durability"), settings.value(QStringLiteral("durability")).toString()},
                          {QStringLiteral("failure_policy"), settings.value(QStringLiteral("failure_policy")).toString()}};
    if (config.simulatedClockStartUs != 0) // said in plain words, not only inside the digest
        started.attributes.insert(QStringLiteral("simulated_clock_start"), formatTimestamp(config.simulatedClockStartUs));
    RecordTicket ticket = d->m_writer->submit(started, GroupCommitWriter::Admission::Always);
    if (!d->m_writer->flush(-1) || !ticket.isRecorded()) {
        const Error error = ticket.error();
        d->m_writer->stop();
        d->m_writer.reset();
        d->m_checkpointer.reset();
        return Error(error.code(), QStringLiteral("The audit trail could not record its start: %1").arg(error.message()));
    }
    Q_EMIT openChanged(true);
    return {};
}

void AuditTrail::close()
{
    if (!d->m_writer)
        return;
    Event stopped = d->ownEvent(Action::Stopped);
    stopped.attributes = {{QStringLiteral("version"), QStringLiteral(QMSAUDIT_VERSION_STRING)},
                          {QStringLiteral("lost_events"), QString::number(d->m_writer->lostCount())}};
    d->m_writer->submit(stopped, GroupCommitWriter::Admission::Always);
    d->m_writer->stop(); // writes everything still queued
    if (d->m_checkpointer) { // the last word of this session, with the stopped event in it
        if (auto opened = d->reader())
            d->reportCheckpoint(d->m_checkpointer->publish(**opened));
        else
            Q_EMIT checkpointFailed(opened.error());
    }
    {
        QMutexLocker lock(&d->m_mutex);
        d->m_reader.reset();
    }
    d->m_writer.reset();
    d->m_checkpointer.reset();
    Q_EMIT availabilityChanged(false);
    Q_EMIT openChanged(false);
}

bool AuditTrail::isOpen() const
{
    return d->m_writer != nullptr;
}

bool AuditTrail::isAvailable() const
{
    return d->m_writer && d->m_writer->isAvailable();
}

const AuditTrailConfig &AuditTrail::config() const
{
    return d->m_config;
}

void AuditTrail::setCurrentUser(const Actor &actor)
{
    QMutexLocker lock(&d->m_mutex);
    d->m_currentUser = actor;
}

Actor AuditTrail::currentUser() const
{
    QMutexLocker lock(&d->m_mutex);
    return d->m_currentUser;
}

void AuditTrail::setSession(const QString &session)
{
    QMutexLocker lock(&d->m_mutex);
    d->m_session = session;
}

Result<void> AuditTrailPrivate::followSimulatedTime(qint64 wantedUs)
{
    if (wantedUs <= 0)
        return {};
    if (wantedUs > SystemClock::instance().nowUtcMicros())
        return Error(ErrorCode::InvalidEvent, QStringLiteral("Invalid event: a simulated recorded_at must not lie in the future."));
    // A transaction is stamped once, when it begins: what is queued is committed at the time it
    // asked for before the clock moves on. Moving only in steps of kSimulatedStepUs keeps the
    // commits (and so the time a history of a million events takes) few.
    if (wantedUs > m_simulatedClock->nowUtcMicros() + kSimulatedStepUs) {
        m_writer->flush(-1); // failed events fail their own tickets; the clock moves on regardless
        m_simulatedClock->moveTo(wantedUs);
    }
    return {};
}

RecordTicket AuditTrail::record(Event event)
{
    if (!d->m_writer) {
        Q_EMIT recordFailed(notOpen());
        return RecordTicket::failed(notOpen());
    }
    d->stamp(event);
    if (isLibraryOnlyAction(event.action)) {
        const Error error(ErrorCode::InvalidEvent, QStringLiteral("Invalid event: \"%1\" events are written only by the QmsAudit "
                                                                  "library itself.")
                                                       .arg(actionName(event.action)));
        Q_EMIT recordFailed(error);
        return RecordTicket::failed(error);
    }
    if (auto valid = validateEvent(event, d->m_reasonRequired); !valid) {
        Q_EMIT recordFailed(valid.error());
        return RecordTicket::failed(valid.error());
    }
    if (d->m_config.simulatedClockStartUs != 0) { // this opening's choice, not an earlier one's clock
        if (auto moved = d->followSimulatedTime(event.recordedAtUs); !moved) {
            Q_EMIT recordFailed(moved.error());
            return RecordTicket::failed(moved.error());
        }
    }
    if (d->m_config.failurePolicy == AuditTrailConfig::FailurePolicy::FailClosed && !d->m_writer->isAvailable()) {
        const Error error(ErrorCode::Unavailable, QStringLiteral("The audit trail is unavailable after a recording failure; "
                                                                 "the event was refused (fail_closed)."));
        d->m_writer->noteRefused(error);
        return RecordTicket::failed(error);
    }
    return d->m_writer->submit(std::move(event));
}

namespace {
Event eventFor(Action action, const ObjectRef &object, const QString &reason = {})
{
    Event event;
    event.action = action;
    event.object = object;
    event.reason = reason;
    return event;
}
} // namespace

RecordTicket AuditTrail::viewed(const ObjectRef &object)
{
    return record(eventFor(Action::View, object));
}

RecordTicket AuditTrail::printed(const ObjectRef &object)
{
    return record(eventFor(Action::Print, object));
}

RecordTicket AuditTrail::exported(const ObjectRef &object, const QString &format)
{
    Event event = eventFor(Action::Export, object);
    if (!format.isEmpty())
        event.attributes.insert(QStringLiteral("format"), format);
    return record(event);
}

RecordTicket AuditTrail::downloaded(const ObjectRef &object)
{
    return record(eventFor(Action::Download, object));
}

RecordTicket AuditTrail::created(const ObjectRef &object, const QString &reason)
{
    return record(eventFor(Action::Create, object, reason));
}

RecordTicket AuditTrail::changed(const ObjectRef &object, const QList<FieldChange> &changes, const QString &reason)
{
    Event event = eventFor(Action::Edit, object, reason);
    event.changes = changes;
    return record(event);
}

RecordTicket AuditTrail::deleted(const ObjectRef &object, const QString &reason)
{
    return record(eventFor(Action::Delete, object, reason));
}

RecordTicket AuditTrail::approved(const ObjectRef &object, const QString &reason)
{
    return record(eventFor(Action::Approve, object, reason));
}

RecordTicket AuditTrail::released(const ObjectRef &object, const QString &reason)
{
    return record(eventFor(Action::Release, object, reason));
}

RecordTicket AuditTrail::signature(const ObjectRef &object, const QString &meaning)
{
    Event event = eventFor(Action::Sign, object);
    event.signatureMeaning = meaning;
    return record(event);
}

RecordTicket AuditTrail::accessDenied(const ObjectRef &object, const QString &reason, const Actor &actor)
{
    Event event = eventFor(Action::AccessDenied, object, reason);
    event.actor = actor;
    event.outcome = Outcome::Denied;
    return record(event);
}

RecordTicket AuditTrail::loggedIn()
{
    return record(eventFor(Action::Login, {}));
}

RecordTicket AuditTrail::loggedOut()
{
    return record(eventFor(Action::Logout, {}));
}

RecordTicket AuditTrail::loginFailed(const QString &userId, const QString &reason)
{
    Event event = eventFor(Action::LoginFailed, {}, reason);
    event.actor.id = userId;
    event.outcome = Outcome::Denied;
    return record(event);
}

RecordTicket AuditTrail::trailViewed(const QString &description)
{
    Event event = eventFor(Action::TrailViewed, d->trailObject());
    event.attributes.insert(QStringLiteral("view"), description);
    return record(event);
}

RecordTicket AuditTrail::trailViewed(const QString &view, const EventFilter &filter, const Actor &viewer)
{
    Event event = eventFor(Action::TrailViewed, d->trailObject());
    event.actor = viewer;
    event.attributes = {{QStringLiteral("view"), view}, {QStringLiteral("filter"), filter.describe()}};
    return record(event);
}

RecordTicket AuditTrail::trailVerified(const VerificationReport &report, const QString &view, const Actor &viewer)
{
    Event event = eventFor(Action::TrailVerified, d->trailObject());
    event.actor = viewer;
    event.attributes = {{QStringLiteral("result"), report.cancelled ? QStringLiteral("cancelled") : report.ok ? QStringLiteral("ok") : QStringLiteral("failed")},
                        {QStringLiteral("event_count"), QString::number(report.eventCount)},
                        {QStringLiteral("last_seq"), QString::number(report.lastSeq)}};
    if (!view.isEmpty())
        event.attributes.insert(QStringLiteral("view"), view);
    if (report.ok)
        event.attributes.insert(QStringLiteral("head_hash"), QString::fromLatin1(report.headHash.toHex()));
    else if (report.firstBadSeq() > 0)
        event.attributes.insert(QStringLiteral("first_bad_seq"), QString::number(report.firstBadSeq()));
    return record(event);
}

RecordTicket AuditTrail::reviewRecorded(const ReviewRecord &review, const Actor &reviewer)
{
    auto event = review.toEvent(d->trailObject());
    if (!event) {
        Q_EMIT recordFailed(event.error());
        return RecordTicket::failed(event.error());
    }
    event->actor = reviewer;
    return record(*event);
}

ObjectRef AuditTrail::trailObject() const
{
    return d->trailObject();
}

RecordTicket AuditTrail::trailExported(const QString &format, qint64 eventCount, const QString &description)
{
    Event event = eventFor(Action::TrailExported, d->trailObject());
    event.attributes = {{QStringLiteral("format"), format}, {QStringLiteral("event_count"), QString::number(eventCount)}};
    if (!description.isEmpty())
        event.attributes.insert(QStringLiteral("view"), description);
    return record(event);
}

RecordTicket AuditTrail::trailExported(const TrailExportRecord &exported, const QString &view, const Actor &viewer)
{
    Event event = eventFor(Action::TrailExported, d->trailObject());
    event.actor = viewer;
    event.attributes = exported.attributes();
    event.attributes.insert(QStringLiteral("view"), view);
    return record(event);
}

RecordTicket AuditTrail::trailSampled(const EventSample &sample, const QString &view, const Actor &viewer)
{
    Event event = eventFor(Action::TrailViewed, d->trailObject());
    event.actor = viewer;
    event.attributes = sample.recordedAttributes();
    event.attributes.insert(QStringLiteral("view"), view);
    return record(event);
}

Result<qint64> AuditTrail::waitAsConfigured(const RecordTicket &ticket) const
{
    if (d->m_config.durability == AuditTrailConfig::Durability::Durable)
        ticket.wait();
    else if (!ticket.isFinished())
        return qint64(0);
    if (!ticket.isRecorded())
        return ticket.error();
    return ticket.seq();
}

bool AuditTrail::flush(int timeoutMs)
{
    return !d->m_writer || d->m_writer->flush(timeoutMs);
}

qint64 AuditTrail::lostEventCount() const
{
    return d->m_writer ? d->m_writer->lostCount() : 0;
}

Result<EventPage> AuditTrail::query(const EventFilter &filter, const PageRequest &page) const
{
    auto log = d->reader();
    if (!log)
        return log.error();
    return (*log)->query(filter, page);
}

VerificationReport AuditTrail::verify() const
{
    auto log = d->reader();
    if (!log) {
        VerificationReport report;
        report.findings.append({VerificationFinding::Kind::StorageDamaged, 0, log.error().message()});
        return report;
    }
    return (*log)->verify();
}

Result<PublishedCheckpoint> AuditTrail::checkpoint()
{
    if (!d->m_checkpointer)
        return isOpen() ? Error(ErrorCode::InvalidArgument, QStringLiteral("No checkpoint signing key is configured (\"checkpoints\", docs/anchors.md)."))
                        : notOpen();
    auto opened = d->reader();
    if (!opened)
        return opened.error();
    auto published = d->m_checkpointer->publish(**opened);
    d->reportCheckpoint(published);
    return published;
}

AuditTrail *AuditTrail::defaultTrail()
{
    return s_defaultTrail.load();
}

void AuditTrail::setDefaultTrail(AuditTrail *trail)
{
    s_defaultTrail.store(trail);
}

} // namespace QmsAudit
