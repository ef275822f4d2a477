// SPDX-License-Identifier: LGPL-2.1-or-later
#include "viewerwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

ViewerWindow::ViewerWindow(QQmlApplicationEngine &engine, ViewerOptions options)
    : m_engine(engine)
    , m_options(std::move(options))
{
}

bool ViewerWindow::load()
{
    const QByteArray passphrase = m_options.passphraseEnv.isEmpty() ? QByteArray() : qgetenv(m_options.passphraseEnv.toLocal8Bit().constData());
    m_engine.setInitialProperties({
        {QStringLiteral("logPath"), m_options.logPath},
        {QStringLiteral("keyFile"), m_options.keyFile},
        {QStringLiteral("passphrase"), QString::fromUtf8(passphrase)},
        {QStringLiteral("viewer"), QVariantMap{{QStringLiteral("id"), m_options.userId},
                                               {QStringLiteral("name"), m_options.userName},
                                               {QStringLiteral("roles"), m_options.roles}}},
        {QStringLiteral("initialView"), m_options.view},
        {QStringLiteral("objectType"), m_options.objectType},
        {QStringLiteral("objectId"), m_options.objectId},
        {QStringLiteral("actorId"), m_options.actorId},
        {QStringLiteral("fromDay"), m_options.from},
        {QStringLiteral("toDay"), m_options.to},
        {QStringLiteral("sampleSeed"), m_options.seed},
        {QStringLiteral("reviewPeriod"), m_options.period},
        {QStringLiteral("exportFormat"), m_options.exportFormat},
        {QStringLiteral("dark"), m_options.dark},
        {QStringLiteral("width"), m_options.width},
        {QStringLiteral("height"), m_options.height},
    });
    m_engine.load(QUrl(QStringLiteral("qrc:/viewer/Main.qml")));
    if (m_engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "qms-audit-viewer: error: the window could not be loaded (is the QmsAudit QML module installed?)\n");
        return false;
    }
    m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().constFirst());
    if (!m_options.screenshotDir.isEmpty()) {
        m_pending = {QStringLiteral("log"), QStringLiteral("document"), QStringLiteral("user"), QStringLiteral("integrity"), QStringLiteral("sampling"),
                     QStringLiteral("review")};
        if (!m_options.view.isEmpty() && m_options.view != QLatin1StringView("all"))
            m_pending = {m_options.view};
        QDir().mkpath(m_options.screenshotDir);
        QTimer::singleShot(0, this, &ViewerWindow::grabNext);
    }
    return true;
}

void ViewerWindow::grabNext()
{
    if (m_pending.isEmpty()) {
        QCoreApplication::quit();
        return;
    }
    const QString view = m_pending.constFirst();
    m_window->setProperty("currentView", view);
    // Main.qml's `settled` turns true once the view shows its data (and the integrity check ran).
    auto poll = std::make_shared<QTimer>();
    poll->setInterval(100);
    auto waited = std::make_shared<int>(0);
    connect(poll.get(), &QTimer::timeout, this, [this, poll, waited, view] {
        ++*waited;
        if (!m_window->property("settled").toBool() && *waited < 600)
            return;
        poll->stop();
        // Two more frames: the last data change must be painted before the grab.
        QTimer::singleShot(300, this, [this, view] {
            QString suffix = m_options.exportFormat.isEmpty() ? QString() : QStringLiteral("-export-") + m_options.exportFormat;
            if (m_options.dark)
                suffix += QStringLiteral("-dark");
            const QString file = QDir(m_options.screenshotDir).filePath(view + suffix + QStringLiteral(".png"));
            const QImage image = m_window->grabWindow();
            if (image.isNull() || !image.save(file)) {
                std::fprintf(stderr, "qms-audit-viewer: error: could not save %s\n", qPrintable(file));
                QCoreApplication::exit(5);
                return;
            }
            std::printf("%s\n", qPrintable(file));
            std::fflush(stdout);
            m_pending.removeFirst();
            grabNext();
        });
    });
    QTimer::singleShot(200, poll.get(), [poll] { poll->start(); });
}
