// SPDX-License-Identifier: LGPL-2.1-or-later
#include "samplecommand.h"

#include "console.h"
#include "eventwriter.h"
#include "exitstatus.h"
#include "terminaltext.h"
#include "trailuserecorder.h"
#include "valueparsers.h"

#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsampler.h>

#include <iostream>
#include <limits>

namespace QmsAudit::Cli {

namespace {

/// The sample's definition, one line: what an inspector needs to re-draw and check it.
QString definition(const EventSample &sample)
{
    const SampleRequest &request = sample.request;
    return QStringLiteral("sample: filter=%1; up_to_seq=%2; seed=%3; size=%4; stratified=%5; population=%6; population_sha256=%7; "
                          "random=%8; targeted=%9")
        .arg(request.filter.describe())
        .arg(request.upToSeq)
        .arg(request.seed)
        .arg(request.size)
        .arg(request.stratified ? QStringLiteral("yes") : QStringLiteral("no"))
        .arg(sample.populationSize)
        .arg(QString::fromLatin1(sample.populationDigest.toHex()))
        .arg(sample.seqs.size())
        .arg(request.allDenied ? QString::number(sample.targetedSeqs.size()) : QStringLiteral("none"));
}

} // namespace

int SampleCommand::run(const CommandOptions &options)
{
    auto filter = options.eventFilter();
    if (!filter)
        return Console::fail(filter.error());
    SampleRequest request;
    request.filter = *filter;
    auto size = options.requiredValue("size");
    if (!size)
        return Console::fail(size.error());
    auto parsedSize = parseInteger(QStringLiteral("size"), *size, 1, SampleRequest::MaxSize);
    if (!parsedSize)
        return Console::fail(parsedSize.error());
    request.size = int(*parsedSize);
    auto seed = options.requiredValue("seed");
    if (!seed)
        return Console::fail(seed.error());
    auto parsedSeed = parseInteger(QStringLiteral("seed"), *seed, 0, std::numeric_limits<qint64>::max());
    if (!parsedSeed)
        return Console::fail(parsedSeed.error());
    request.seed = quint64(*parsedSeed);
    if (options.isSet("up-to-seq")) {
        auto upToSeq = parseInteger(QStringLiteral("up-to-seq"), options.value("up-to-seq"), 1, std::numeric_limits<qint64>::max());
        if (!upToSeq)
            return Console::fail(upToSeq.error());
        request.upToSeq = *upToSeq;
    }
    request.stratified = options.isSet("stratify");
    request.allDenied = options.isSet("denied");
    auto output = EventWriter::outputFromOptions(options, QStringLiteral("sample"));
    if (!output)
        return Console::fail(output.error());

    auto use = TrailUseRecorder::create(options, Action::TrailViewed, QStringLiteral("cli sample"));
    if (!use)
        return Console::fail(use.error());
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto reader = opened->log->reader();
    if (!reader)
        return Console::fail(reader.error());
    auto sample = EventSampler::draw(**reader, request);
    if (!sample)
        return Console::fail(sample.error());
    use->setAttributes(sample->recordedAttributes());
    if (auto checked = use->check(); !checked)
        return Console::fail(checked.error());

    // The filter quotes user input: never let it drive the terminal.
    Console::printLine(std::cerr, QStringLiteral("qms-audit: ") + TerminalText::escaped(definition(*sample)));
    // The random picks, then the targeted ones (definition: how many of each).
    QList<Event> events;
    for (const QList<qint64> *seqs : {&sample->seqs, &sample->targetedSeqs}) {
        for (qint64 seq : *seqs) {
            auto event = opened->log->eventAt(seq);
            if (!event)
                return Console::fail(event.error());
            events.append(*event);
        }
    }
    EventWriter writer(output->format, std::cout, output->cells);
    if (auto written = writer.write(events); !written)
        return Console::fail(written.error());
    if (auto finished = writer.finish(); !finished)
        return Console::fail(finished.error());
    return use->record(*opened->log, toInt(ExitStatus::Ok));
}

} // namespace QmsAudit::Cli
