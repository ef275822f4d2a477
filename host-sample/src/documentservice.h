// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "controlleddocument.h"

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

class AuditBridge;
class DataFolder;
class DocumentListModel;
class DocumentStore;
class UserDirectory;

/**
 * What a user does with controlled documents: the one code path of the pages and of the
 * headless demo. Every operation is recorded in the audit trail FIRST and done only when the
 * record is on disk (the trail is durable): if the trail cannot record, the operation is refused
 * and `lastError` says why (fail closed). Refusals for want of a role are recorded as
 * access_denied, wrong passwords as login_failed.
 */
class DocumentService : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool loggedIn READ isLoggedIn NOTIFY userChanged)
    /// {id, name, roles} of the user logged in; empty when nobody is.
    Q_PROPERTY(QVariantMap user READ user NOTIFY userChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QObject *documents READ documents CONSTANT)
    Q_PROPERTY(QObject *audit READ audit CONSTANT)
    /// [{id, name, roles}] for the login screen.
    Q_PROPERTY(QVariantList users READ users CONSTANT)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(QString demoPassword READ demoPassword CONSTANT)

public:
    DocumentService(DataFolder &folder, DocumentStore &store, UserDirectory &users, AuditBridge &audit, QObject *parent = nullptr);

    bool isLoggedIn() const { return !m_userId.isEmpty(); }
    QVariantMap user() const;
    QString lastError() const { return m_lastError; }
    QObject *documents() const;
    QObject *audit() const;
    QVariantList users() const;
    QString dataDir() const;
    QString demoPassword() const;

    /// Checks the password; records login or login_failed. False and lastError when refused.
    Q_INVOKABLE bool login(const QString &userId, const QString &password);
    Q_INVOKABLE void logout();
    /// Whether the user's roles allow @p what (Workflow::allows); no record.
    Q_INVOKABLE bool can(const QString &what) const;

    /**
     * Opens @p id for reading: records the view, then returns the document (content, earlier
     * versions, signatures with their manifestation, the steps this user may take). Empty map
     * and lastError when refused.
     */
    Q_INVOKABLE QVariantMap open(const QString &id);
    /// Creates a draft (records create). Returns its id, or empty.
    Q_INVOKABLE QString create(const QString &type, const QString &title, const QString &content, const QString &reason);
    /// Edits a draft: records edit with the reason and every changed field's old and new value.
    Q_INVOKABLE bool edit(const QString &id, const QString &title, const QString &content, const QString &reason);
    /**
     * Takes workflow step @p action (submit, reject, approve, release, revise, obsolete). A step
     * that needs a signature (approve) checks @p password again first and records the
     * signature (sign, with its meaning) and the step.
     */
    Q_INVOKABLE bool advance(const QString &id, const QString &action, const QString &reason, const QString &password);
    /// A reviewer's signature ("Reviewed") on a document in review, password re-entered.
    Q_INVOKABLE bool signReview(const QString &id, const QString &password);
    /// Prints the current version to PDF in the outputs folder (records print); its path or empty.
    Q_INVOKABLE QString printPdf(const QString &id);
    /// Exports the document as JSON to the outputs folder (records export); its path or empty.
    Q_INVOKABLE QString exportDocument(const QString &id);
    /**
     * The user asks for the auditor views ("audit_views") or the management-review dashboard
     * ("dashboard"): true if their roles allow it; otherwise records access_denied and says why.
     */
    Q_INVOKABLE bool requestAuditAccess(const QString &what);

    /// The §11.50 manifestation line of a signature map ({userName, userId, signedAt, meaning}).
    static QString manifestation(const QVariantMap &signature);

Q_SIGNALS:
    void userChanged();
    void lastErrorChanged();
    /// A document changed (edit, step, signature): pages re-read it.
    void documentChanged(const QString &id);

private:
    bool fail(const QString &message);
    bool succeed();
    /// Records @p event for the user logged in; false with lastError when not recorded.
    bool record(QVariantMap event);
    bool denied(const QString &what, const QVariantMap &object, const QString &why);
    bool requireUser();
    /// The document @p id for the user logged in; nullopt with lastError when nobody is or it does not exist.
    std::optional<ControlledDocument> documentFor(const QString &id);
    /// Checks @p password again and records the signature (or the refused one); adds it to @p document.
    bool sign(ControlledDocument &document, const QString &meaning, const QString &password);
    bool save(const ControlledDocument &document);
    QVariantMap toMap(const ControlledDocument &document) const;
    QString userName(const QString &id) const;

    DataFolder &m_folder;
    DocumentStore &m_store;
    UserDirectory &m_users;
    AuditBridge &m_audit;
    DocumentListModel *m_model;
    QString m_userId;
    QString m_session;
    QString m_lastError;
};
