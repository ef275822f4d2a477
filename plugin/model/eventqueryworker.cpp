// SPDX-License-Identifier: LGPL-2.1-or-later
#include "model/eventqueryworker_p.h"

namespace QmsAudit {

EventQueryWorker::EventQueryWorker()
    : m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("qmsaudit-query"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

EventQueryWorker::~EventQueryWorker()
{
    supersede(); // queued jobs return at once
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has stopped: nothing runs there any more
}

void EventQueryWorker::setReader(std::shared_ptr<const EventReader> reader)
{
    supersede();
    m_reader = std::move(reader);
}

quint64 EventQueryWorker::supersede()
{
    m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    return ++*m_latest;
}

void EventQueryWorker::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

} // namespace QmsAudit
