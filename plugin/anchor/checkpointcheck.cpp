// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpointcheck.h>

#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/eventreader.h>

namespace QmsAudit {

Result<Checkpoint> CheckpointCheck::compare(const EventReader &reader, QByteArrayView note, const QList<CheckpointVerifier> &trusted,
                                            const QString &origin, const QString &source)
{
    auto checkpoint = CheckpointNote::open(note, trusted);
    if (!checkpoint)
        return Error(checkpoint.error().code(), QStringLiteral("The checkpoint %1 cannot be trusted: %2").arg(source, checkpoint.error().message()));
    if (checkpoint->origin() != origin) {
        return Error(ErrorCode::IntegrityFailure,
                     QStringLiteral("The checkpoint %1 is of %2, not of this log (%3).").arg(source, checkpoint->origin(), origin));
    }
    auto head = reader.head(); // its seq is the number of events: no need for the whole tree head
    if (!head)
        return head.error();
    if (head->seq < checkpoint->treeSize()) {
        return Error(ErrorCode::IntegrityFailure,
                     QStringLiteral("The log has %1 events, but the checkpoint %2 vouches for %3: events were cut off or an older copy "
                                    "of the log was put back.")
                         .arg(head->seq)
                         .arg(source)
                         .arg(checkpoint->treeSize()));
    }
    auto then = reader.treeHeadAt(checkpoint->treeSize());
    if (!then)
        return then.error();
    if (then->rootHash != checkpoint->rootHash()) {
        return Error(ErrorCode::IntegrityFailure,
                     QStringLiteral("The first %1 events of the log are not those the checkpoint %2 vouches for: the log was rewritten "
                                    "after that checkpoint was made.")
                         .arg(checkpoint->treeSize())
                         .arg(source));
    }
    return checkpoint;
}

} // namespace QmsAudit
