// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "auditbridge.h"
#include "datafolder.h"
#include "documentservice.h"
#include "documentstore.h"
#include "userdirectory.h"

#include <QObject>
#include <QVariantMap>

#include <memory>

class QQmlEngine;
class QTextStream;

/**
 * QMS Desk put together: the data folder, the application's store, the audit trail through the
 * plugin and the document service, started the same way for the window, the headless demo and
 * the tests.
 */
class HostApplication : public QObject
{
    Q_OBJECT

public:
    struct Options {
        QString dataDir = QStringLiteral("qms-demo");
        int demoMonths = 12; ///< history generated on a first start; 0: a small register without history
        int retryMs = 1000;  ///< how often a trail that is down is retried
    };

    explicit HostApplication(Options options, QObject *parent = nullptr);
    ~HostApplication() override;

    /**
     * Prepares the data folder and the store, loads the plugin, fills the demo history on a first
     * start and opens the trail. A trail that does not open is not an error here (the pages show
     * why and lock the documents); a missing plugin or an unusable folder is.
     */
    bool start(QTextStream &out, QString *error);
    /// The trail configuration (docs/recording.md) the application opens its log with.
    QVariantMap trailConfig() const;
    /// Makes `import QmsDemo` (Desk, Trail) and `import QmsAudit` available to @p engine.
    void exposeTo(QQmlEngine &engine);

    DataFolder &folder() { return m_folder; }
    DocumentStore &store() { return m_store; }
    UserDirectory &users() { return m_users; }
    AuditBridge &audit() { return *m_audit; }
    DocumentService &service() { return *m_service; }

private:
    bool seedSmallRegister(QString *error);

    Options m_options;
    DataFolder m_folder;
    DocumentStore m_store;
    UserDirectory m_users;
    std::unique_ptr<AuditBridge> m_audit;
    std::unique_ptr<DocumentService> m_service;
    bool m_registered = false;
};
