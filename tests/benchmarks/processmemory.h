// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

namespace QmsAudit::Bench {

/// The process's memory as Linux reports it in /proc/self/status, in MB.
class ProcessMemory
{
public:
    /// The resident set now (VmRSS).
    static double residentMb();
    /// The peak resident set (VmHWM) since the start or the last resetPeak().
    static double peakMb();
    /// Starts a new peak (writing 5 to /proc/self/clear_refs, Linux 4.0+).
    static void resetPeak();
};

} // namespace QmsAudit::Bench
