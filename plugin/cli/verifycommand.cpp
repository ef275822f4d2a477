// SPDX-License-Identifier: LGPL-2.1-or-later
#include "verifycommand.h"

#include "anchoroptions.h"
#include "console.h"
#include "exitstatus.h"
#include "terminaltext.h"
#include "trailuserecorder.h"
#include "valueparsers.h"

#include <qmsaudit/checkpointcheck.h>
#include <qmsaudit/checkpointpublisher.h>

#include <iostream>

namespace QmsAudit::Cli {

namespace {

QString describeFinding(const VerificationFinding &finding)
{
    QString line = QStringLiteral("  ") + findingKindName(finding.kind);
    if (finding.seq > 0)
        line += QStringLiteral(" at seq %1").arg(finding.seq);
    if (!finding.detail.isEmpty())
        line += QStringLiteral(": ") + TerminalText::escaped(finding.detail);
    return line;
}

/// The checkpoints to compare the log with: each --checkpoint file, and the newest of the one
/// beside the log and those of the anchors. Each as (note, where it came from).
Result<QList<std::pair<QByteArray, QString>>> checkpointsToCompare(const CommandOptions &options, const AuditLog &log, const QString &origin)
{
    QList<std::pair<QByteArray, QString>> checkpoints;
    for (const QString &path : options.values("checkpoint")) {
        auto note = AnchorOptions::readNote(path);
        if (!note)
            return note.error();
        checkpoints.append({*note, path});
    }
    auto newest = CheckpointPublisher::newest(log.path(), origin, AnchorOptions::sinks(options));
    if (!newest)
        return newest.error();
    if (*newest)
        checkpoints.append(**newest);
    return checkpoints;
}

bool comparesCheckpoints(const CommandOptions &options)
{
    return options.isSet("public-key") || options.isSet("checkpoint") || options.isSet("anchor-dir") || options.isSet("anchor-file");
}

} // namespace

int VerifyCommand::run(const CommandOptions &options)
{
    std::optional<ExpectedHead> expected;
    if (options.isSet("expect-head")) {
        auto parsed = parseExpectedHead(options.value("expect-head"));
        if (!parsed)
            return Console::fail(parsed.error());
        expected = *parsed;
    }
    auto use = TrailUseRecorder::create(options, Action::TrailVerified, QStringLiteral("cli verify"));
    if (!use)
        return Console::fail(use.error());
    if (expected) {
        use->setAttribute(QStringLiteral("expected_head"),
            QStringLiteral("%1:%2").arg(expected->seq).arg(QString::fromLatin1(expected->hash.toHex())));
    }
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());

    // Recorded after the check, whatever its verdict: "result" says which; the outcome is success
    // because the verification itself ran.
    const VerificationReport report = opened->log->verify();
    use->setAttribute(QStringLiteral("event_count"), QString::number(report.eventCount));
    use->setAttribute(QStringLiteral("last_seq"), QString::number(report.lastSeq));
    if (!report.ok) {
        Console::printLine(std::cout, report.summary());
        for (const VerificationFinding &finding : report.findings)
            Console::printLine(std::cout, describeFinding(finding));
        std::cout.flush();
        use->setAttribute(QStringLiteral("result"), QStringLiteral("failed"));
        if (!report.headHash.isEmpty())
            use->setAttribute(QStringLiteral("head_hash"), QString::fromLatin1(report.headHash.toHex()));
        if (const qint64 firstBad = report.firstBadSeq(); firstBad > 0)
            use->setAttribute(QStringLiteral("first_bad_seq"), QString::number(firstBad));
        const int failed = Console::fail(Error(ErrorCode::IntegrityFailure,
            QStringLiteral("The log %1 failed verification; it may have been tampered with or damaged.").arg(options.value("log"))));
        return use->record(*opened->log, failed);
    }

    QByteArray headHash = report.headHash;
    if (headHash.isEmpty()) {
        // An empty log: its head is the genesis value derived from the log id.
        auto head = opened->log->head();
        if (!head)
            return Console::fail(head.error());
        headHash = head->hash;
    }
    use->setAttribute(QStringLiteral("head_hash"), QString::fromLatin1(headHash.toHex()));

    QString anchorLine;
    if (expected) {
        QString problem;
        if (expected->seq > report.lastSeq) {
            problem = QStringLiteral("FAILED: event %1 is not in the log (last seq %2)").arg(expected->seq).arg(report.lastSeq);
        } else {
            auto event = opened->log->eventAt(expected->seq);
            if (!event)
                return Console::fail(event.error());
            if (event->hash != expected->hash) {
                problem = QStringLiteral("FAILED: event %1 has hash %2, expected %3")
                              .arg(expected->seq)
                              .arg(QString::fromLatin1(event->hash.toHex()), QString::fromLatin1(expected->hash.toHex()));
            }
        }
        if (!problem.isEmpty()) {
            Console::printLine(std::cout, problem);
            std::cout.flush();
            use->setAttribute(QStringLiteral("result"), QStringLiteral("failed"));
            const int failed = Console::fail(Error(ErrorCode::IntegrityFailure,
                QStringLiteral("The log %1 does not contain the expected head; events may have been removed or rewritten.")
                    .arg(options.value("log"))));
            return use->record(*opened->log, failed);
        }
        anchorLine = QStringLiteral("expected head at seq %1 matches").arg(expected->seq);
    }

    QStringList checkpointLines;
    if (comparesCheckpoints(options)) {
        const QString origin = AnchorOptions::origin(options, opened->log->logId());
        auto key = AnchorOptions::trustedKey(options, AnchorOptions::keyName(options, origin));
        if (!key)
            return Console::fail(key.error());
        auto checkpoints = checkpointsToCompare(options, *opened->log, origin);
        if (!checkpoints)
            return Console::fail(checkpoints.error());
        if (checkpoints->isEmpty())
            return Console::fail(Error(ErrorCode::NotFound, QStringLiteral("No checkpoint of %1 was found to compare the log with.").arg(origin)));
        auto reader = opened->log->reader();
        if (!reader)
            return Console::fail(reader.error());
        for (const auto &[note, source] : std::as_const(*checkpoints)) {
            auto compared = CheckpointCheck::compare(**reader, note, {*key}, origin, source);
            if (!compared) {
                Console::printLine(std::cout, QStringLiteral("FAILED: ") + TerminalText::escaped(compared.error().message()));
                std::cout.flush();
                use->setAttribute(QStringLiteral("result"), QStringLiteral("failed"));
                use->setAttribute(QStringLiteral("checkpoint"), source);
                return use->record(*opened->log, Console::fail(compared.error()));
            }
            checkpointLines.append(QStringLiteral("checkpoint %1: the log extends its %2 events, root %3")
                                       .arg(TerminalText::escaped(source))
                                       .arg(compared->treeSize())
                                       .arg(QString::fromLatin1(compared->rootHash().toHex())));
        }
        use->setAttribute(QStringLiteral("tree_root"), QString::fromLatin1(report.treeRoot.toHex()));
    }

    Console::printLine(
        std::cout, QStringLiteral("OK %1 events, head %2").arg(report.eventCount).arg(QString::fromLatin1(headHash.toHex())));
    for (const QString &line : std::as_const(checkpointLines))
        Console::printLine(std::cout, line);
    if (!anchorLine.isEmpty())
        Console::printLine(std::cout, anchorLine);
    std::cout.flush();
    use->setAttribute(QStringLiteral("result"), QStringLiteral("ok"));
    return use->record(*opened->log, toInt(ExitStatus::Ok));
}

} // namespace QmsAudit::Cli
