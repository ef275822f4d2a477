// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "benchmarkfilters.h"

#include <qmsaudit/keyfileprovider.h>

#include "storage/connection_p.h"

#include <QString>

#include <functional>
#include <memory>

namespace QmsAudit {
class EventListModel;
class EventReader;
}

namespace QmsAudit::Bench {

/**
 * The model figures of docs/performance.md: EventListModel on one log, measured as a view sees it
 * (from the call on the GUI thread to the signal that delivers the rows, the queries running on
 * the model's query thread), each beside a raw SQCipher lookup of the same rows on the same file
 * in the same run. Per filter kind: the first page, the last page (jumpToEnd) and the count; then
 * the resident memory while the model scrolls from the first row of the whole log to its last.
 */
class ModelBenchmark
{
public:
    ModelBenchmark(QString logPath, QString keyFile, int repetitions);
    ~ModelBenchmark();
    /// Runs every figure; false on an error or a wrong result.
    bool run();

private:
    bool filterFigures(const BenchmarkFilter &kind);
    double rawNewestPageMs(const BenchmarkFilter &kind);
    bool scrollFigure();

    QString m_logPath;
    KeyFileProvider m_keys;
    int m_repetitions;
    std::shared_ptr<const EventReader> m_reader;
    std::unique_ptr<EventListModel> m_model;
    std::unique_ptr<Connection> m_raw;
};

} // namespace QmsAudit::Bench
