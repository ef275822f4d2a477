// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/syslogcheckpointsink.h>

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Message.h>
#include <Poco/Net/RemoteSyslogChannel.h>

namespace QmsAudit {

SyslogCheckpointSink::SyslogCheckpointSink(QString address)
    : m_address(std::move(address))
{
}

QString SyslogCheckpointSink::message(const Checkpoint &checkpoint, const QByteArray &note)
{
    return QStringLiteral("checkpoint origin=%1 size=%2 root=%3 note=%4")
        .arg(checkpoint.origin())
        .arg(checkpoint.treeSize())
        .arg(QString::fromLatin1(checkpoint.rootHash().toBase64()), QString::fromLatin1(note.toBase64()));
}

Result<void> SyslogCheckpointSink::publish(const Checkpoint &checkpoint, const QByteArray &note)
{
    try {
        // Poco writes RFC 5424: <PRI>1 TIMESTAMP HOST APP-NAME PROCID MSGID - MSG.
        Poco::AutoPtr<Poco::Net::RemoteSyslogChannel> channel(
            new Poco::Net::RemoteSyslogChannel(m_address.toStdString(), "qmsaudit", Poco::Net::RemoteSyslogChannel::SYSLOG_AUTHPRIV));
        channel->open();
        Poco::Message entry("checkpoint", message(checkpoint, note).toStdString(), Poco::Message::PRIO_NOTICE);
        channel->log(entry);
        channel->close();
    } catch (const Poco::Exception &e) {
        return Error(ErrorCode::IoError, QStringLiteral("Cannot send the checkpoint to syslog at %1: %2.").arg(m_address, QString::fromStdString(e.displayText())));
    }
    return {};
}

Result<std::optional<QByteArray>> SyslogCheckpointSink::newest(const QString &origin) const
{
    Q_UNUSED(origin)
    return std::optional<QByteArray>(); // what was sent is on the collector, not readable from here
}

QString SyslogCheckpointSink::description() const
{
    return QStringLiteral("syslog %1").arg(m_address);
}

} // namespace QmsAudit
