// SPDX-License-Identifier: LGPL-2.1-or-later
// QMS Desk's window: the login, the register, a document, and the audit area with the QmsAudit
// views. Desk (DocumentService) does and records everything; Trail (AuditBridge) says whether the
// audit trail records, and the banner and the pages follow it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsDemo

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    title: Desk.loggedIn ? qsTr("QMS Desk — %1").arg(Desk.user.name) : qsTr("QMS Desk")

    /// "login", "register", "document" or "audit".
    property string page: Desk.loggedIn ? "register" : "login"
    /// What is on screen has its data (the screenshot tour waits for it before it grabs).
    readonly property bool settled: page !== "audit" || auditPage.settled

    function showRegister() { page = "register"; }
    /// Opens document @p id (recorded as a view) and shows it.
    function showDocument(id) {
        // Shown first, then filled: Qt 6.4's layouts miss size changes made while they are hidden.
        page = "document";
        documentPage.load(id);
    }
    /// The auditor views at @p tab (0 log, 1 document history, 2 user activity, 3 integrity).
    function showAudit(tab) {
        auditPage.enter("trail", tab ?? 0);
        page = "audit";
    }
    function showDocumentHistory(type, id) {
        auditPage.showDocument(type, id);
        showAudit(1);
    }
    /// The management review, of @p period when given ("2026-Q3"; else the last whole quarter).
    function showReview(period) {
        if (period !== undefined)
            auditPage.reviewPeriod = period;
        auditPage.enter("review");
        page = "audit";
    }

    // Another person, another session: nothing of the previous one stays on screen.
    Connections {
        target: Desk
        function onUserChanged() {
            auditPage.reset();
            documentPage.clear();
            window.page = Desk.loggedIn ? "register" : "login";
        }
    }

    header: ColumnLayout {
        spacing: 0
        TopBar {
            visible: Desk.loggedIn
            section: window.page === "audit" ? auditPage.section : window.page
            Layout.fillWidth: true
            onRegisterRequested: window.showRegister()
            onTrailRequested: window.showAudit(auditPage.section === "trail" ? auditPage.tab : 0)
            onReviewRequested: window.showReview()
            onLogoutRequested: Desk.logout()
        }
        TrailBanner {
            Layout.fillWidth: true
        }
    }

    // Pages shown by `visible` over each other, not by a StackLayout: Qt 6.4's StackLayout leaves
    // items that appeared on a page never shown before where they were (at the row's start).
    Item {
        anchors.fill: parent

        LoginPage {
            anchors.fill: parent
            visible: window.page === "login"
        }
        RegisterPage {
            anchors.fill: parent
            visible: window.page === "register"
            onOpenRequested: id => window.showDocument(id)
            onCreated: id => window.showDocument(id)
        }
        DocumentPage {
            id: documentPage
            anchors.fill: parent
            visible: window.page === "document"
            onBackRequested: window.showRegister()
            onHistoryRequested: (type, id) => window.showDocumentHistory(type, id)
        }
        AuditPage {
            id: auditPage
            anchors.fill: parent
            visible: window.page === "audit"
        }
    }
}
