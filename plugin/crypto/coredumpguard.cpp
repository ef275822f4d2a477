// SPDX-License-Identifier: LGPL-2.1-or-later
#include "crypto/coredumpguard_p.h"

#include <mutex>

#include <sys/prctl.h>

namespace QmsAudit {
namespace {

struct GuardState {
    std::mutex mutex;
    long holders = 0;
    bool wasDumpable = true;
};

GuardState &state()
{
    static GuardState s;
    return s;
}

} // namespace

void CoreDumpGuard::acquire()
{
    GuardState &s = state();
    const std::lock_guard lock(s.mutex);
    if (s.holders++ == 0) {
        s.wasDumpable = ::prctl(PR_GET_DUMPABLE) == 1;
        ::prctl(PR_SET_DUMPABLE, 0);
    }
}

void CoreDumpGuard::release()
{
    GuardState &s = state();
    const std::lock_guard lock(s.mutex);
    if (--s.holders == 0 && s.wasDumpable)
        ::prctl(PR_SET_DUMPABLE, 1);
}

} // namespace QmsAudit
