// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trailreader.h"

#include <QJsonDocument>
#include <QProcess>

TrailReader::TrailReader(QString logPath, QString keyFile)
    : m_logPath(std::move(logPath))
    , m_keyFile(std::move(keyFile))
{
}

QString TrailReader::run(const QStringList &arguments, int *exitCode) const
{
    QProcess process;
    process.start(QStringLiteral(QMSDEMO_TEST_CLI), arguments);
    process.waitForFinished(120000);
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput());
}

QList<QJsonObject> TrailReader::events(const QString &actions) const
{
    QStringList arguments = {QStringLiteral("query"), QStringLiteral("--log"), m_logPath, QStringLiteral("--key-file"), m_keyFile,
                             QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("--all")};
    if (!actions.isEmpty())
        arguments << QStringLiteral("--action") << actions;
    int exitCode = 0;
    const QString output = run(arguments, &exitCode);
    QList<QJsonObject> events;
    for (const QString &line : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        events.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return events;
}

bool TrailReader::verify(QString *summary) const
{
    int exitCode = 0;
    const QString output = run({QStringLiteral("verify"), QStringLiteral("--log"), m_logPath, QStringLiteral("--key-file"), m_keyFile}, &exitCode);
    if (summary)
        *summary = output.section(QLatin1Char('\n'), 0, 0);
    return exitCode == 0;
}
