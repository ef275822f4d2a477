// SPDX-License-Identifier: LGPL-2.1-or-later
#include "viewbenchmark.h"

#include "processmemory.h"
#include "timing.h"

#include <qmsaudit/eventlistmodel.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/keyfileprovider.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimeZone>

#include <algorithm>
#include <vector>

namespace QmsAudit::Bench {
namespace {

// The scene: a source as the standalone viewer makes it (read-only, an auditor's permissions),
// and the browser a host shows with `AuditLogView { log: src }`.
constexpr const char *kScene = R"(
import QtQuick
import QmsAudit
Item {
    id: root
    width: 1280
    height: 800
    property string logPath
    property string keyFile
    Component {
        id: sourceComponent
        AuditLogSource { logPath: root.logPath; keyFile: root.keyFile; viewer: ({ id: "bench", name: "Benchmark", roles: ["auditor"] }) }
    }
    Component {
        id: viewComponent
        AuditLogView { width: root.width; height: root.height }
    }
    function openSource() { return sourceComponent.createObject(root); }
    function openView(source) { return viewComponent.createObject(root, { log: source }); }
}
)";

QDateTime utc(const std::optional<qint64> &micros)
{
    return micros ? QDateTime::fromMSecsSinceEpoch(*micros / 1000, QTimeZone::utc()) : QDateTime();
}

} // namespace

ViewBenchmark::ViewBenchmark(QString logPath, QString keyFile, int repetitions)
    : m_logPath(std::move(logPath))
    , m_keyFile(std::move(keyFile))
    , m_repetitions(repetitions)
{
}

ViewBenchmark::~ViewBenchmark()
{
    closeView();
    delete m_root;
}

double ViewBenchmark::msToFrame(const std::function<void()> &trigger, const std::function<bool()> &done)
{
    // Only a frame rendered after the trigger counts: frameSwapped comes once it is on screen.
    int frames = 0;
    QObject guard;
    QObject::connect(m_window.get(), &QQuickWindow::frameSwapped, &guard, [&frames] { ++frames; });
    return msUntil(m_window.get(), &QQuickWindow::frameSwapped, trigger, [&] { return frames > 0 && done(); }, 60000);
}

QObject *ViewBenchmark::model() const
{
    return m_view ? m_view->property("model").value<QObject *>() : nullptr;
}

void ViewBenchmark::closeView()
{
    delete m_view;
    m_view = nullptr;
    delete m_ownSource;
    m_ownSource = nullptr;
}

double ViewBenchmark::openViewMs(QObject *source)
{
    closeView();
    const auto shown = [this] {
        QObject *rows = model();
        return rows && rows->property("ready").toBool() && rows->property("rows").toInt() > 0;
    };
    return msToFrame(
        [&] {
            if (!source) {
                QVariant made;
                QMetaObject::invokeMethod(m_root, "openSource", Q_RETURN_ARG(QVariant, made));
                m_ownSource = made.value<QObject *>();
            }
            QVariant view;
            QMetaObject::invokeMethod(m_root, "openView", Q_RETURN_ARG(QVariant, view),
                                      Q_ARG(QVariant, QVariant::fromValue(source ? source : m_ownSource)));
            m_view = view.value<QObject *>();
        },
        shown);
}

double ViewBenchmark::filterChangeMs(const BenchmarkFilter &kind)
{
    auto *list = qobject_cast<EventListModel *>(model());
    if (!list)
        return -1;
    QStringList actions;
    for (Action action : kind.filter.actions)
        actions.append(actionName(action));
    bool reset = false;
    QObject guard;
    QObject::connect(list, &EventListModel::windowReset, &guard, [&reset] { reset = true; });
    return msToFrame(
        [&] {
            // What the filter bar does: set the fields, then apply them at once.
            list->setProperty("actorId", kind.filter.actorId);
            list->setProperty("actions", actions);
            list->setProperty("objectId", kind.filter.objectId);
            list->setProperty("from", utc(kind.filter.fromUs));
            list->setProperty("to", utc(kind.filter.toUs));
            list->setProperty("text", kind.filter.text);
            QMetaObject::invokeMethod(list, "apply");
        },
        [&] { return reset && list->rowCount() > 0; });
}

