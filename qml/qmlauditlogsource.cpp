// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmlauditlogsource.h"

#include <qmsaudit/audittrail.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/keyfileprovider.h>
#include <qmsaudit/passphraseprovider.h>
#include <qmsaudit/recordticket.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace QmsAudit {

/// What the worker thread hands back: the reader, or why there is none.
struct QmlAuditLogSource::Opened {
    std::shared_ptr<const EventReader> reader;
    QString error;
};

QmlAuditLogSource::QmlAuditLogSource(QObject *parent)
    : QObject(parent)
{
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(FilterRecordDelayMs);
    connect(&m_filterDelay, &QTimer::timeout, this, &QmlAuditLogSource::recordPendingFilter);
    connect(&m_opening, &QFutureWatcher<std::shared_ptr<Opened>>::finished, this, &QmlAuditLogSource::finishOpen);
    connect(&m_naming, &QFutureWatcher<std::pair<QStringList, QStringList>>::finished, this, [this] {
        std::tie(m_actorIds, m_objectTypes) = m_naming.result();
        Q_EMIT namesChanged();
    });
}

QmlAuditLogSource::~QmlAuditLogSource()
{
    recordPendingFilter(); // the last filter an auditor looked at is recorded even when the view closes at once
    m_opening.waitForFinished();
    m_naming.waitForFinished();
}

QStringList QmlAuditLogSource::actorIds() const { return m_actorIds; }
QStringList QmlAuditLogSource::objectTypes() const { return m_objectTypes; }

QString QmlAuditLogSource::logPath() const { return m_logPath; }
QString QmlAuditLogSource::keyFile() const { return m_keyFile; }
QVariantMap QmlAuditLogSource::viewer() const { return m_viewer; }
QVariantMap QmlAuditLogSource::rolePermissions() const { return m_rolePermissions; }
QmlAuditLogSource::Status QmlAuditLogSource::status() const { return m_status; }
QString QmlAuditLogSource::errorString() const { return m_errorString; }
QString QmlAuditLogSource::recordError() const { return m_recordError; }
std::shared_ptr<const EventReader> QmlAuditLogSource::reader() const { return m_reader; }

void QmlAuditLogSource::setLogPath(const QString &path)
{
    if (path == m_logPath)
        return;
    m_logPath = path;
    Q_EMIT logPathChanged();
    open();
}

void QmlAuditLogSource::setKeyFile(const QString &path)
{
    if (path == m_keyFile)
        return;
    m_keyFile = path;
    Q_EMIT keyFileChanged();
    open();
}

void QmlAuditLogSource::setPassphrase(const QString &passphrase)
{
    m_passphrase = passphrase.toUtf8();
    open();
}

void QmlAuditLogSource::setViewer(const QVariantMap &viewer)
{
    if (viewer == m_viewer)
        return;
    m_viewer = viewer;
    m_deniedRecorded.clear();
    Q_EMIT viewerChanged();
    Q_EMIT permissionsChanged();
}

void QmlAuditLogSource::setRolePermissions(const QVariantMap &map)
{
    if (map == m_rolePermissions)
        return;
    m_rolePermissions = map;
    if (auto policy = AccessPolicy::fromVariantMap(map); !map.isEmpty() && !policy)
        qWarning("AuditLogSource: %s", qPrintable(policy.error().message()));
    Q_EMIT permissionsChanged();
}

QString QmlAuditLogSource::logName() const
{
    if (!m_logPath.isEmpty())
        return QFileInfo(m_logPath).fileName();
    return m_trail ? QFileInfo(m_trail->config().logPath).fileName() : QString();
}

QString QmlAuditLogSource::logId() const
{
    return m_reader ? m_reader->logId() : QString();
}

AuditTrail *QmlAuditLogSource::hostTrail() const
{
    AuditTrail *trail = AuditTrail::defaultTrail();
    return trail && trail->isOpen() ? trail : nullptr;
}

QString QmlAuditLogSource::reportAuthor() const
{
    const QString application = QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(), QCoreApplication::applicationVersion()).trimmed();
    return QStringLiteral("%1 (%2 on %3)").arg(currentViewer().id, application, QSysInfo::machineHostName());
}

