// SPDX-License-Identifier: LGPL-2.1-or-later
#include "clitest.h"

#include <qmsaudit/eventjson.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {

QStringList CliResult::outLines() const
{
    QStringList lines;
    for (QString line : out.split(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!line.isEmpty())
            lines.append(line);
    }
    return lines;
}

CliResult CliTest::run(const QStringList &args, const QByteArray &input,
                       const std::optional<QProcessEnvironment> &environment) const
{
    QProcess process;
    process.setProgram(QStringLiteral(QMSAUDIT_CLI_PATH));
    process.setArguments(args);
    process.setWorkingDirectory(path(QString()));
    if (environment)
        process.setProcessEnvironment(*environment);
    process.start();
    CliResult result;
    if (!process.waitForStarted(10000)) {
        ADD_FAILURE() << "cannot start " << QMSAUDIT_CLI_PATH;
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        ADD_FAILURE() << "qms-audit timed out: " << args.join(u' ').toStdString();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QStringList CliTest::logArgs() const
{
    return {u"--log"_s, logPath(), u"--key-file"_s, keyFilePath()};
}

QStringList CliTest::commandArgs(const QString &command, const QStringList &extra) const
{
    return QStringList{command} + logArgs() + extra;
}

CliResult CliTest::initLog(const QStringList &extra) const
{
    return run(commandArgs(u"init"_s, extra));
}

qint64 CliTest::record(const QStringList &args) const
{
    QStringList all = commandArgs(u"record"_s);
    if (!args.contains(u"--actor"_s))
        all << u"--actor"_s << u"u1"_s;
    if (!args.contains(u"--action"_s))
        all << u"--action"_s << u"view"_s;
    if (!args.contains(u"--object-id"_s))
        all << u"--object-id"_s << u"SOP-001"_s;
    const CliResult result = run(all + args);
    if (result.exitCode != 0) {
        ADD_FAILURE() << "record failed (" << result.exitCode << "): " << result.err.toStdString();
        return -1;
    }
    bool ok = false;
    const qint64 seq = result.out.trimmed().toLongLong(&ok);
    if (!ok) {
        ADD_FAILURE() << "record printed no seq: " << result.out.toStdString();
        return -1;
    }
    return seq;
}

qint64 CliTest::eventCount() const
{
    const CliResult result = run(commandArgs(u"verify"_s));
    static const QRegularExpression okLine(u"^OK (\\d+) events, head [0-9a-f]{64}$"_s, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = okLine.match(result.out);
    if (result.exitCode != 0 || !match.hasMatch()) {
        ADD_FAILURE() << "verify failed (" << result.exitCode << "): " << result.out.toStdString() << result.err.toStdString();
        return -1;
    }
    return match.captured(1).toLongLong();
}

QList<Event> CliTest::queryEvents(const QStringList &filters) const
{
    const CliResult result = run(commandArgs(u"query"_s, QStringList{u"--all"_s, u"--format"_s, u"jsonl"_s} + filters));
    if (result.exitCode != 0) {
        ADD_FAILURE() << "query failed (" << result.exitCode << "): " << result.err.toStdString();
        return {};
    }
    QList<Event> events;
    for (const QString &line : result.outLines()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            ADD_FAILURE() << "query printed a line that is not a JSON object: " << line.toStdString();
            continue;
        }
        auto event = eventFromJson(document.object());
        if (!event) {
            ADD_FAILURE() << "eventFromJson: " << event.error().message().toStdString();
            continue;
        }
        events.append(*event);
    }
    return events;
}

CliResult CliTest::importLines(const QByteArray &lines) const
{
    return run(commandArgs(QStringLiteral("import"), {QStringLiteral("--actor"), QStringLiteral("importer")}), lines);
}

QByteArray CliTest::toJsonLines(const QList<Event> &events)
{
    QByteArray lines;
    for (const Event &event : events)
        lines += QJsonDocument(eventToJson(event)).toJson(QJsonDocument::Compact) + '\n';
    return lines;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        ADD_FAILURE() << "cannot write " << path.toStdString();
        return;
    }
    file.write(data);
}

unsigned fileMode(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return unsigned(st.st_mode & 07777);
}

} // namespace QmsAudit::Test
