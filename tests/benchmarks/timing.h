// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// What the read, model and view benchmarks share to take a figure and print it.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace QmsAudit::Bench {

/**
 * Calls @p trigger, then runs the event loop until @p done holds, checked at once and after each
 * @p signal of @p sender: what a view waits for, with the queries on their own threads. Returns
 * the milliseconds from the trigger to done, or -1 after @p timeoutMs.
 */
template <typename Sender, typename Signal>
double msUntil(const Sender *sender, Signal signal, const std::function<void()> &trigger, const std::function<bool()> &done, int timeoutMs = 300000)
{
    QEventLoop loop;
    bool reached = false;
    double elapsedMs = -1;
    QElapsedTimer timer;
    auto check = [&] {
        if (reached || !done())
            return;
        reached = true;
        elapsedMs = double(timer.nsecsElapsed()) / 1e6;
        loop.quit();
    };
    const QMetaObject::Connection connection = QObject::connect(sender, signal, &loop, check);
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start();
    trigger();
    check();
    if (!reached) {
        timeout.start(timeoutMs);
        loop.exec();
    }
    QObject::disconnect(connection);
    return elapsedMs;
}

/// The milliseconds from @p trigger to the next @p signal of @p sender, or -1 after @p timeoutMs.
template <typename Sender, typename Signal>
double msUntilSignal(const Sender *sender, Signal signal, const std::function<void()> &trigger, int timeoutMs = 300000)
{
    bool emitted = false;
    QObject guard;
    QObject::connect(sender, signal, &guard, [&] { emitted = true; });
    return msUntil(sender, signal, trigger, [&] { return emitted; }, timeoutMs);
}

/**
 * The median of @p repetitions runs of @p measure (each returns its milliseconds, or a negative
 * value when it failed) after one warm-up run: every figure is taken with the pages it needs in
 * the OS page cache, as on a machine that reads the log often. -1 if any run failed.
 */
inline double medianMs(int repetitions, const std::function<double()> &measure)
{
    if (measure() < 0)
        return -1;
    std::vector<double> times;
    for (int i = 0; i < repetitions; ++i) {
        const double time = measure();
        if (time < 0)
            return -1;
        times.push_back(time);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// One line of a benchmark's figures on stdout, flushed (a long run shows its figures as they come).
inline void printLine(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

/// "0.42 ms", "120 ms", or "TIMEOUT" for a failed figure.
inline QString formatMs(double value)
{
    if (value < 0)
        return QStringLiteral("TIMEOUT");
    return value < 10 ? QString::number(value, 'f', 2) + QStringLiteral(" ms") : QString::number(value, 'f', 0) + QStringLiteral(" ms");
}

} // namespace QmsAudit::Bench
