// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/audittrailconfig.h>
#include <qmsaudit/checkpointpublisher.h>
#include <qmsaudit/event.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/recordticket.h>
#include <qmsaudit/reviewrecord.h>
#include <qmsaudit/trailexportrecord.h>
#include <qmsaudit/verificationreport.h>
#include <qmsaudit/result.h>

#include <QObject>

#include <memory>

namespace QmsAudit {

class AuditTrailPrivate;
class EventReader;

/**
 * What a host application embeds: records every access and change on a writer thread with group
 * commit, never blocks the UI thread (except under BackPressure::Block with a full queue), and
 * never loses an event it acknowledged. See docs/recording.md.
 *
 * @code
 * auto config = QmsAudit::AuditTrailConfig::defaults();
 * config.logPath = "/var/lib/qms/audit.qmslog";
 * config.keyFile = "/etc/qms/audit.key";
 * config.host = {"QMS Desk", "4.2", QSysInfo::machineHostName()};
 * auto *trail = new QmsAudit::AuditTrail(this);
 * if (auto opened = trail->open(config); !opened)
 *     return showError(opened.error().message());
 * trail->setCurrentUser({"u42", "Ada Lovelace", {"qa_manager"}});
 * trail->viewed({"procedure", "SOP-017", "C", "Calibration of torque wrenches"});
 * connect(trail, &QmsAudit::AuditTrail::availabilityChanged, this, &MainWindow::lockDocuments);
 * @endcode
 *
 * Signals are emitted from the writer thread; connections to objects in other threads are
 * queued automatically (Qt::AutoConnection).
 */
class QMSAUDIT_EXPORT AuditTrail : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ isAvailable NOTIFY availabilityChanged)
    Q_PROPERTY(bool open READ isOpen NOTIFY openChanged)

public:
    explicit AuditTrail(QObject *parent = nullptr);
    /// Closes the trail (flushes the queue and records `stopped`).
    ~AuditTrail() override;

    /// Opens (or creates) the log, starts the writer and records `started`.
    Result<void> open(const AuditTrailConfig &config);
    /// Records `stopped`, writes everything still queued and stops the writer. Idempotent.
    void close();
    bool isOpen() const;
    /// false after a failure to record until the log is writable again (and while closed).
    bool isAvailable() const;
    const AuditTrailConfig &config() const;

    /// Actor used for events that name none. Set it at login.
    void setCurrentUser(const Actor &actor);
    Actor currentUser() const;
    /// Session id stamped on events that name none.
    void setSession(const QString &session);

    /**
     * Queues @p event. Empty actor, host and session are filled from the trail. Invalid events
     * (see validateEvent()) fail at once without touching the queue.
     */
    RecordTicket record(Event event);

    RecordTicket viewed(const ObjectRef &object);
    RecordTicket printed(const ObjectRef &object);
    RecordTicket exported(const ObjectRef &object, const QString &format = {});
    RecordTicket downloaded(const ObjectRef &object);
    RecordTicket created(const ObjectRef &object, const QString &reason);
    RecordTicket changed(const ObjectRef &object, const QList<FieldChange> &changes, const QString &reason);
    RecordTicket deleted(const ObjectRef &object, const QString &reason);
    RecordTicket approved(const ObjectRef &object, const QString &reason = {});
    RecordTicket released(const ObjectRef &object, const QString &reason = {});
    /// An electronic signature; @p meaning as shown to the signer ("approved as author").
    /// (`signed` is a C++ keyword, hence the name.)
    RecordTicket signature(const ObjectRef &object, const QString &meaning);
    /// A refused attempt, by @p actor (empty: the current user).
    RecordTicket accessDenied(const ObjectRef &object, const QString &reason = {}, const Actor &actor = {});
    RecordTicket loggedIn();
    RecordTicket loggedOut();
    RecordTicket loginFailed(const QString &userId, const QString &reason = {});

    /// Use of the trail itself: call when an audit-trail view is shown or exported.
    RecordTicket trailViewed(const QString &description);
    /// A view of the trail showed @p filter to @p viewer (empty: the current user): attributes
    /// "view" and "filter" (EventFilter::describe()).
    RecordTicket trailViewed(const QString &view, const EventFilter &filter, const Actor &viewer = {});
    /// A verification ran for @p viewer (empty: the current user): attributes "result" (ok,
    /// failed, cancelled), "event_count", "last_seq", "head_hash" when ok, "first_bad_seq" when
    /// failed, and "view" when given.
    RecordTicket trailVerified(const VerificationReport &report, const QString &view = {}, const Actor &viewer = {});
    /**
     * A review of the trail by @p reviewer (empty: the current user) as a review_recorded event
     * (ReviewRecord, docs/reviews.md). An incomplete record fails at once (InvalidArgument) and
     * is reported through recordFailed() like any refused event.
     */
    RecordTicket reviewRecorded(const ReviewRecord &review, const Actor &reviewer = {});
    /// The object of trail_* events and of access_denied on the trail: type "audit_trail", the log id.
    ObjectRef trailObject() const;
    RecordTicket trailExported(const QString &format, qint64 eventCount, const QString &description = {});
    /// A view of the trail exported events for @p viewer (empty: the current user): attribute
    /// "view" and TrailExportRecord::attributes(), as `qms-audit export` records them.
    RecordTicket trailExported(const TrailExportRecord &exported, const QString &view, const Actor &viewer = {});
    /// A view drew @p sample for @p viewer (empty: the current user): trail_viewed with "view" and
    /// EventSample::recordedAttributes(), as `qms-audit sample` records it.
    RecordTicket trailSampled(const EventSample &sample, const QString &view, const Actor &viewer = {});

    /**
     * Waits for @p ticket as the durability mode promises: durable until it finishes, buffered
     * not at all. The seq, 0 for a buffered event not committed yet, or the ticket's error.
     * For callers that answer synchronously (the Qt plugin, QML).
     */
    Result<qint64> waitAsConfigured(const RecordTicket &ticket) const;

    /// Waits until everything queued so far is committed (or failed). false on timeout.
    bool flush(int timeoutMs = -1);
    /// Events that could not be recorded since the last successful commit.
    qint64 lostEventCount() const;

    /**
     * The trail's read side (a read-only connection of its own), shared with views and models,
     * which keep it while they need it. Fails when the trail is not open.
     */
    Result<std::shared_ptr<const EventReader>> reader() const;
    /// Reads the log on a connection of its own (does not record anything by itself).
    Result<EventPage> query(const EventFilter &filter, const PageRequest &page = {}) const;
    VerificationReport verify() const;
    /**
     * Signs a checkpoint of the log now and anchors it (AuditTrailConfig::checkpoints,
     * docs/anchors.md). The trail also makes one every N events or T minutes and when it closes;
     * open() refuses a log that does not extend the newest checkpoint it finds.
     */
    Result<PublishedCheckpoint> checkpoint();

    /// Host-wide default trail for QML and code that cannot be handed one (not owned).
    static AuditTrail *defaultTrail();
    static void setDefaultTrail(AuditTrail *trail);

Q_SIGNALS:
    void recorded(qint64 seq);
    void recordFailed(const QmsAudit::Error &error);
    void availabilityChanged(bool available);
    void openChanged(bool open);
    /// A checkpoint of @p treeSize events was signed and anchored (on the recording thread).
    void checkpointed(qint64 treeSize);
    /// A checkpoint could not be made or anchored everywhere; the error names each anchor that failed.
    void checkpointFailed(const QmsAudit::Error &error);

private:
    friend class AuditTrailPrivate;
    std::unique_ptr<AuditTrailPrivate> d;
};

} // namespace QmsAudit
