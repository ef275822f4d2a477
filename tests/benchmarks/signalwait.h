// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <functional>

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

} // namespace QmsAudit::Bench
