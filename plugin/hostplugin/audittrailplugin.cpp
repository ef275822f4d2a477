// SPDX-License-Identifier: LGPL-2.1-or-later
#include "audittrailplugin.h"
#include "audittrailnotifier.h"

#include <qmsaudit/audittrail.h>
#include <qmsaudit/audittrailconfig.h>
#include <qmsaudit/eventjson.h>
#include <qmsaudit/recordticket.h>

#include <QJsonObject>

namespace QmsAudit {
namespace {

const QString kId = QStringLiteral("id");

void setError(QString *errorMessage, const QString &message)
{
    if (errorMessage)
        *errorMessage = message;
}


} // namespace

AuditTrailPlugin::AuditTrailPlugin(QObject *parent)
    : QObject(parent)
    , m_trail(new AuditTrail(this))
    , m_notifier(new AuditTrailNotifier(m_trail, this))
{
}

AuditTrailPlugin::~AuditTrailPlugin()
{
    close();
}

QString AuditTrailPlugin::pluginVersion() const
{
    return QStringLiteral(QMSAUDIT_VERSION_STRING);
}

bool AuditTrailPlugin::open(const QVariantMap &config, QString *errorMessage)
{
    if (m_trail->isOpen()) {
        setError(errorMessage, QStringLiteral("The audit trail is already open; close it first."));
        return false;
    }
    auto parsed = AuditTrailConfig::fromVariantMap(config);
    if (!parsed) {
        setError(errorMessage, parsed.error().message());
        return false;
    }
    if (auto opened = m_trail->open(*parsed); !opened) {
        setError(errorMessage, opened.error().message());
        return false;
    }
    if (!AuditTrail::defaultTrail())
        AuditTrail::setDefaultTrail(m_trail);
    return true;
}

void AuditTrailPlugin::close()
{
    if (AuditTrail::defaultTrail() == m_trail)
        AuditTrail::setDefaultTrail(nullptr);
    m_trail->close();
}

bool AuditTrailPlugin::isAvailable() const
{
    return m_trail->isAvailable();
}

void AuditTrailPlugin::setCurrentUser(const QVariantMap &actor)
{
    m_trail->setCurrentUser({actor.value(kId).toString(), actor.value(QStringLiteral("name")).toString(),
                             actor.value(QStringLiteral("roles")).toStringList()});
}

qint64 AuditTrailPlugin::record(const QVariantMap &map, QString *errorMessage)
{
    auto event = eventFromJson(QJsonObject::fromVariantMap(map));
    if (!event) {
        setError(errorMessage, event.error().message());
        return -1;
    }
    const auto seq = m_trail->waitAsConfigured(m_trail->record(std::move(*event)));
    if (!seq) {
        setError(errorMessage, seq.error().message());
        return -1;
    }
    return *seq;
}

bool AuditTrailPlugin::flush(int timeoutMs)
{
    return m_trail->flush(timeoutMs);
}

QObject *AuditTrailPlugin::notifier()
{
    return m_notifier;
}

} // namespace QmsAudit
