// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/eventreader.h>

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace QmsAudit {

/**
 * Runs read-side queries on a thread of its own, so that no query ever runs on the GUI thread.
 * Each job carries the generation of the request it answers: a job whose generation is older
 * than the newest one asked for is skipped before it reaches SQLite (a newer request
 * supersedes it), and the job that is running when it is superseded sees its cancel flag set
 * (EventReader::count() stops on it). Results are delivered to the receiver's thread, and
 * dropped if the receiver is gone.
 */
class EventQueryWorker
{
public:
    EventQueryWorker();
    ~EventQueryWorker(); ///< waits for the job that is running, skips the rest

    void setReader(std::shared_ptr<const EventReader> reader);
    bool hasReader() const { return m_reader != nullptr; }
    const std::shared_ptr<const EventReader> &reader() const { return m_reader; }

    /// Marks every job of an older generation as superseded, sets their cancel flag, and
    /// returns the new generation.
    quint64 supersede();
    quint64 generation() const { return m_latest->load(); }

    /// Runs @p job(reader, cancel) on the worker thread unless superseded, then @p deliver(result)
    /// on @p receiver's thread unless the receiver is gone or the generation was superseded meanwhile.
    template<typename T>
    void run(QObject *receiver, quint64 generation, std::function<T(const EventReader &, const std::atomic_bool &cancel)> job,
             std::function<void(T)> deliver)
    {
        auto reader = m_reader;
        auto latest = m_latest;
        auto cancel = m_cancel;
        post([=] {
            if (!reader || latest->load() != generation)
                return;
            T result = job(*reader, *cancel);
            QMetaObject::invokeMethod(
                receiver,
                [=] {
                    if (latest->load() == generation)
                        deliver(result);
                },
                Qt::QueuedConnection);
        });
    }

private:
    void post(std::function<void()> task);

    QThread m_thread;
    QObject *m_context; ///< lives on m_thread: queued tasks run there
    std::shared_ptr<const EventReader> m_reader;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    /// The current generation's cancel flag: set, and replaced, by supersede().
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
};

} // namespace QmsAudit