AccessPolicy QmlAuditLogSource::policy() const
{
    if (!m_rolePermissions.isEmpty())
        return AccessPolicy::configured(m_rolePermissions);
    if (const AuditTrail *trail = hostTrail())
        return trail->config().accessPolicy();
    return {};
}

AnomalyRules QmlAuditLogSource::anomalyRules() const
{
    if (const AuditTrail *trail = hostTrail())
        return trail->config().anomalyRules;
    return {};
}

Actor QmlAuditLogSource::currentViewer() const
{
    if (!m_viewer.isEmpty())
        return {m_viewer.value(QStringLiteral("id")).toString(), m_viewer.value(QStringLiteral("name")).toString(),
                m_viewer.value(QStringLiteral("roles")).toStringList()};
    const AuditTrail *trail = hostTrail();
    return trail ? trail->currentUser() : Actor();
}

QString QmlAuditLogSource::viewerName() const
{
    const Actor viewer = currentViewer();
    if (viewer.name.isEmpty() || viewer.name == viewer.id)
        return viewer.id;
    return QStringLiteral("%1 (%2)").arg(viewer.name, viewer.id);
}

QStringList QmlAuditLogSource::permissions() const
{
    return policy().permissionsFor(currentViewer().roles);
}

bool QmlAuditLogSource::can(const QString &permission) const
{
    return policy().allows(currentViewer().roles, permission);
}

bool QmlAuditLogSource::recordsUse() const
{
    return hostTrail() != nullptr;
}

QString QmlAuditLogSource::recordingNote() const
{
    if (recordsUse())
        return {};
    return tr("This log is open read-only and no host audit trail is open: looking at it is not recorded.");
}

void QmlAuditLogSource::classBegin()
{
}

void QmlAuditLogSource::componentComplete()
{
    m_complete = true;
    open();
}

void QmlAuditLogSource::reload()
{
    open();
}

void QmlAuditLogSource::open()
{
    if (!m_complete)
        return; // all properties first: keyFile may come after logPath
    if (m_opening.isRunning()) {
        // The newer settings win: open again when this attempt ends.
        connect(&m_opening, &QFutureWatcher<std::shared_ptr<Opened>>::finished, this, &QmlAuditLogSource::open,
                Qt::SingleShotConnection);
        return;
    }
    std::function<std::shared_ptr<Opened>()> task;
    if (m_logPath.isEmpty()) {
        m_trail = hostTrail();
        if (!m_trail) {
            m_reader.reset();
            m_status = Error;
            m_errorString = tr("No log to show: the host has no audit trail open, and no log file was given.");
            Q_EMIT readerChanged();
            Q_EMIT statusChanged();
            return;
        }
        task = [trail = m_trail.data()] {
            auto opened = std::make_shared<Opened>();
            auto reader = trail->reader();
            if (reader)
                opened->reader = *reader;
            else
                opened->error = reader.error().message();
            return opened;
        };
    } else {
        m_trail.clear();
        std::shared_ptr<const KeyProvider> keys;
        if (!m_keyFile.isEmpty())
            keys = std::make_shared<KeyFileProvider>(m_keyFile);
        else if (!m_passphrase.isEmpty())
            keys = std::make_shared<PassphraseProvider>(PassphraseProvider::fromPassphrase(m_passphrase));
        if (!keys) {
            m_status = Error;
            m_errorString = tr("Give keyFile or passphrase to open %1.").arg(m_logPath);
            Q_EMIT statusChanged();
            return;
        }
        task = [path = m_logPath, keys] {
            auto opened = std::make_shared<Opened>();
            auto reader = EventReader::open(path, *keys);
            if (reader)
                opened->reader = std::shared_ptr<const EventReader>(std::move(*reader));
            else
                opened->error = reader.error().message();
            return opened;
        };
    }
    m_status = Loading;
    Q_EMIT statusChanged();
    m_opening.setFuture(QtConcurrent::run(std::move(task)));
}

void QmlAuditLogSource::finishOpen()
{
    const std::shared_ptr<Opened> opened = m_opening.result();
    m_reader = opened->reader;
    m_errorString = opened->error;
    m_status = m_reader ? Ready : Error;
    Q_EMIT readerChanged();
    Q_EMIT statusChanged();
    Q_EMIT permissionsChanged(); // the host trail's policy may apply now
    if (m_reader && !m_naming.isRunning()) {
        // The summary tables answer this in a few hundred milliseconds even at 10 M events: off the GUI thread.
        m_naming.setFuture(QtConcurrent::run([reader = m_reader] {
            auto stats = reader->statistics(std::nullopt, std::nullopt);
            if (!stats)
                return std::pair<QStringList, QStringList>{};
            return std::pair{stats->byActor.keys(), stats->byObjectType.keys()};
        }));
    }
}

