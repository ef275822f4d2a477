// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QQmlApplicationEngine;
class QQuickWindow;

/// The viewer's settings from its command line, and what it does with them (show or grab views).
struct ViewerOptions {
    QString logPath;
    QString keyFile;
    QString passphraseEnv;
    QString userId;
    QString userName;
    QStringList roles;
    QString view = QStringLiteral("log");
    QString objectType;
    QString objectId;
    QString actorId;
    QString from;
    QString to;
    QString seed; ///< the sampling view draws with it when it opens
    QString period; ///< the management review's period (empty: the last whole quarter)
    QString exportFormat; ///< the log view's export dialog opens with this format (csv … pack); empty: closed
    bool dark = false;
    QString screenshotDir;
    int width = 1280;
    int height = 800;
};

/**
 * Loads Main.qml with the options as its initial properties. With a screenshot directory it
 * shows each view in turn, waits until its data is on screen, saves it as <view>.png (the log view
 * with its export dialog open: log-export-<format>.png) and quits.
 */
class ViewerWindow : public QObject
{
    Q_OBJECT

public:
    ViewerWindow(QQmlApplicationEngine &engine, ViewerOptions options);
    /// false with a message on stderr when Main.qml did not load.
    bool load();

private:
    void grabNext();

    QQmlApplicationEngine &m_engine;
    ViewerOptions m_options;
    QQuickWindow *m_window = nullptr;
    QStringList m_pending;
};
