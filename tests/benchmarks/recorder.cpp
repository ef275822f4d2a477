// SPDX-License-Identifier: LGPL-2.1-or-later
#include "recorder.h"

#include "plainsqlitewriter.h"

#include <qmsaudit/audittrail.h>
#include <qmsaudit/keyfileprovider.h>

#include <QDir>
#include <QSet>

namespace QmsAudit::Bench {
namespace {

class TrailRecorder final : public Recorder
{
public:
    bool open(AuditTrailConfig config, QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
            return false;
        }
        config.logPath = m_dir.filePath(QStringLiteral("bench.qmslog"));
        config.keyFile = m_dir.filePath(QStringLiteral("bench.key"));
        if (auto generated = KeyFileProvider::generateKeyFile(config.keyFile); !generated) {
            *error = generated.error().message();
            return false;
        }
        if (auto opened = m_trail.open(config); !opened) {
            *error = opened.error().message();
            return false;
        }
        return true;
    }

    RecordTicket record(Event event) override { return m_trail.record(std::move(event)); }
    bool flush() override { return m_trail.flush(-1); }

    double eventsPerCommit() override
    {
        // Every event of one transaction carries the same recorded_at (AuditLog::appendAll
        // stamps the batch once), so distinct recorded_at values count the commits.
        QSet<qint64> commits;
        qint64 events = 0;
        PageRequest page{0, PageRequest::MaxLimit};
        while (true) {
            auto result = m_trail.query(EventFilter{}, page);
            if (!result)
                return 0;
            for (const Event &event : result->events)
                commits.insert(event.recordedAtUs);
            events += result->events.size();
            if (!result->hasMore)
                break;
            page.afterSeq = result->nextAfterSeq;
        }
        return commits.isEmpty() ? 0 : double(events) / double(commits.size());
    }

private:
    AuditTrail m_trail;
};

class SqliteRecorder final : public Recorder
{
public:
    bool open(const AuditTrailConfig &config, QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
            return false;
        }
        m_writer = PlainSqliteWriter::create(m_dir.filePath(QStringLiteral("bench.sqlite")), config, error);
        return m_writer != nullptr;
    }

    RecordTicket record(Event event) override { return m_writer->submit(std::move(event)); }
    bool flush() override { return m_writer->flush(-1); }

    double eventsPerCommit() override
    {
        const quint64 commits = m_writer->commitCount();
        return commits == 0 ? 0 : double(m_writer->submittedCount()) / double(commits);
    }

private:
    std::unique_ptr<PlainSqliteWriter> m_writer;
};

} // namespace

QString temporaryDirectoryTemplate()
{
    const QString base = qEnvironmentVariableIsEmpty("QMSAUDIT_BENCH_DIR") ? QDir::tempPath() : qEnvironmentVariable("QMSAUDIT_BENCH_DIR");
    return QDir(base).filePath(QStringLiteral("qmsaudit-bench-XXXXXX"));
}

const char *backendName(Backend backend)
{
    return backend == Backend::QmsAudit ? "qmsaudit" : "sqlite";
}

Recorder::Recorder()
    : m_dir(temporaryDirectoryTemplate())
{
}

Recorder::~Recorder() = default;

std::unique_ptr<Recorder> Recorder::open(Backend backend, AuditTrailConfig config, QString *error)
{
    if (backend == Backend::QmsAudit) {
        auto recorder = std::make_unique<TrailRecorder>();
        if (!recorder->open(std::move(config), error))
            return nullptr;
        return recorder;
    }
    auto recorder = std::make_unique<SqliteRecorder>();
    if (!recorder->open(config, error))
        return nullptr;
    return recorder;
}

} // namespace QmsAudit::Bench
