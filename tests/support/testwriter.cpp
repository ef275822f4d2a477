// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit-test-writer LOG KEYFILE COUNT [TAG]
// Appends COUNT events (0 = until killed) and prints each acknowledged seq on its own line,
// flushed, only after append() returned success: the parent treats printed seqs as durable.
#include <qmsaudit/auditlog.h>
#include <qmsaudit/keyfileprovider.h>

#include <QString>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: qmsaudit-test-writer LOG KEYFILE COUNT [TAG]\n");
        return 1;
    }
    const QString tag = argc > 4 ? QString::fromLocal8Bit(argv[4]) : QStringLiteral("writer");
    QmsAudit::KeyFileProvider keys(QString::fromLocal8Bit(argv[2]));
    auto log = QmsAudit::AuditLog::open(QString::fromLocal8Bit(argv[1]), keys);
    if (!log) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error().message()));
        return 2;
    }
    const long count = std::strtol(argv[3], nullptr, 10);
    for (long i = 0; count == 0 || i < count; ++i) {
        QmsAudit::Event e;
        e.actor.id = tag;
        e.action = QmsAudit::Action::View;
        e.object = {QStringLiteral("procedure"), QStringLiteral("SOP-%1").arg(i % 50), QString(), QStringLiteral("Writer %1 event %2").arg(tag).arg(i)};
        auto seq = (*log)->append(e);
        if (!seq) {
            std::fprintf(stderr, "%s\n", qPrintable(seq.error().message()));
            return 4;
        }
        std::printf("%lld\n", static_cast<long long>(*seq));
        std::fflush(stdout);
    }
    return 0;
}