bool QmlAuditLogSource::requirePermission(const QString &permission, const QString &view)
{
    if (can(permission))
        return true;
    const QString key = view + u'\n' + permission;
    if (!m_deniedRecorded.contains(key)) {
        m_deniedRecorded.append(key);
        if (AuditTrail *trail = hostTrail())
            finishRecord(trail->accessDenied(trail->trailObject(), tr("%1 needs the permission %2").arg(view, permission), currentViewer()));
    }
    return false;
}

void QmlAuditLogSource::noteFilterShown(const QString &view, const EventFilter &filter)
{
    m_pendingView = view;
    m_pendingFilter = filter;
    m_filterDelay.start(); // restarts: only a filter that stays on screen is recorded
}

void QmlAuditLogSource::flushPendingRecords()
{
    m_filterDelay.stop();
    recordPendingFilter();
}

void QmlAuditLogSource::recordPendingFilter()
{
    if (!m_pendingFilter)
        return;
    const EventFilter filter = *std::exchange(m_pendingFilter, std::nullopt);
    const QString key = m_pendingView + u'\n' + filter.describe();
    if (key == m_lastRecordedFilter)
        return; // scrolling, sorting or reopening the same filter adds nothing new
    m_lastRecordedFilter = key;
    if (AuditTrail *trail = hostTrail())
        finishRecord(trail->trailViewed(m_pendingView, filter, currentViewer()));
}

void QmlAuditLogSource::noteVerified(const VerificationReport &report, const QString &view)
{
    if (AuditTrail *trail = hostTrail())
        finishRecord(trail->trailVerified(report, view, currentViewer()));
}

void QmlAuditLogSource::noteSampleDrawn(const EventSample &sample, const QString &view)
{
    if (AuditTrail *trail = hostTrail())
        finishRecord(trail->trailSampled(sample, view, currentViewer()));
}

void QmlAuditLogSource::noteExported(const TrailExportRecord &exported, const QString &view, const QMap<QString, QString> &extra)
{
    AuditTrail *trail = hostTrail();
    if (!trail)
        return;
    if (extra.isEmpty()) {
        finishRecord(trail->trailExported(exported, view, currentViewer()));
        return;
    }
    // AuditTrail::trailExported() states the record's attributes only; this is that event plus the extras.
    Event event;
    event.action = Action::TrailExported;
    event.object = trail->trailObject();
    event.actor = currentViewer();
    event.attributes = exported.attributes();
    event.attributes.insert(extra);
    event.attributes.insert(QStringLiteral("view"), view);
    finishRecord(trail->record(event));
}

Result<qint64> QmlAuditLogSource::recordReview(const ReviewRecord &review)
{
    AuditTrail *trail = hostTrail();
    if (!trail)
        return QmsAudit::Error(ErrorCode::Unavailable, tr("A review is recorded on the host's audit trail, and none is open: this log is only read."));
    const RecordTicket ticket = trail->reviewRecorded(review, currentViewer());
    ticket.wait(); // a review names its seq: wait for the commit even when the trail buffers
    if (!ticket.isRecorded())
        return ticket.error();
    Q_EMIT useRecorded(ticket.seq());
    return ticket.seq();
}

void QmlAuditLogSource::finishRecord(const RecordTicket &ticket)
{
    const AuditTrail *trail = hostTrail();
    auto seq = trail ? trail->waitAsConfigured(ticket) : Result<qint64>(qint64(0));
    if (!seq) {
        setRecordError(tr("The use of the audit trail could not be recorded: %1").arg(seq.error().message()));
        return;
    }
    setRecordError({});
    if (*seq > 0)
        Q_EMIT useRecorded(*seq);
}

void QmlAuditLogSource::setRecordError(const QString &message)
{
    if (message == m_recordError)
        return;
    m_recordError = message;
    if (!message.isEmpty())
        qWarning("AuditLogSource: %s", qPrintable(message));
    Q_EMIT recordErrorChanged();
}

} // namespace QmsAudit
