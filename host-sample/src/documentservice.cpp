// SPDX-License-Identifier: LGPL-2.1-or-later
#include "documentservice.h"

#include "auditbridge.h"
#include "controlleddocument.h"
#include "datafolder.h"
#include "documentlistmodel.h"
#include "documentstore.h"
#include "userdirectory.h"
#include "workflow.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUuid>

namespace {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString typePrefix(const QString &type)
{
    if (type == QLatin1StringView("work_instruction"))
        return QStringLiteral("WI");
    if (type == QLatin1StringView("form"))
        return QStringLiteral("FRM");
    if (type == QLatin1StringView("calibration_record"))
        return QStringLiteral("CAL");
    return QStringLiteral("SOP");
}

QVariantMap change(const QString &field, const QString &oldValue, const QString &newValue)
{
    return {{QStringLiteral("field"), field}, {QStringLiteral("old"), oldValue}, {QStringLiteral("new"), newValue}};
}

/// "SOP-0017-v3-20261129-142501": a print or export never replaces an earlier one.
QString fileStem(const ControlledDocument &d)
{
    return QStringLiteral("%1-v%2-%3").arg(d.id, d.version, QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmsszzz")));
}

} // namespace

DocumentService::DocumentService(DataFolder &folder, DocumentStore &store, UserDirectory &users, AuditBridge &audit, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_store(store)
    , m_users(users)
    , m_audit(audit)
    , m_model(new DocumentListModel(store, this))
{
    connect(this, &DocumentService::documentChanged, m_model, &DocumentListModel::refresh);
}

QVariantMap DocumentService::user() const
{
    return isLoggedIn() ? m_users.user(m_userId).auditActor() : QVariantMap();
}

QObject *DocumentService::documents() const
{
    return m_model;
}

QObject *DocumentService::audit() const
{
    return &m_audit;
}

QVariantList DocumentService::users() const
{
    QVariantList list;
    for (const QString &id : m_users.ids())
        list.append(m_users.user(id).auditActor());
    return list;
}

QString DocumentService::dataDir() const
{
    return m_folder.dir();
}

QString DocumentService::demoPassword() const
{
    return UserDirectory::DemoPassword;
}

bool DocumentService::fail(const QString &message)
{
    m_lastError = message;
    Q_EMIT lastErrorChanged();
    return false;
}

bool DocumentService::succeed()
{
    if (!m_lastError.isEmpty()) {
        m_lastError.clear();
        Q_EMIT lastErrorChanged();
    }
    return true;
}

bool DocumentService::record(QVariantMap event)
{
    if (!event.contains(QStringLiteral("actor")) && isLoggedIn())
        event.insert(QStringLiteral("actor"), user());
    if (!m_session.isEmpty())
        event.insert(QStringLiteral("session"), m_session);
    QString error;
    if (m_audit.record(event, &error) < 0)
        return fail(QStringLiteral("Not done, because the audit trail did not record it: %1").arg(error));
    return true;
}

bool DocumentService::denied(const QString &what, const QVariantMap &object, const QString &why)
{
    record({{QStringLiteral("action"), QStringLiteral("access_denied")},
            {QStringLiteral("object"), object},
            {QStringLiteral("outcome"), QStringLiteral("denied")},
            {QStringLiteral("reason"), why}});
    return fail(QStringLiteral("%1: %2").arg(what, why));
}

bool DocumentService::requireUser()
{
    return isLoggedIn() || fail(QStringLiteral("Log in first."));
}

std::optional<ControlledDocument> DocumentService::documentFor(const QString &id)
{
    if (!requireUser())
        return std::nullopt;
    if (!m_store.contains(id)) {
        fail(QStringLiteral("There is no document %1.").arg(id));
        return std::nullopt;
    }
    return m_store.document(id);
}

bool DocumentService::sign(ControlledDocument &document, const QString &meaning, const QString &password)
{
    // 21 CFR 11.200(a)(1)(i): the signer proves who they are again at each signing.
    if (!m_users.checkPassword(m_userId, password)) {
        record({{QStringLiteral("action"), QStringLiteral("sign")},
                {QStringLiteral("object"), document.auditObject()},
                {QStringLiteral("outcome"), QStringLiteral("denied")},
                {QStringLiteral("signature_meaning"), meaning},
                {QStringLiteral("reason"), QStringLiteral("wrong password at signing")}});
        return fail(QStringLiteral("The password is not right: not signed."));
    }
    if (!record({{QStringLiteral("action"), QStringLiteral("sign")},
                 {QStringLiteral("object"), document.auditObject()},
                 {QStringLiteral("signature_meaning"), meaning}}))
        return false;
    document.signatures.append({m_userId, userName(m_userId), meaning, nowUtc(), document.version});
    return true;
}

QString DocumentService::userName(const QString &id) const
{
    const AppUser u = m_users.user(id);
    return u.name.isEmpty() ? id : u.name;
}

bool DocumentService::login(const QString &userId, const QString &password)
{
    if (isLoggedIn())
        logout();
    m_session = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!m_users.contains(userId) || !m_users.checkPassword(userId, password)) {
        // Recorded under the name that was typed: an unknown id is evidence too.
        const QVariantMap actor = m_users.contains(userId) ? m_users.user(userId).auditActor()
                                                           : QVariantMap{{QStringLiteral("id"), userId}};
        if (!record({{QStringLiteral("action"), QStringLiteral("login_failed")},
                     {QStringLiteral("actor"), actor},
                     {QStringLiteral("outcome"), QStringLiteral("denied")},
                     {QStringLiteral("reason"), m_users.contains(userId) ? QStringLiteral("wrong password") : QStringLiteral("unknown user")}}))
            return false;
        m_session.clear();
        return fail(QStringLiteral("Wrong user or password."));
    }
    if (!record({{QStringLiteral("action"), QStringLiteral("login")}, {QStringLiteral("actor"), m_users.user(userId).auditActor()}})) {
        m_session.clear();
        return false;
    }
    m_userId = userId;
    m_audit.setCurrentUser(user());
    Q_EMIT userChanged();
    return succeed();
}

void DocumentService::logout()
{
    if (!isLoggedIn())
        return;
    record({{QStringLiteral("action"), QStringLiteral("logout")}});
    m_userId.clear();
    m_session.clear();
    m_audit.setCurrentUser({});
    Q_EMIT userChanged();
}

bool DocumentService::can(const QString &what) const
{
    return isLoggedIn() && Workflow::allows(m_users.user(m_userId).roles, what);
}

QVariantMap DocumentService::open(const QString &id)
{
    const auto found = documentFor(id);
    if (!found)
        return {};
    const ControlledDocument &d = *found;
    if (!record({{QStringLiteral("action"), QStringLiteral("view")}, {QStringLiteral("object"), d.auditObject()}}))
        return {};
    succeed();
    return toMap(d);
}

QString DocumentService::create(const QString &type, const QString &title, const QString &content, const QString &reason)
{
    if (!requireUser())
        return {};
    ControlledDocument d;
    d.type = type;
    d.id = m_store.nextId(typePrefix(type));
    d.title = title.trimmed();
    d.content = content;
    d.version = QStringLiteral("1");
    d.state = QStringLiteral("draft");
    d.owner = m_userId;
    d.updatedAt = nowUtc();
    if (!can(QStringLiteral("create"))) {
        denied(QStringLiteral("Create"), d.auditObject(), QStringLiteral("creating documents needs the author role"));
        return {};
    }
    if (d.title.isEmpty()) {
        fail(QStringLiteral("A document needs a title."));
        return {};
    }
    if (!record({{QStringLiteral("action"), QStringLiteral("create")},
                 {QStringLiteral("object"), d.auditObject()},
                 {QStringLiteral("reason"), reason},
                 {QStringLiteral("changes"), QVariantList{change(QStringLiteral("title"), QString(), d.title),
                                                          change(QStringLiteral("content"), QString(), d.content)}}})
        || !save(d))
        return {};
    return d.id;
}

bool DocumentService::edit(const QString &id, const QString &title, const QString &content, const QString &reason)
{
    auto found = documentFor(id);
    if (!found)
        return false;
    ControlledDocument &d = *found;
    if (!can(QStringLiteral("edit")))
        return denied(QStringLiteral("Edit"), d.auditObject(), QStringLiteral("editing needs the author role"));
    if (d.state != QLatin1StringView("draft"))
        return fail(QStringLiteral("%1 is %2: only a draft can be edited (revise a released version first).")
                        .arg(id, Workflow::stateLabel(d.state).toLower()));
    if (reason.trimmed().isEmpty())
        return fail(QStringLiteral("Say why you change the document: the audit trail requires a reason."));
    QVariantList changes;
    if (title.trimmed() != d.title)
        changes.append(change(QStringLiteral("title"), d.title, title.trimmed()));
    if (content != d.content)
        changes.append(change(QStringLiteral("content"), d.content, content));
    if (changes.isEmpty())
        return fail(QStringLiteral("Nothing was changed."));
    if (!record({{QStringLiteral("action"), QStringLiteral("edit")},
                 {QStringLiteral("object"), d.auditObject()},
                 {QStringLiteral("reason"), reason.trimmed()},
                 {QStringLiteral("changes"), changes}}))
        return false;
    d.title = title.trimmed();
    d.content = content;
    d.updatedAt = nowUtc();
    return save(d);
}

bool DocumentService::advance(const QString &id, const QString &action, const QString &reason, const QString &password)
{
    auto found = documentFor(id);
    if (!found)
        return false;
    ControlledDocument &d = *found;
    const auto step = Workflow::step(action, d.state);
    if (!step)
        return fail(QStringLiteral("%1 cannot be %2 from the state %3.").arg(id, action, Workflow::stateLabel(d.state).toLower()));
    if (!step->isFor(m_users.user(m_userId).roles))
        return denied(action, d.auditObject(), QStringLiteral("\"%1\" needs the role %2").arg(action, step->roles.join(QStringLiteral(" or "))));
    if (step->needsReason && reason.trimmed().isEmpty())
        return fail(QStringLiteral("Say why: the audit trail requires a reason for \"%1\".").arg(action));
    if (step->needsSignature) {
        if (d.owner == m_userId)
            return denied(action, d.auditObject(), QStringLiteral("the author of a document cannot approve it"));
        if (!sign(d, Workflow::signatureMeaning(action), password))
            return false;
    }
    ControlledDocument next = d;
    next.state = step->to;
    QVariantList changes{change(QStringLiteral("state"), d.state, next.state)};
    if (action == QLatin1StringView("revise")) {
        next.history.append({d.version, d.title, d.content, d.state, d.updatedAt});
        next.version = QString::number(d.version.toInt() + 1);
        next.signatures.clear(); // the new version is signed anew
        next.owner = m_userId;
        changes.append(change(QStringLiteral("version"), d.version, next.version));
    }
    QVariantMap event{{QStringLiteral("action"), action}, {QStringLiteral("object"), d.auditObject()}, {QStringLiteral("changes"), changes}};
    if (!reason.trimmed().isEmpty())
        event.insert(QStringLiteral("reason"), reason.trimmed());
    if (!record(event))
        return false;
    next.updatedAt = nowUtc();
    return save(next);
}

bool DocumentService::signReview(const QString &id, const QString &password)
{
    auto found = documentFor(id);
    if (!found)
        return false;
    ControlledDocument &d = *found;
    if (!can(QStringLiteral("sign_review")))
        return denied(QStringLiteral("Sign"), d.auditObject(), QStringLiteral("a review signature needs the reviewer role"));
    if (d.state != QLatin1StringView("in_review"))
        return fail(QStringLiteral("%1 is not in review.").arg(id));
    return sign(d, Workflow::signatureMeaning(QStringLiteral("review")), password) && save(d);
}

QString DocumentService::printPdf(const QString &id)
{
    const auto found = documentFor(id);
    if (!found)
        return {};
    const ControlledDocument &d = *found;
    const QString path = QDir(m_folder.outputsDir()).filePath(fileStem(d) + QStringLiteral(".pdf"));
    if (!record({{QStringLiteral("action"), QStringLiteral("print")}, {QStringLiteral("object"), d.auditObject()}}))
        return {};
    QString html = QStringLiteral("<h2>%1 &mdash; %2</h2><p><b>Version %3</b> &middot; %4 &middot; owner %5</p><hr/><pre>%6</pre><hr/>")
                       .arg(d.id.toHtmlEscaped(), d.title.toHtmlEscaped(), d.version, Workflow::stateLabel(d.state),
                            userName(d.owner).toHtmlEscaped(), d.content.toHtmlEscaped());
    html += QStringLiteral("<h3>Electronic signatures</h3>");
    if (d.signatures.isEmpty())
        html += QStringLiteral("<p>None on this version.</p>");
    for (const DocumentSignature &s : d.signatures) {
        html += QStringLiteral("<p>%1</p>").arg(manifestation({{QStringLiteral("userName"), s.userName}, {QStringLiteral("userId"), s.userId},
                                                              {QStringLiteral("signedAt"), s.signedAt}, {QStringLiteral("meaning"), s.meaning}})
                                                     .toHtmlEscaped());
    }
    html += QStringLiteral("<p><i>Printed %1 UTC by %2. A printed copy is uncontrolled; the register shows the current version.</i></p>")
                .arg(nowUtc().replace(QLatin1Char('T'), QLatin1Char(' ')).chopped(1), userName(m_userId).toHtmlEscaped());
    QTextDocument text;
    text.setHtml(html);
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(QStringLiteral("%1 %2").arg(d.id, d.title));
    writer.setCreator(QStringLiteral("QmsAudit host sample"));
    text.print(&writer);
    if (!QFile::exists(path)) {
        fail(QStringLiteral("Cannot write %1.").arg(path));
        return {};
    }
    succeed();
    return path;
}

QString DocumentService::exportDocument(const QString &id)
{
    const auto found = documentFor(id);
    if (!found)
        return {};
    const ControlledDocument &d = *found;
    if (!can(QStringLiteral("export"))) {
        denied(QStringLiteral("Export"), d.auditObject(), QStringLiteral("exporting needs the author, approver, auditor, manager or admin role"));
        return {};
    }
    const QString path = QDir(m_folder.outputsDir()).filePath(fileStem(d) + QStringLiteral(".json"));
    if (!record({{QStringLiteral("action"), QStringLiteral("export")},
                 {QStringLiteral("object"), d.auditObject()},
                 {QStringLiteral("attributes"), QVariantMap{{QStringLiteral("format"), QStringLiteral("json")}}}}))
        return {};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(d.toJson()).toJson()) < 0 || !file.commit()) {
        fail(QStringLiteral("Cannot write %1.").arg(path));
        return {};
    }
    succeed();
    return path;
}

