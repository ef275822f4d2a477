// SPDX-License-Identifier: LGPL-2.1-or-later
// The audit area: the QmsAudit module's own views on the application's trail, for auditors and
// managers. Opening it asks Desk first (requestAuditAccess), which records a refusal; the views
// are then created only when allowed, each with a source that reads the host's trail (no logPath)
// as the person logged in, so their use of the trail is recorded under their name. While the
// trail is down the views are closed: their use could not be recorded.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit
import QmsDemo

Page {
    id: page
    objectName: "auditPage"
    /// "trail" (the auditor views) or "review" (the management review).
    property string section: "trail"
    property bool granted: false
    property string denial
    /// The tab of the auditor views: 0 log, 1 document history, 2 user activity, 3 integrity.
    property int tab: 0
    /// The document whose history the history tab shows.
    property string objectType
    property string objectId
    property string actorId
    /// The management review's period; empty: the last whole quarter.
    property string reviewPeriod
    readonly property bool live: granted && Trail.available && Desk.loggedIn
    /// The view on screen has its data (the screenshot tour waits for it).
    readonly property bool settled: !content.item || content.item.settled
    background: Rectangle { color: palette.window }

    /// Opens @p what ("trail" or "review") at @p tab.
    function enter(what, tab) {
        section = what;
        granted = Desk.requestAuditAccess(what === "review" ? "dashboard" : "audit_views");
        denial = granted ? "" : Desk.lastError;
        if (tab !== undefined)
            page.tab = tab;
    }
    function showDocument(type, id) {
        objectType = type;
        objectId = id;
        tab = 1;
    }
    /// Forgets the previous person's choices (logout, another user): the next one asks again.
    function reset() {
        granted = false;
        denial = "";
        objectType = "";
        objectId = "";
        actorId = "";
        tab = 0;
    }

    Format { id: fmt }

    // Built when shown and dropped when left, so that the views go (and record what they showed)
    // when the user leaves, and Qt 6.4's layouts never lay out what changed while hidden.
    Loader {
        id: content
        anchors.fill: parent
        active: page.visible
        sourceComponent: Item {
            id: area
            readonly property bool settled: {
                if (!page.live)
                    return true;
                if (page.section === "review") {
                    const v = reviewLoader.item;
                    return !!v && (!v.permitted || ((v.review.ready || v.review.errorString.length > 0) && !v.review.running && !v.review.anomaliesRunning));
                }
                if (page.tab === 0) {
                    const v = logLoader.item;
                    return !!v && (!v.permitted || (v.model.ready && v.model.totalCount >= 0 && !v.model.loading));
                }
                if (page.tab === 1) {
                    const v = historyLoader.item;
                    return page.objectId.length === 0 || (!!v && (!v.permitted || (v.historyModel.ready && !v.accessSummary.running)));
                }
                return true;
            }

            // The refusal, in the words of the service, and that it was recorded.
            Pane {
                objectName: "auditDenied"
                anchors.fill: parent
                visible: !page.granted && page.denial.length > 0
                background: null
                ColumnLayout {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 640)
                    spacing: 12
                    Label {
                        text: page.section === "review" ? qsTr("You do not have access to the management review")
                                                        : qsTr("You do not have access to the audit trail")
                        font.pixelSize: 22
                        font.bold: true
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "auditDenial"
                        text: page.denial
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        // Only claimed while the trail records: a refusal while it is down could not be.
                        text: qsTr("You are logged in as %1 (%2).").arg(Desk.user.name ?? "").arg(fmt.rolesLabel(Desk.user.roles))
                              + " " + (Trail.available ? qsTr("The attempt has been recorded in the audit trail.") : "")
                              + " " + qsTr("Ask your QMS administrator for the auditor or manager role.")
                        wrapMode: Text.Wrap
                        color: palette.placeholderText
                        Layout.fillWidth: true
                    }
                }
            }

            // The trail is down: what would be shown cannot be recorded as looked at.
            Pane {
                anchors.fill: parent
                visible: page.granted && !Trail.available
                background: null
                ColumnLayout {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 640)
                    spacing: 12
                    Label {
                        text: qsTr("The audit trail is closed")
                        font.pixelSize: 22
                        font.bold: true
                    }
                    Label {
                        text: qsTr("Its views open again when the audit trail records again: looking at it is itself recorded.")
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                visible: page.live

                TabBar {
                    id: tabs
                    visible: page.section === "trail"
                    currentIndex: page.tab
                    Layout.fillWidth: true
                    onCurrentIndexChanged: page.tab = currentIndex
                    TabButton { text: qsTr("Audit log"); objectName: "tabAuditLog" }
                    TabButton { text: qsTr("Document history"); objectName: "tabDocumentHistory" }
                    TabButton { text: qsTr("User activity"); objectName: "tabUserActivity" }
                    TabButton { text: qsTr("Integrity"); objectName: "tabIntegrity" }
                }

                // Each view is created when its tab is first shown and kept while the page is:
                // a filter once set stays.
                Item {
                    visible: page.section === "trail"
                    Layout.fillWidth: true
                    Layout.fillHeight: true

                    Loader {
                        id: logLoader
                        property bool wanted: false
                        anchors.fill: parent
                        visible: page.tab === 0
                        active: page.live && page.section === "trail" && (wanted || page.tab === 0)
                        // Later: set while the Loader is still inside its own `active` binding, it would loop.
                        onLoaded: Qt.callLater(() => wanted = true)
                        sourceComponent: AuditLogView {
                            objectName: "auditLogView"
                            log: AuditLogSource { viewer: Desk.user }
                            onDocumentRequested: (type, id) => page.showDocument(type, id)
                            onUserRequested: id => { page.actorId = id; page.tab = 2; }
                        }
                    }
                    Loader {
                        id: historyLoader
                        property bool wanted: false
                        anchors.fill: parent
                        visible: page.tab === 1
                        active: page.live && page.section === "trail" && page.objectId.length > 0 && (wanted || page.tab === 1)
                        onLoaded: Qt.callLater(() => wanted = true)
                        sourceComponent: DocumentHistoryView {
                            objectName: "documentHistoryView"
                            log: AuditLogSource { viewer: Desk.user }
                            objectType: page.objectType
                            objectId: page.objectId
                        }
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: page.tab === 1 && page.objectId.length === 0
                        width: Math.min(parent.width - 48, 560)
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        text: qsTr("No document chosen. Open a document in the register and choose “Audit trail of this document”, or pick an event in the audit log and choose “Document history”.")
                        color: palette.placeholderText
                    }
                    Loader {
                        id: userLoader
                        property bool wanted: false
                        anchors.fill: parent
                        visible: page.tab === 2
                        active: page.live && page.section === "trail" && page.actorId.length > 0 && (wanted || page.tab === 2)
                        onLoaded: Qt.callLater(() => wanted = true)
                        sourceComponent: UserActivityView {
                            objectName: "userActivityView"
                            log: AuditLogSource { viewer: Desk.user }
                            actorId: page.actorId
                        }
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: page.tab === 2 && page.actorId.length === 0
                        width: Math.min(parent.width - 48, 560)
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        text: qsTr("No person chosen. Pick an event in the audit log and choose “User activity”.")
                        color: palette.placeholderText
                    }
                    Loader {
                        id: integrityLoader
                        property bool wanted: false
                        anchors.fill: parent
                        visible: page.tab === 3
                        active: page.live && page.section === "trail" && (wanted || page.tab === 3)
                        onLoaded: Qt.callLater(() => wanted = true)
                        sourceComponent: IntegrityView {
                            objectName: "integrityView"
                            log: AuditLogSource { viewer: Desk.user }
                        }
                    }
                }

                Loader {
                    id: reviewLoader
                    visible: page.section === "review"
                    active: page.live && page.section === "review"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    sourceComponent: ManagementReviewView {
                        objectName: "managementReviewView"
                        log: AuditLogSource { viewer: Desk.user }
                        period: page.reviewPeriod
                    }
                }
            }
        }
    }
}
