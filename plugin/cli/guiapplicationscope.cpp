// SPDX-License-Identifier: LGPL-2.1-or-later
#include "guiapplicationscope.h"

#include <QApplication>

namespace QmsAudit::Cli {
namespace {

QtMessageHandler g_previousHandler = nullptr;

/**
 * QGuiApplication warns on stderr that XDG_RUNTIME_DIR is unset (cron, ssh, containers) and falls
 * back to /tmp/runtime-<user>. PDF output never uses that directory, and an unexplained warning
 * beside an evidence export would only alarm: that one message is dropped, every other passes.
 */
void dropRuntimeDirWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

GuiApplicationScope::GuiApplicationScope(Kind kind)
{
    m_arguments.append(QByteArrayLiteral("qms-audit"));
    // -platform on the command line would override QT_QPA_PLATFORM: pass it only when that is unset.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        m_arguments.append({ QByteArrayLiteral("-platform"), QByteArrayLiteral("offscreen") });
    for (QByteArray &argument : m_arguments)
        m_argv.push_back(argument.data());
    m_argv.push_back(nullptr);
    m_argc = static_cast<int>(m_arguments.size());
    g_previousHandler = qInstallMessageHandler(dropRuntimeDirWarning);
    if (kind == Kind::Widgets)
        m_application = std::make_unique<QApplication>(m_argc, m_argv.data());
    else
        m_application = std::make_unique<QGuiApplication>(m_argc, m_argv.data());
}

GuiApplicationScope::~GuiApplicationScope()
{
    m_application.reset();
    qInstallMessageHandler(g_previousHandler);
}

Result<std::unique_ptr<GuiApplicationScope>> GuiApplicationScope::create(Kind kind)
{
    // Qt allows one application object per process.
    if (QCoreApplication::instance())
        return Error(ErrorCode::Internal, QStringLiteral("An application object exists already; PDF output cannot create its own."));
    return std::unique_ptr<GuiApplicationScope>(new GuiApplicationScope(kind));
}

} // namespace QmsAudit::Cli