bool DocumentService::requestAuditAccess(const QString &what)
{
    if (!requireUser())
        return false;
    if (can(what))
        return succeed();
    const bool dashboard = what == QLatin1StringView("dashboard");
    return denied(QStringLiteral("Audit trail"),
                  {{QStringLiteral("type"), QStringLiteral("audit_trail")},
                   {QStringLiteral("id"), what},
                   {QStringLiteral("title"), dashboard ? QStringLiteral("Management review") : QStringLiteral("Auditor views")}},
                  dashboard ? QStringLiteral("the management-review dashboard is for the manager and auditor roles")
                            : QStringLiteral("the auditor views are for the auditor and manager roles"));
}

bool DocumentService::save(const ControlledDocument &document)
{
    m_store.put(document);
    QString error;
    if (!m_store.save(&error)) {
        // Recorded but not stored: say so in the trail too, so that the record matches the store.
        record({{QStringLiteral("action"), QStringLiteral("edit")},
                {QStringLiteral("object"), document.auditObject()},
                {QStringLiteral("outcome"), QStringLiteral("failed")},
                {QStringLiteral("reason"), QStringLiteral("the change could not be stored: %1").arg(error)}});
        return fail(error);
    }
    Q_EMIT documentChanged(document.id);
    return succeed();
}

