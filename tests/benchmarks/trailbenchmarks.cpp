// SPDX-License-Identifier: LGPL-2.1-or-later
#include "trailbenchmarks.h"

#include "latencysamples.h"
#include "recorder.h"

#include <benchmark/benchmark.h>

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace QmsAudit::Bench {
namespace {

using Durability = AuditTrailConfig::Durability;
using std::chrono::steady_clock;

constexpr int kBurst = 1000;           ///< buffered burst: calls between two flushes (queue holds 10000)
constexpr int kDefaultEventsPerRound = 512; ///< durable: events per iteration, split over the threads
constexpr int kTicketTimeoutMs = 60000;

/// A realistic event: mostly views, every fourth an edit with a reason and a field change.
Event benchEvent(int i)
{
    Event e;
    e.actor = {QStringLiteral("u%1").arg(i % 50), QStringLiteral("User %1").arg(i % 50), {QStringLiteral("qa_engineer")}};
    e.object = {QStringLiteral("procedure"), QStringLiteral("SOP-%1").arg(i % 400, 3, 10, QLatin1Char('0')), QStringLiteral("C"),
                QStringLiteral("Calibration of torque wrenches, line %1").arg(i % 12)};
    if (i % 4 == 3) {
        e.action = Action::Edit;
        e.reason = QStringLiteral("Annual review (CAPA-%1)").arg(i % 97);
        e.changes = {{QStringLiteral("interval_days"), QStringLiteral("365"), QString::number(180 + i % 30)}};
    } else {
        e.action = Action::View;
    }
    e.session = QStringLiteral("sess-%1").arg(i % 50);
    e.host = {QStringLiteral("QMS Desk"), QStringLiteral("4.2"), QStringLiteral("ws-%1").arg(i % 20)};
    return e;
}

/// $QMSAUDIT_BENCH_EVENTS_PER_ROUND (the smoke test makes rounds small) or kDefaultEventsPerRound.
int eventsPerRound()
{
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("QMSAUDIT_BENCH_EVENTS_PER_ROUND", &ok);
    return ok && fromEnvironment > 0 ? fromEnvironment : kDefaultEventsPerRound;
}

AuditTrailConfig configFor(Durability durability, int maxBatch)
{
    AuditTrailConfig config = AuditTrailConfig::defaults();
    config.durability = durability;
    config.maxBatch = maxBatch;
    config.host = {QStringLiteral("qmsaudit_benchmarks"), QStringLiteral("1"), QStringLiteral("bench")};
    return config;
}

std::unique_ptr<Recorder> openRecorder(benchmark::State &state, Backend backend, const AuditTrailConfig &config)
{
    QString error;
    auto recorder = Recorder::open(backend, config, &error);
    if (!recorder)
        state.SkipWithError(error.toStdString().c_str());
    return recorder;
}

/// Caller-side latency of record() in Buffered mode. @p ratePerSecond 0: bursts of kBurst.
void bufferedLatency(benchmark::State &state, Backend backend, int ratePerSecond)
{
    auto recorder = openRecorder(state, backend, configFor(Durability::Buffered, AuditTrailConfig::defaults().maxBatch));
    if (!recorder)
        return;
    LatencySamples samples;
    samples.reserve(std::size_t(state.max_iterations));
    const auto interval = ratePerSecond > 0 ? steady_clock::duration(std::chrono::nanoseconds(1'000'000'000 / ratePerSecond))
                                            : steady_clock::duration::zero();
    auto next = steady_clock::now();
    RecordTicket last;
    int i = 0;
    for (auto _ : state) {
        Event event = benchEvent(i);
        if (ratePerSecond > 0) {
            next += interval;
            std::this_thread::sleep_until(next);
        }
        const auto start = steady_clock::now();
        RecordTicket ticket = recorder->record(std::move(event));
        samples.add(steady_clock::now() - start);
        last = std::move(ticket);
        if (last.isFinished() && !last.isRecorded()) {
            state.SkipWithError(last.error().message().toStdString().c_str());
            break;
        }
        if (++i % kBurst == 0 && ratePerSecond == 0)
            recorder->flush();
    }
    recorder->flush();
    if (i > 0 && (!last.wait(kTicketTimeoutMs) || !last.isRecorded()))
        state.SkipWithError("the last event was not recorded");
    state.counters["p50_us"] = samples.percentileUs(0.50);
    state.counters["p99_us"] = samples.percentileUs(0.99);
    state.counters["max_us"] = samples.percentileUs(1.0);
}

/// Durable mode: @p threads callers, each records and waits on its ticket, eventsPerRound() per iteration.
void durableThroughput(benchmark::State &state, Backend backend, int threads, int maxBatch)
{
    auto recorder = openRecorder(state, backend, configFor(Durability::Durable, maxBatch));
    if (!recorder)
        return;
    const int perThread = std::max(1, eventsPerRound() / threads);
    std::atomic<int> failures{0};
    double seconds = 0;
    qint64 events = 0;
    int first = 0;
    for (auto _ : state) {
        std::latch ready(threads + 1);
        std::vector<std::thread> workers;
        workers.reserve(std::size_t(threads));
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&, base = first + t * perThread] {
                ready.arrive_and_wait();
                for (int k = 0; k < perThread; ++k) {
                    const RecordTicket ticket = recorder->record(benchEvent(base + k));
                    if (!ticket.wait(kTicketTimeoutMs) || !ticket.isRecorded())
                        ++failures;
                }
            });
        }
        ready.arrive_and_wait();
        const auto start = steady_clock::now();
        for (std::thread &worker : workers)
            worker.join();
        const double elapsed = std::chrono::duration<double>(steady_clock::now() - start).count();
        state.SetIterationTime(elapsed);
        seconds += elapsed;
        events += qint64(threads) * perThread;
        first += threads * perThread;
    }
    if (failures > 0) {
        state.SkipWithError((std::to_string(failures.load()) + " events were not recorded").c_str());
        return;
    }
    state.counters["events_per_s"] = seconds > 0 ? double(events) / seconds : 0;
    state.counters["events_per_commit"] = recorder->eventsPerCommit();
}

/// The disk's floor for a durable commit: one 4 KiB write plus fdatasync, wrapping at 4 MiB like
/// the WAL does after a checkpoint (1000 pages). Durable throughput cannot beat 1 / this latency
/// per writer thread.
void diskSyncFloor(benchmark::State &state)
{
    QTemporaryDir dir(temporaryDirectoryTemplate());
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("sync-floor")));
    const int fd = dir.isValid() ? ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
    if (fd < 0) {
        state.SkipWithError("cannot create the sync-floor file");
        return;
    }
    constexpr off_t kBlock = 4096;
    constexpr off_t kWrap = 1000 * kBlock;
    const std::vector<char> block(kBlock, 'q');
    off_t offset = 0;
    qint64 syncs = 0;
    const auto start = steady_clock::now();
    for (auto _ : state) {
        if (::pwrite(fd, block.data(), block.size(), offset) != kBlock || ::fdatasync(fd) != 0) {
            state.SkipWithError("write or fdatasync failed");
            break;
        }
        offset = (offset + kBlock) % kWrap;
        ++syncs;
    }
    const double seconds = std::chrono::duration<double>(steady_clock::now() - start).count();
    ::close(fd);
    state.counters["syncs_per_s"] = seconds > 0 ? double(syncs) / seconds : 0;
}

