// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace QmsAudit {

/**
 * While any key is held (SecretKey calls acquire() and release()), the process is not dumpable:
 * a core dump would hold the key, since SQLCipher keeps its own copies for every open connection
 * that nothing can wipe while they are open, and ptrace by other processes of the same user is
 * refused as well. The state the process had before the first key is restored when the last one
 * is gone (a host that made itself non-dumpable stays so). See docs/keys.md.
 */
class CoreDumpGuard
{
public:
    static void acquire();
    static void release();
};

} // namespace QmsAudit
