// SPDX-License-Identifier: LGPL-2.1-or-later
#include "export/backgroundeventparser_p.h"

namespace QmsAudit {

BackgroundEventParser::BackgroundEventParser(QIODevice &input, qint64 maxLineBytes, Parse parse, qint64 maxQueuedBytes)
    : m_reader(input, maxLineBytes)
    , m_parse(std::move(parse))
    , m_maxQueuedBytes(maxQueuedBytes)
    , m_thread([this] { run(); })
{
}

BackgroundEventParser::~BackgroundEventParser()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_roomFree.notify_all();
    m_thread.join();
}

void BackgroundEventParser::run()
{
    while (true) {
        auto line = m_reader.next();
        const qint64 number = m_reader.lineNumber();
        if (!line) {
            push({line.error(), number}, 0);
            return;
        }
        if (!*line) {
            {
                std::lock_guard lock(m_mutex);
                m_sha256 = m_reader.sha256();
            }
            push({std::optional<Event>(), number}, 0);
            return;
        }
        if ((*line)->trimmed().isEmpty())
            continue;
        const qint64 bytes = (*line)->size();
        auto event = m_parse(**line);
        const bool failed = !event;
        Item item{failed ? Result<std::optional<Event>>(event.error()) : Result<std::optional<Event>>(std::optional<Event>(std::move(*event))),
                  number};
        if (!push(std::move(item), bytes) || failed)
            return;
    }
}

bool BackgroundEventParser::push(Item item, qint64 bytes)
{
    std::unique_lock lock(m_mutex);
    m_roomFree.wait(lock, [&] { return m_stopping || m_queue.empty() || m_queuedBytes + bytes <= m_maxQueuedBytes; });
    if (m_stopping)
        return false;
    m_queuedBytes += bytes;
    m_queue.emplace_back(std::move(item), bytes);
    lock.unlock();
    m_itemReady.notify_one();
    return true;
}

BackgroundEventParser::Item BackgroundEventParser::next()
{
    std::unique_lock lock(m_mutex);
    if (m_final)
        return *m_final;
    m_itemReady.wait(lock, [&] { return !m_queue.empty(); });
    auto [item, bytes] = std::move(m_queue.front());
    m_queue.pop_front();
    m_queuedBytes -= bytes;
    if (!item.event || !*item.event)
        m_final = item; // nothing follows the end or an error
    lock.unlock();
    m_roomFree.notify_one();
    return item;
}

QByteArray BackgroundEventParser::inputSha256() const
{
    std::lock_guard lock(m_mutex);
    return m_sha256;
}

} // namespace QmsAudit
