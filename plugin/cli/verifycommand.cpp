// SPDX-License-Identifier: LGPL-2.1-or-later
#include "verifycommand.h"

#include "console.h"
#include "exitstatus.h"
#include "terminaltext.h"
#include "valueparsers.h"

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
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());

    const VerificationReport report = opened->log->verify();
    if (!report.ok) {
        Console::printLine(std::cout, report.summary());
        for (const VerificationFinding &finding : report.findings)
            Console::printLine(std::cout, describeFinding(finding));
        std::cout.flush();
        return Console::fail(Error(ErrorCode::IntegrityFailure,
            QStringLiteral("The log %1 failed verification; it may have been tampered with or damaged.").arg(options.value("log"))));
    }

    QByteArray headHash = report.headHash;
    if (headHash.isEmpty()) {
        // An empty log: its head is the genesis value derived from the log id.
        auto head = opened->log->head();
        if (!head)
            return Console::fail(head.error());
        headHash = head->hash;
    }

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
            return Console::fail(Error(ErrorCode::IntegrityFailure,
                QStringLiteral("The log %1 does not contain the expected head; events may have been removed or rewritten.")
                    .arg(options.value("log"))));
        }
        anchorLine = QStringLiteral("expected head at seq %1 matches").arg(expected->seq);
    }

    Console::printLine(
        std::cout, QStringLiteral("OK %1 events, head %2").arg(report.eventCount).arg(QString::fromLatin1(headHash.toHex())));
    if (!anchorLine.isEmpty())
        Console::printLine(std::cout, anchorLine);
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