QString DocumentService::manifestation(const QVariantMap &s)
{
    // 21 CFR 11.50(a): the printed name of the signer, the date and time, and the meaning.
    return QStringLiteral("Electronically signed by %1 (%2) on %3 UTC. Meaning: %4.")
        .arg(s.value(QStringLiteral("userName")).toString(), s.value(QStringLiteral("userId")).toString(),
             s.value(QStringLiteral("signedAt")).toString().replace(QLatin1Char('T'), QLatin1Char(' ')).remove(QLatin1Char('Z')),
             s.value(QStringLiteral("meaning")).toString());
}

QVariantMap DocumentService::toMap(const ControlledDocument &d) const
{
    QVariantList history;
    for (const DocumentVersion &v : d.history)
        history.append(QVariantMap{{QStringLiteral("version"), v.version}, {QStringLiteral("title"), v.title},
                                   {QStringLiteral("content"), v.content}, {QStringLiteral("state"), Workflow::stateLabel(v.state)},
                                   {QStringLiteral("changedAt"), v.changedAt}});
    QVariantList signatures;
    for (const DocumentSignature &s : d.signatures) {
        QVariantMap map{{QStringLiteral("userId"), s.userId}, {QStringLiteral("userName"), s.userName}, {QStringLiteral("meaning"), s.meaning},
                        {QStringLiteral("signedAt"), s.signedAt}, {QStringLiteral("version"), s.version}};
        map.insert(QStringLiteral("manifestation"), manifestation(map));
        signatures.append(map);
    }
    QVariantList steps;
    for (const Workflow::Step &s : Workflow::stepsFor(d.state, m_users.user(m_userId).roles))
        steps.append(QVariantMap{{QStringLiteral("action"), s.action}, {QStringLiteral("needsReason"), s.needsReason},
                                 {QStringLiteral("needsSignature"), s.needsSignature}});
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("type"), d.type},
            {QStringLiteral("title"), d.title},
            {QStringLiteral("content"), d.content},
            {QStringLiteral("version"), d.version},
            {QStringLiteral("state"), d.state},
            {QStringLiteral("stateLabel"), Workflow::stateLabel(d.state)},
            {QStringLiteral("owner"), d.owner},
            {QStringLiteral("ownerName"), userName(d.owner)},
            {QStringLiteral("updatedAt"), d.updatedAt},
            {QStringLiteral("history"), history},
            {QStringLiteral("signatures"), signatures},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("canEdit"), d.state == QLatin1StringView("draft") && can(QStringLiteral("edit"))},
            {QStringLiteral("canSignReview"), d.state == QLatin1StringView("in_review") && can(QStringLiteral("sign_review"))}};
}