bool ViewBenchmark::scrollFigure(const BenchmarkFilter &kind)
{
    auto *list = qobject_cast<EventListModel *>(model());
    QObject *table = m_view->property("table").value<QObject *>();
    if (!list || !table || filterChangeMs(kind) < 0)
        return false;
    const double rssStart = ProcessMemory::residentMb();
    ProcessMemory::resetPeak();
    QElapsedTimer timer;
    timer.start();
    qint64 pages = 1;
    // The keyboard's way down: the current row to the window's last row (EventTable.setCurrent,
    // what End-of-page keys do), which asks for the next page near the end, until there is none.
    while (true) {
        const int last = list->rowCount() - 1;
        const qint64 lastSeq = list->eventAt(last).seq;
        const bool more = list->hasLater();
        const double pageMs = msToFrame([&] { QMetaObject::invokeMethod(table, "setCurrent", Q_ARG(QVariant, last)); },
                                        [&] { return !more || (!list->isLoading() && list->eventAt(list->rowCount() - 1).seq != lastSeq); });
        if (pageMs < 0)
            return false;
        if (!more)
            break;
        ++pages;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double peak = ProcessMemory::peakMb();
    const double rssEnd = ProcessMemory::residentMb();
    // The oracle: the filter's oldest match, which is the last row newest first.
    PageRequest oldest{0, 1};
    auto first = m_reader->query(kind.filter, oldest);
    const qint64 lastShown = list->eventAt(list->rowCount() - 1).seq;
    const bool right = first && !first->events.isEmpty() && first->events.first().seq == lastShown
        && table->property("currentRow").toInt() == list->rowCount() - 1;
    printLine(QStringLiteral("view scroll, %1, first row to last by keyboard: %2 pages in %3 s (%4 ms a page, each drawn), last row seq %5 %6 | "
                         "RSS %7 MB at the first row, peak %8 MB, %9 MB at the last row: growth %10 MB")
              .arg(kind.name)
              .arg(pages)
              .arg(seconds, 0, 'f', 1)
              .arg(seconds * 1000 / double(pages), 0, 'f', 1)
              .arg(lastShown)
              .arg(right ? QStringLiteral("(the oldest match)") : QStringLiteral("(WRONG: not the oldest match)"))
              .arg(rssStart, 0, 'f', 1)
              .arg(peak, 0, 'f', 1)
              .arg(rssEnd, 0, 'f', 1)
              .arg(peak - rssStart, 0, 'f', 1));
    return right;
}

bool ViewBenchmark::run()
{
    KeyFileProvider keys(m_keyFile);
    auto reader = EventReader::open(m_logPath, keys);
    if (!reader) {
        printLine(QStringLiteral("cannot open %1: %2").arg(m_logPath, reader.error().message()));
        return false;
    }
    m_reader = std::move(*reader);
    const QList<BenchmarkFilter> filters = benchmarkFilters(*m_reader);
    if (filters.isEmpty())
        return false;

    m_engine = std::make_unique<QQmlEngine>();
    m_engine->addImportPath(QStringLiteral(QMSAUDIT_QML_IMPORT_DIR));
    QQmlComponent scene(m_engine.get());
    scene.setData(kScene, QUrl::fromLocalFile(QDir::current().filePath(QStringLiteral("ViewBenchmarkScene.qml"))));
    m_root = qobject_cast<QQuickItem *>(scene.createWithInitialProperties({{QStringLiteral("logPath"), m_logPath}, {QStringLiteral("keyFile"), m_keyFile}}));
    if (!m_root) {
        printLine(QStringLiteral("the scene did not load: %1").arg(scene.errorString()));
        return false;
    }
    m_window = std::make_unique<QQuickWindow>();
    m_window->resize(1280, 800);
    m_root->setParentItem(m_window->contentItem());
    m_window->show();

    // The standalone viewer's start: open the log read-only, then the view, to its first rows.
    const double openLogMs = medianMs(m_repetitions, [this] { return openViewMs(nullptr); });
    // A host's view on its open trail: the source is there, the view and its model are new.
    QVariant source;
    QMetaObject::invokeMethod(m_root, "openSource", Q_RETURN_ARG(QVariant, source));
    m_source = source.value<QObject *>();
    constexpr int Ready = 2; // AuditLogSource.Ready
    QDeadlineTimer deadline(60000);
    while (m_source && m_source->property("status").toInt() != Ready && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    if (!m_source || m_source->property("status").toInt() != Ready) {
        printLine(QStringLiteral("the source did not open: %1").arg(m_source ? m_source->property("errorString").toString() : QString()));
        return false;
    }
    const double openViewOnlyMs = medianMs(m_repetitions, [this] { return openViewMs(m_source); });
    printLine(QStringLiteral("view open: log and AuditLogView to the first frame with rows %1 | AuditLogView on an open source %2 (1280x800, %3)")
              .arg(formatMs(openLogMs), formatMs(openViewOnlyMs), m_window->rendererInterface()->graphicsApi() == QSGRendererInterface::Software
                                                              ? QStringLiteral("software renderer")
                                                              : QStringLiteral("hardware renderer")));
    bool ok = openLogMs >= 0 && openViewOnlyMs >= 0;

    for (const BenchmarkFilter &kind : filters) {
        const double changeMs = medianMs(m_repetitions, [&] { return filterChangeMs(kind); });
        printLine(QStringLiteral("view filter change to %1: first rows on screen %2").arg(kind.name, formatMs(changeMs)));
        ok = ok && changeMs >= 0;
    }
    // The filter with the most pages that a keyboard can page through in a benchmark's time.
    ok = scrollFigure(filters.last()) && ok;
    closeView();
    return ok;
}

} // namespace QmsAudit::Bench
