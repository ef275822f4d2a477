// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/merklecheckthread_p.h"

#include <system_error>

namespace QmsAudit {

MerkleCheckThread::MerkleCheckThread(Connection &connection)
    : m_check(connection)
{
    try {
        m_thread = std::thread([this] { run(); });
    } catch (const std::system_error &) { // no thread to be had: check on the scan's thread
    }
}

MerkleCheckThread::~MerkleCheckThread()
{
    stop();
}

void MerkleCheckThread::add(QByteArrayView payload)
{
    if (!m_thread.joinable()) {
        m_check.add(payload);
        return;
    }
    m_filling.bytes.append(payload.data(), size_t(payload.size()));
    m_filling.ends.push_back(m_filling.bytes.size());
    if (m_filling.ends.size() == ChunkEvents)
        push();
}

void MerkleCheckThread::push()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < QueuedChunks; });
    m_queue.push_back(std::move(m_filling));
    m_filling = {};
    m_filling.ends.reserve(ChunkEvents);
    m_changed.notify_all();
}

void MerkleCheckThread::run()
{
    while (true) {
        Chunk chunk;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_closed || m_dropped; });
            if (m_dropped || m_queue.empty())
                return;
            chunk = std::move(m_queue.front());
            m_queue.pop_front();
            m_changed.notify_all();
        }
        size_t begin = 0;
        for (const size_t end : chunk.ends) {
            m_check.add(QByteArrayView(chunk.bytes.data() + begin, qsizetype(end - begin)));
            begin = end;
        }
    }
}

void MerkleCheckThread::finish(VerificationReport &report)
{
    if (!m_filling.ends.empty() && m_thread.joinable())
        push();
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_check.finish(report);
}

void MerkleCheckThread::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_dropped = true;
        m_closed = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace QmsAudit
