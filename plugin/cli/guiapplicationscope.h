// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/result.h>

#include <QByteArrayList>

#include <memory>
#include <vector>

class QGuiApplication;

namespace QmsAudit::Cli {

/**
 * A QGuiApplication for as long as it lives, created only where output needs one (PDF reports:
 * QPdfWriter and QPainter need the font database, which QtCore alone lacks), or a QApplication
 * where Qt Charts draws (the management review report: docs/design-notes.md, pitfall 13). Every
 * other command stays a QtCore program that never touches a display.
 *
 * The platform is "offscreen" unless QT_QPA_PLATFORM names another: the tool never shows a
 * window, and a display server could only make it fail (no DISPLAY on a server or in cron, a
 * stale DISPLAY over ssh, where xcb aborts the process). Fonts come from fontconfig either way.
 */
class GuiApplicationScope
{
public:
    enum class Kind {
        Gui,    ///< a QGuiApplication: PDF output
        Widgets ///< a QApplication: PDF output with Qt Charts
    };

    static Result<std::unique_ptr<GuiApplicationScope>> create(Kind kind = Kind::Gui);
    ~GuiApplicationScope();
    GuiApplicationScope(const GuiApplicationScope &) = delete;
    GuiApplicationScope &operator=(const GuiApplicationScope &) = delete;

private:
    explicit GuiApplicationScope(Kind kind);

    // QGuiApplication keeps references to argc and argv: they must outlive it.
    QByteArrayList m_arguments;
    std::vector<char *> m_argv;
    int m_argc = 0;
    std::unique_ptr<QGuiApplication> m_application;
};

} // namespace QmsAudit::Cli