template<typename Function>
void registerPair(const std::string &scenario, Function function, bool manualTime)
{
    for (Backend backend : {Backend::QmsAudit, Backend::PlainSqlite}) {
        auto *bench = benchmark::RegisterBenchmark((scenario + '/' + backendName(backend)).c_str(),
                                                   [function, backend](benchmark::State &state) { function(state, backend); });
        bench->Unit(benchmark::kMicrosecond);
        if (manualTime)
            bench->UseManualTime();
        else
            bench->UseRealTime();
    }
}

} // namespace

void registerTrailBenchmarks()
{
    benchmark::RegisterBenchmark("disk_fsync_floor/raw", diskSyncFloor)->Unit(benchmark::kMicrosecond)->UseRealTime();
    registerPair("buffered_latency_burst", [](benchmark::State &s, Backend b) { bufferedLatency(s, b, 0); }, false);
    registerPair("buffered_latency_paced_1000", [](benchmark::State &s, Backend b) { bufferedLatency(s, b, 1000); }, false);
    const int defaultBatch = AuditTrailConfig::defaults().maxBatch;
    for (int threads : {1, 8, 32}) {
        registerPair("durable_" + std::to_string(threads) + "_threads",
                     [threads, defaultBatch](benchmark::State &s, Backend b) { durableThroughput(s, b, threads, defaultBatch); }, true);
    }
    for (int threads : {8, 32}) {
        registerPair("unbatched_durable_" + std::to_string(threads) + "_threads",
                     [threads](benchmark::State &s, Backend b) { durableThroughput(s, b, threads, 1); }, true);
    }
}

} // namespace QmsAudit::Bench
