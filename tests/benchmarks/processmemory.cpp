// SPDX-License-Identifier: LGPL-2.1-or-later
#include "processmemory.h"

#include <QFile>

namespace QmsAudit::Bench {
namespace {

double statusField(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

double ProcessMemory::residentMb()
{
    return statusField("VmRSS:");
}

double ProcessMemory::peakMb()
{
    return statusField("VmHWM:");
}

void ProcessMemory::resetPeak()
{
    QFile file(QStringLiteral("/proc/self/clear_refs"));
    if (file.open(QIODevice::WriteOnly))
        file.write("5");
}

} // namespace QmsAudit::Bench
