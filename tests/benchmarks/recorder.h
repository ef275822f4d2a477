// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/audittrailconfig.h>
#include <qmsaudit/event.h>
#include <qmsaudit/recordticket.h>

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace QmsAudit::Bench {

/// What a benchmark writes to: the real trail, or the plain-SQLite baseline.
enum class Backend {
    QmsAudit,    ///< AuditTrail on an encrypted SQLCipher log (KeyFileProvider, raw key)
    PlainSqlite, ///< PlainSqliteWriter on the system libsqlite3
};

const char *backendName(Backend backend);
/// QTemporaryDir template under $QMSAUDIT_BENCH_DIR if set, else QDir::tempPath().
QString temporaryDirectoryTemplate();

/**
 * One fresh log in a temporary directory of its own, written by @ref Backend with the queue and
 * batching settings of an AuditTrailConfig (durability, maxBatch, flushIntervalMs, queue).
 * The directory comes from temporaryDirectoryTemplate(): both backends always share one file
 * system.
 */
class Recorder
{
public:
    /// nullptr and @p error on failure. @p config's log path and key source are filled in here.
    static std::unique_ptr<Recorder> open(Backend backend, AuditTrailConfig config, QString *error);
    virtual ~Recorder();

    /// AuditTrail::record() or PlainSqliteWriter::submit().
    virtual RecordTicket record(Event event) = 0;
    /// Waits until everything recorded so far is committed.
    virtual bool flush() = 0;
    /// Average events per committed transaction since open() (call after flush()).
    virtual double eventsPerCommit() = 0;

protected:
    Recorder();
    QTemporaryDir m_dir;
};

} // namespace QmsAudit::Bench
