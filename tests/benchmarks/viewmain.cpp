// SPDX-License-Identifier: LGPL-2.1-or-later
// qmsaudit_view_benchmarks: the auditor views' figures of docs/performance.md on one log.
//   qmsaudit_view_benchmarks [--log FILE --key-file KEYFILE] [--repetitions N] [--part model|view]
// Without --log it generates a small log: a smoke run, not a measurement. Runs offscreen
// (QT_QPA_PLATFORM=offscreen) as well as on a display.
#include "benchmarklog.h"
#include "modelbenchmark.h"
#include "viewbenchmark.h"

#include <QGuiApplication>
#include <QQuickWindow>

#include <cstdio>

int main(int argc, char **argv)
{
    // Offscreen there is no OpenGL: draw with the software renderer, as the screenshots do.
    if (qEnvironmentVariable("QT_QPA_PLATFORM") == QStringLiteral("offscreen"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QGuiApplication app(argc, argv);
    const QmsAudit::Bench::BenchmarkLog log(app.arguments());
    if (!log.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error()));
        return 1;
    }
    const QStringList args = app.arguments();
    const qsizetype part = args.indexOf(QStringLiteral("--part"));
    const QString only = part > 0 ? args.value(part + 1) : QString();
    bool ok = true;
    if (only.isEmpty() || only == QStringLiteral("model")) {
        QmsAudit::Bench::ModelBenchmark model(log.logPath(), log.keyFile(), log.repetitions());
        ok = model.run() && ok;
    }
    if (only.isEmpty() || only == QStringLiteral("view")) {
        QmsAudit::Bench::ViewBenchmark view(log.logPath(), log.keyFile(), log.repetitions());
        ok = view.run() && ok;
    }
    return ok ? 0 : 1;
}
