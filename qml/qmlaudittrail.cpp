// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/qmlaudittrail.h>

#include <qmsaudit/audittrail.h>
#include <qmsaudit/audittrailconfig.h>
#include <qmsaudit/eventjson.h>
#include <qmsaudit/recordticket.h>

#include <QJsonArray>
#include <QJsonObject>

namespace QmsAudit {
namespace {

const QString kId = QStringLiteral("id");

Actor actorFromMap(const QVariantMap &map)
{
    return {map.value(kId).toString(), map.value(QStringLiteral("name")).toString(),
            map.value(QStringLiteral("roles")).toStringList()};
}

} // namespace

QmlAuditTrail::QmlAuditTrail(QObject *parent)
    : QObject(parent)
{
    trail(); // follow the host's default trail, if there is one already
}

QmlAuditTrail::~QmlAuditTrail()
{
    // Closing the own trail records `stopped` and may emit; nobody in QML is listening any more.
    if (m_attached)
        disconnect(m_attached, nullptr, this, nullptr);
}

const AuditTrail *QmlAuditTrail::currentTrail() const
{
    return m_own ? m_own.get() : AuditTrail::defaultTrail();
}

AuditTrail *QmlAuditTrail::trail()
{
    AuditTrail *current = m_own ? m_own.get() : AuditTrail::defaultTrail();
    if (current != m_attached)
        attach(current);
    return current;
}

void QmlAuditTrail::attach(AuditTrail *trail)
{
    if (m_attached)
        disconnect(m_attached, nullptr, this, nullptr);
    m_attached = trail;
    if (trail) {
        // `this` as the context: the trail emits from its writer thread, we re-emit in ours.
        connect(trail, &AuditTrail::recorded, this, &QmlAuditTrail::recorded);
        connect(trail, &AuditTrail::recordFailed, this, [this](const Error &error) { Q_EMIT recordFailed(error.message()); });
        connect(trail, &AuditTrail::availabilityChanged, this, &QmlAuditTrail::refresh);
        connect(trail, &AuditTrail::openChanged, this, &QmlAuditTrail::refresh);
        if (!m_user.isEmpty())
            trail->setCurrentUser(actorFromMap(m_user));
    }
    refresh();
}

void QmlAuditTrail::refresh()
{
    const bool available = isAvailable();
    const bool open = isOpen();
    if (available != m_available) {
        m_available = available;
        Q_EMIT availableChanged();
    }
    if (open != m_open) {
        m_open = open;
        Q_EMIT isOpenChanged();
    }
}

bool QmlAuditTrail::isAvailable() const
{
    const AuditTrail *current = currentTrail();
    return current && current->isAvailable();
}

bool QmlAuditTrail::isOpen() const
{
    const AuditTrail *current = currentTrail();
    return current && current->isOpen();
}

QString QmlAuditTrail::lastError() const
{
    return m_lastError;
}

void QmlAuditTrail::setLastError(const QString &message)
{
    if (message == m_lastError)
        return;
    m_lastError = message;
    Q_EMIT lastErrorChanged();
}

qint64 QmlAuditTrail::fail(const QString &message)
{
    setLastError(message);
    refresh();
    return -1;
}

bool QmlAuditTrail::refuse(const QString &message)
{
    fail(message);
    return false;
}

qint64 QmlAuditTrail::notOpen()
{
    return fail(QStringLiteral("No audit trail is open: call AuditTrail.open(config) or set a default trail in C++."));
}

bool QmlAuditTrail::open(const QVariantMap &config)
{
    if (isOpen())
        return refuse(QStringLiteral("The audit trail is already open; close it first."));
    auto parsed = AuditTrailConfig::fromVariantMap(config);
    if (!parsed)
        return refuse(parsed.error().message());
    auto own = std::make_unique<AuditTrail>();
    if (!m_user.isEmpty())
        own->setCurrentUser(actorFromMap(m_user));
    if (auto opened = own->open(*parsed); !opened)
        return refuse(opened.error().message());
    m_own = std::move(own);
    trail();
    setLastError({});
    return true;
}

void QmlAuditTrail::close()
{
    setLastError({});
    if (!m_own)
        return; // the host's trail: the host closes it
    m_own->close();
    m_own.reset();
    trail(); // back to the host's default trail, if any
}

qint64 QmlAuditTrail::finish(const AuditTrail *trail, const RecordTicket &ticket)
{
    const auto seq = trail->waitAsConfigured(ticket);
    if (!seq)
        return fail(seq.error().message());
    setLastError({});
    if (*seq > 0)
        refresh();
    return *seq;
}

qint64 QmlAuditTrail::record(const QVariantMap &map)
{
    AuditTrail *t = trail();
    if (!t)
        return notOpen();
    auto event = eventFromJson(QJsonObject::fromVariantMap(map));
    if (!event)
        return fail(event.error().message());
    return finish(t, t->record(std::move(*event)));
}

qint64 QmlAuditTrail::viewed(const QString &type, const QString &id, const QString &title, const QString &version)
{
    AuditTrail *t = trail();
    if (!t)
        return notOpen();
    return finish(t, t->viewed({type, id, version, title}));
}

qint64 QmlAuditTrail::printed(const QString &type, const QString &id, const QString &title, const QString &version)
{
    AuditTrail *t = trail();
    if (!t)
        return notOpen();
    return finish(t, t->printed({type, id, version, title}));
}

qint64 QmlAuditTrail::exported(const QString &type, const QString &id, const QString &title, const QString &version,
                               const QString &format)
{
    AuditTrail *t = trail();
    if (!t)
        return notOpen();
    return finish(t, t->exported({type, id, version, title}, format));
}

qint64 QmlAuditTrail::changed(const QString &type, const QString &id, const QVariantList &changes, const QString &reason)
{
    AuditTrail *t = trail();
    if (!t)
        return notOpen();
    // Parsed by the export format so that the field names and their errors are the same everywhere.
    auto parsed = eventFromJson(QJsonObject{{QStringLiteral("action"), QStringLiteral("edit")},
                                           {QStringLiteral("changes"), QJsonArray::fromVariantList(changes)}});
    if (!parsed)
        return fail(parsed.error().message());
    return finish(t, t->changed({type, id, {}, {}}, parsed->changes, reason));
}

qint64 QmlAuditTrail::signature(const QString &type, const QString &id, const QString &meaning)
{
    AuditTrail *t = trail();
    if (!t)
        return notOpen();
    return finish(t, t->signature({type, id, {}, {}}, meaning));
}

qint64 QmlAuditTrail::accessDenied(const QString &type, const QString &id, const QString &reason)
{
    AuditTrail *t = trail();
    if (!t)
        return notOpen();
    return finish(t, t->accessDenied({type, id, {}, {}}, reason));
}

qint64 QmlAuditTrail::trailViewed(const QString &description)
{
    AuditTrail *t = trail();
    if (!t)
        return notOpen();
    return finish(t, t->trailViewed(description));
}

void QmlAuditTrail::setCurrentUser(const QVariantMap &actor)
{
    m_user = actor;
    if (AuditTrail *t = trail())
        t->setCurrentUser(actorFromMap(actor));
}

bool QmlAuditTrail::flush(int timeoutMs)
{
    AuditTrail *t = trail();
    if (!t || !t->isOpen())
        return refuse(QStringLiteral("No audit trail is open."));
    if (!t->flush(timeoutMs))
        return refuse(QStringLiteral("The audit trail did not write its queue within %1 ms.").arg(timeoutMs));
    setLastError({});
    return true;
}

} // namespace QmsAudit
