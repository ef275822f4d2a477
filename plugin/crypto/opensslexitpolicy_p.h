// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace QmsAudit {

/**
 * Asks OpenSSL not to free its global state in an atexit handler (OPENSSL_INIT_NO_ATEXIT), before
 * anything else initialises it. Qt's QThread::wait() returns before the thread's pthread
 * thread-specific data is destroyed (Qt threads are detached), so a QThreadPool thread that read a
 * log can still be freeing its OpenSSL per-thread state while exit() runs OPENSSL_cleanup: "double
 * free or corruption" at exit, now and then (docs/design-notes.md, pitfall 24). The process is
 * ending; its memory goes back to the system either way. Idempotent, and cheap after the first
 * call; without effect if OpenSSL was initialised before (the host's choice then stands).
 */
void keepOpenSslStateUntilExit();

} // namespace QmsAudit
