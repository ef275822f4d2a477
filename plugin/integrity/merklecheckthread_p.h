// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "integrity/merklecheck_p.h"

#include <QByteArrayView>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace QmsAudit {

class Connection;

/**
 * Runs a MerkleCheck on a thread of its own beside the chain scan. Recomputing the tree hashes
 * every event twice more (leaf and node) and reads a stored row per event: about a sixth of the
 * scan thread's work on a big log, while verify's second thread (quick_check, text index) has time
 * to spare. The payloads are copied into chunks, a bounded queue of them hands them over. If no
 * thread can be started, the check runs on the caller's thread instead.
 *
 * The check reads the stored rows through the scan's own connection, so that it sees the scan's
 * read transaction (a connection of its own could see a later snapshot with more subtrees).
 * Connections are opened SQLITE_OPEN_FULLMUTEX: SQLite serialises the two threads' calls. Call
 * finish() or stop() before the read transaction ends.
 */
class MerkleCheckThread
{
public:
    explicit MerkleCheckThread(Connection &connection);
    ~MerkleCheckThread(); ///< stop()
    MerkleCheckThread(const MerkleCheckThread &) = delete;
    MerkleCheckThread &operator=(const MerkleCheckThread &) = delete;

    /// Adds the record with canonical encoding @p payload as the next leaf (copied).
    void add(QByteArrayView payload);
    /// Checks what was added, waits for the thread, then MerkleCheck::finish().
    void finish(VerificationReport &report);
    /// Drops what was not checked yet and waits for the thread: a scan that ends early.
    void stop();

private:
    /// Payloads back to back, and where each ends.
    struct Chunk {
        std::string bytes;
        std::vector<size_t> ends;
    };
    static constexpr size_t ChunkEvents = 1024;
    static constexpr size_t QueuedChunks = 8;

    void push();
    void run();

    MerkleCheck m_check; ///< used by the thread only, until it is joined
    Chunk m_filling; ///< the scan's chunk being filled
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_queue;
    bool m_closed = false; ///< no more chunks will come
    bool m_dropped = false; ///< stop(): the thread ignores what is queued
    std::thread m_thread; ///< not joinable: the check runs in add() on the caller's thread
};

} // namespace QmsAudit
