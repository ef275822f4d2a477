// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "benchmarkfilters.h"

#include <QString>

#include <functional>
#include <memory>

class QObject;
class QQmlEngine;
class QQuickItem;
class QQuickWindow;

namespace QmsAudit {
class EventReader;
}

namespace QmsAudit::Bench {

/**
 * The view figures of docs/performance.md: AuditLogView of the QML module in a 1280×800 window,
 * timed to the frame that shows the rows (QQuickWindow::frameSwapped), as an auditor sees it:
 * opening the log and the view, opening a view on a log already open, a filter change per filter
 * kind, and the resident memory while the table pages from a filter's first row to its last.
 */
class ViewBenchmark
{
public:
    ViewBenchmark(QString logPath, QString keyFile, int repetitions);
    ~ViewBenchmark();
    /// Runs every figure; false on an error or a wrong result.
    bool run();

private:
    /// Creates an AuditLogView (with its own AuditLogSource when @p source is null) and times it
    /// to the first frame that shows its rows; the view stays in m_view.
    double openViewMs(QObject *source);
    /// Sets @p kind's filter on the open view and times it to the first frame with its rows.
    double filterChangeMs(const BenchmarkFilter &kind);
    bool scrollFigure(const BenchmarkFilter &kind);
    /// Runs until the frame after @p trigger in which @p done holds (checked after each frame).
    double msToFrame(const std::function<void()> &trigger, const std::function<bool()> &done);
    QObject *model() const;
    void closeView();

    QString m_logPath;
    QString m_keyFile;
    int m_repetitions;
    std::shared_ptr<const EventReader> m_reader;
    std::unique_ptr<QQmlEngine> m_engine;
    std::unique_ptr<QQuickWindow> m_window;
    QQuickItem *m_root = nullptr; ///< the QML scene: makes sources and views
    QObject *m_source = nullptr;  ///< a source opened once, for the views that share it
    QObject *m_view = nullptr;
    QObject *m_ownSource = nullptr; ///< the source openViewMs() made with the view
};

} // namespace QmsAudit::Bench
