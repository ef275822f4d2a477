// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>

class HostApplication;
class QEventLoop;
class QObject;
class QQmlApplicationEngine;
class QQuickWindow;
class QTextStream;

/**
 * `--screenshots DIR`: loads the window and takes it through the main screens with the same
 * Desk calls a user makes (log in, open a document, open the audit area, lose the trail and get it
 * back), saving each as a PNG: host-login, host-register, host-document, host-sign,
 * host-auditor-view, host-trail-down and host-management-review. The pictures of docs/host-sample.md are made so.
 *
 * The tour is a list of steps run from ONE event loop, never from nested ones: objects a page lets
 * go of (deleteLater) are then deleted as in the running application, instead of living on in a
 * loop level that never returns and recording their use of the trail at some later step.
 */
class ScreenshotTour
{
public:
    ScreenshotTour(HostApplication &host, QQmlApplicationEngine &engine);

    /// False, with the reason on @p out, when a screen could not be reached or saved.
    bool run(const QString &dir, QTextStream &out);

private:
    struct Step {
        QString what;                ///< for the message when it fails
        std::function<bool()> done;  ///< polled until true; a Do step runs once and must return true
        int timeoutMs = 0;           ///< 0: a Do step
        bool mayTimeOut = false;     ///< a view that does not settle is taken as it is
    };

    void perform(const QString &what, std::function<bool()> action);
    void waitFor(const QString &what, std::function<bool()> condition, int timeoutMs, bool mayTimeOut = false);
    void pause(int ms);
    /// Waits until the window says its data is on screen, lets it paint, and saves DIR/@p name.png.
    void shoot(const QString &name);
    /// Saves the window as DIR/@p name.png now.
    bool grab(const QString &name);
    void plan();
    void tick();
    bool login(const QString &role);
    bool call(const char *function, const QVariant &argument = {});
    /// A word of the register's titles that finds a dozen documents in more than one state.
    QString registerSearch() const;
    /// The IntegrityView's check, once the view is open.
    QObject *integrityCheck() const;
    /// A document in review that the first approver did not write; empty when there is none.
    QString documentToApprove() const;
    /// A released document that carries signatures (the manifestation is the point of the picture).
    QString signedReleasedDocument() const;
    bool fail(const QString &message);

    HostApplication &m_host;
    QQmlApplicationEngine &m_engine;
    QQuickWindow *m_window = nullptr;
    QEventLoop *m_loop = nullptr;
    QString m_dir;
    QString m_document;
    bool m_skipSign = false;
    QTextStream *m_out = nullptr;
    QList<Step> m_steps;
    qsizetype m_next = 0;
    QElapsedTimer m_stepTimer;
};
