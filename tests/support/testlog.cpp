// SPDX-License-Identifier: LGPL-2.1-or-later
#include "testlog.h"

#include <QFile>

#include <gtest/gtest.h>

namespace QmsAudit::Test {

TestLogDir::TestLogDir()
    : m_keys(m_dir.filePath(QStringLiteral("audit.key")))
{
    if (!m_dir.isValid())
        ADD_FAILURE() << "cannot create a temporary directory";
    const auto generated = KeyFileProvider::generateKeyFile(keyFilePath());
    if (!generated)
        ADD_FAILURE() << generated.error().message().toStdString();
}

QString TestLogDir::path(const QString &name) const
{
    return m_dir.filePath(name);
}

QString TestLogDir::writeOtherKeyFile(const QString &name) const
{
    const QString file = path(name);
    const auto generated = KeyFileProvider::generateKeyFile(file);
    if (!generated)
        ADD_FAILURE() << generated.error().message().toStdString();
    return file;
}

QByteArray TestLogDir::keyHex() const
{
    return readFile(keyFilePath()).trimmed();
}

std::unique_ptr<AuditLog> TestLogDir::create(const LogOptions &options, const LogPolicy &policy) const
{
    auto log = AuditLog::create(logPath(), m_keys, policy, options);
    if (!log) {
        ADD_FAILURE() << "create failed: " << log.error().message().toStdString();
        return nullptr;
    }
    return std::move(*log);
}

std::unique_ptr<AuditLog> TestLogDir::open(const LogOptions &options) const
{
    auto log = AuditLog::open(logPath(), m_keys, options);
    if (!log) {
        ADD_FAILURE() << "open failed: " << log.error().message().toStdString();
        return nullptr;
    }
    return std::move(*log);
}

Event sampleEvent(int i)
{
    static const Action actions[] = {Action::View, Action::Edit, Action::Approve, Action::Print, Action::Export};
    Event e;
    e.actor = {QStringLiteral("user%1").arg(i % 4), QStringLiteral("User %1").arg(i % 4), {QStringLiteral("qa")}};
    e.action = actions[i % 5];
    e.object = {i % 2 ? QStringLiteral("procedure") : QStringLiteral("calibration_record"), QStringLiteral("DOC-%1").arg(i % 7),
                QStringLiteral("B"), QStringLiteral("Torque wrench calibration %1").arg(i)};
    e.outcome = i % 11 == 0 ? Outcome::Denied : Outcome::Success;
    if (e.action == Action::Edit) {
        e.reason = QStringLiteral("Annual review of interval %1").arg(i);
        e.changes = {{QStringLiteral("interval_days"), QStringLiteral("365"), QString::number(100 + i)}};
    }
    e.session = QStringLiteral("s-%1").arg(i % 3);
    e.host = {QStringLiteral("qms-test"), QStringLiteral("1.0"), QStringLiteral("ws-01")};
    e.attributes = {{QStringLiteral("site"), QStringLiteral("Linz")}};
    return e;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace QmsAudit::Test
