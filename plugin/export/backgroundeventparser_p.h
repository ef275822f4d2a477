// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "export/linereader_p.h"

#include <qmsaudit/event.h>
#include <qmsaudit/result.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

class QIODevice;

namespace QmsAudit {

/**
 * Reads JSON Lines and parses them into events on a thread of its own, a bounded distance ahead
 * of the caller, so that an import parses on one core while the writer inserts on another
 * (docs/performance.md, import). Blank lines are skipped. After the first error nothing more is
 * read. The destructor stops the thread, wherever it is.
 */
class BackgroundEventParser
{
public:
    using Parse = std::function<Result<Event>(const QByteArray &line)>;

    /// One parsed line: an event, the end of the input (std::nullopt), or the line's error.
    struct Item {
        Result<std::optional<Event>> event;
        qint64 line = 0; ///< 1-based line number in the input
    };

    /// At most @p maxQueuedBytes of input lines wait parsed in the queue (always at least one line).
    BackgroundEventParser(QIODevice &input, qint64 maxLineBytes, Parse parse, qint64 maxQueuedBytes = 8 << 20);
    ~BackgroundEventParser();
    BackgroundEventParser(const BackgroundEventParser &) = delete;
    BackgroundEventParser &operator=(const BackgroundEventParser &) = delete;

    /// Blocks until the next item is parsed. After an error or the end, returns it again.
    Item next();
    /// SHA-256 of the whole input; valid once next() has returned the end.
    QByteArray inputSha256() const;

private:
    void run();
    bool push(Item item, qint64 bytes);

    LineReader m_reader;
    const Parse m_parse;
    const qint64 m_maxQueuedBytes;

    mutable std::mutex m_mutex;
    std::condition_variable m_itemReady;
    std::condition_variable m_roomFree;
    std::deque<std::pair<Item, qint64>> m_queue; ///< items and the bytes of their lines
    qint64 m_queuedBytes = 0;
    std::optional<Item> m_final; ///< the end or the error, handed out again on every later next()
    bool m_stopping = false;
    QByteArray m_sha256;
    std::thread m_thread; // last: starts once every member above exists
};

} // namespace QmsAudit
