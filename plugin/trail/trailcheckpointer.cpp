// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trail/trailcheckpointer_p.h"

#include <qmsaudit/checkpointcheck.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/signingkeyfileprovider.h>

namespace QmsAudit {

TrailCheckpointer::TrailCheckpointer(const AuditTrailConfig::Checkpoints &settings, std::shared_ptr<const SigningKeyProvider> signingKeys,
                                     QString logPath, QString origin)
    : m_settings(settings)
    , m_signingKeys(std::move(signingKeys))
    , m_publisher(*m_signingKeys, CheckpointPublisher::sinksFor(settings.anchorDirs, settings.anchorFiles, settings.syslog))
    , m_logPath(std::move(logPath))
    , m_origin(std::move(origin))
{
}

Result<std::unique_ptr<TrailCheckpointer>> TrailCheckpointer::create(const AuditTrailConfig::Checkpoints &settings, QString logPath,
                                                                    const QString &logId)
{
    const QString origin = settings.origin.isEmpty() ? Checkpoint::defaultOrigin(logId) : settings.origin;
    std::shared_ptr<const SigningKeyProvider> keys = settings.signingKeys;
    if (!keys)
        keys = std::make_shared<SigningKeyFileProvider>(settings.signingKeyFile, origin);
    // Read the key once now: a missing or unsafe key file fails open(), not the first checkpoint.
    if (auto signer = keys->fetchSigner(); !signer)
        return signer.error();
    return std::unique_ptr<TrailCheckpointer>(new TrailCheckpointer(settings, std::move(keys), std::move(logPath), origin));
}

Result<void> TrailCheckpointer::checkLog(const EventReader &reader) const
{
    auto newest = CheckpointPublisher::newest(m_logPath, m_origin, m_publisher.sinks());
    if (!newest)
        return newest.error();
    if (!*newest)
        return {}; // no checkpoint yet
    auto signer = m_signingKeys->fetchSigner();
    if (!signer)
        return signer.error();
    auto compared = CheckpointCheck::compare(reader, (*newest)->first, {signer->verifier()}, m_origin, (*newest)->second);
    if (!compared)
        return compared.error();
    return {};
}

bool TrailCheckpointer::isDue(qint64 headSeq, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_lastSize < 0) { // the first call: count from here
        m_lastSize = headSeq;
        m_lastMs = nowMs;
        return false;
    }
    const bool byCount = m_settings.everyEvents > 0 && headSeq - m_lastSize >= m_settings.everyEvents;
    const bool byTime = m_settings.everyMinutes > 0 && headSeq > m_lastSize && nowMs - m_lastMs >= qint64(m_settings.everyMinutes) * 60'000;
    if (!byCount && !byTime)
        return false;
    m_lastMs = nowMs; // a failed attempt waits for the next interval too, not for the next event
    m_lastSize = headSeq;
    return true;
}

Result<PublishedCheckpoint> TrailCheckpointer::publish(const EventReader &reader)
{
    return m_publisher.publish(reader, m_logPath, m_origin);
}

} // namespace QmsAudit
