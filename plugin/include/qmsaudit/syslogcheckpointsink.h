// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpointsink.h>

namespace QmsAudit {

/**
 * Sends each checkpoint as one RFC 5424 syslog message over UDP to a local or remote syslog
 * daemon ("127.0.0.1:514", "loghost.example:514"), app-name "qmsaudit", msgid "checkpoint":
 * "checkpoint origin=<origin> size=<n> root=<base64> note=<base64 of the signed note>". A
 * collector on another host keeps checkpoints beyond the reach of whoever controls this one. UDP
 * gives no receipt: publish() fails only when the message cannot be sent, and newest() has none.
 */
class QMSAUDIT_EXPORT SyslogCheckpointSink final : public CheckpointSink
{
public:
    /// @p address is host:port.
    explicit SyslogCheckpointSink(QString address);
    Result<void> publish(const Checkpoint &checkpoint, const QByteArray &note) override;
    Result<std::optional<QByteArray>> newest(const QString &origin) const override;
    QString description() const override;

    /// The message text of a checkpoint (the MSG part of the syslog message).
    static QString message(const Checkpoint &checkpoint, const QByteArray &note);

private:
    QString m_address;
};

} // namespace QmsAudit
