// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpoint.h>
#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>

#include <QByteArrayView>
#include <QList>

namespace QmsAudit {

class EventReader;

/**
 * Compares a log with a checkpoint kept outside it (docs/anchors.md). A log that was cut short,
 * lost its newest events with its -wal file, was put back from an older copy or was rewritten
 * since the checkpoint no longer extends it: its tree of the checkpoint's size has another root,
 * or it has fewer events than the checkpoint. The root is read from the stored tree, which
 * verify recomputes from the events: run verify as well to rule out a doctored tree.
 */
class QMSAUDIT_EXPORT CheckpointCheck
{
public:
    /**
     * Opens @p note with the @p trusted keys (SignatureInvalid if none of them signed it), checks
     * that it is a checkpoint of @p origin and that the log read by @p reader extends it
     * (IntegrityFailure naming @p source otherwise). Returns the checkpoint.
     */
    static Result<Checkpoint> compare(const EventReader &reader, QByteArrayView note, const QList<CheckpointVerifier> &trusted,
                                      const QString &origin, const QString &source);
};

} // namespace QmsAudit
