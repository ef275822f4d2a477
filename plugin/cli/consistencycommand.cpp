// SPDX-License-Identifier: LGPL-2.1-or-later
#include "consistencycommand.h"

#include "anchoroptions.h"
#include "console.h"
#include "exitstatus.h"
#include "terminaltext.h"

#include <qmsaudit/checkpointcheck.h>
#include <qmsaudit/checkpointnote.h>
#include <qmsaudit/eventreader.h>

#include <iostream>

namespace QmsAudit::Cli {

int ConsistencyCommand::run(const CommandOptions &options, const std::vector<std::string> &args)
{
    if (args.size() != 2)
        return Console::usageError(QStringLiteral("consistency needs two checkpoint files, OLD and NEW; run 'qms-audit consistency --help'."));
    const QString oldPath = Console::fromArg(args[0]);
    const QString newPath = Console::fromArg(args[1]);
    auto oldNote = AnchorOptions::readNote(oldPath);
    if (!oldNote)
        return Console::fail(oldNote.error());
    auto newNote = AnchorOptions::readNote(newPath);
    if (!newNote)
        return Console::fail(newNote.error());
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    const QString origin = AnchorOptions::origin(options, opened->log->logId());
    auto key = AnchorOptions::trustedKey(options, AnchorOptions::keyName(options, origin));
    if (!key)
        return Console::fail(key.error());
    auto reader = opened->log->reader();
    if (!reader)
        return Console::fail(reader.error());

    auto older = CheckpointNote::open(*oldNote, {*key});
    if (!older)
        return Console::fail(Error(older.error().code(), QStringLiteral("The checkpoint %1 cannot be trusted: %2").arg(oldPath, older.error().message())));
    // NEW must be of this log and extended by it: then the log's tree of NEW's size is NEW's tree.
    auto newer = CheckpointCheck::compare(**reader, *newNote, {*key}, origin, newPath);
    if (!newer)
        return Console::fail(newer.error());
    if (older->origin() != origin)
        return Console::fail(Error(ErrorCode::IntegrityFailure, QStringLiteral("The checkpoint %1 is of %2, not of this log (%3).").arg(oldPath, older->origin(), origin)));
    if (older->treeSize() > newer->treeSize()) {
        return Console::fail(Error(ErrorCode::InvalidArgument, QStringLiteral("%1 (%2 events) is newer than %3 (%4 events); give the older first.")
                                                                   .arg(oldPath).arg(older->treeSize()).arg(newPath).arg(newer->treeSize())));
    }
    auto proof = (*reader)->consistencyProof(older->treeSize(), newer->treeSize());
    if (!proof)
        return Console::fail(proof.error());
    if (auto consistent = proof->verify(older->rootHash(), newer->rootHash()); !consistent) {
        return Console::fail(Error(ErrorCode::IntegrityFailure,
                                   QStringLiteral("%1 does not extend %2: the first %3 events are not those %2 vouches for, so the log was "
                                                  "rewritten between the two checkpoints (%4)")
                                       .arg(newPath, oldPath)
                                       .arg(older->treeSize())
                                       .arg(consistent.error().message())));
    }
    Console::printLine(std::cout, TerminalText::escaped(QStringLiteral("consistent: the %1 events of %2 are the first %1 of the %3 of %4")
                                                            .arg(older->treeSize())
                                                            .arg(oldPath)
                                                            .arg(newer->treeSize())
                                                            .arg(newPath)));
    Console::printLine(std::cout, QStringLiteral("proof: %1 hashes (RFC 9162 section 2.1.4)").arg(proof->hashes.size()));
    for (const QByteArray &hash : std::as_const(proof->hashes))
        Console::printLine(std::cout, QString::fromLatin1(hash.toHex()));
    std::cout.flush();
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
