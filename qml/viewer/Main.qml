// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit-viewer's window: the views of the QmsAudit module over one log opened read-only.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

ApplicationWindow {
    id: window
    property string logPath
    property string keyFile
    property string passphrase
    property var viewer: ({})
    property string initialView: "log"
    property string objectType
    property string objectId
    property string actorId
    property string fromDay
    property string toDay
    /// --seed: the sampling view draws its sample with this seed when it opens.
    property string sampleSeed
    /// --period: the management review's period.
    property string reviewPeriod
    /// --export: the log view's export dialog opens with this format (csv, csv-verbatim, jsonl, pdf, pack).
    property string exportFormat
    property string currentView: initialView
    /// --dark: a dark palette for every control (without it the style's palette, which follows the system).
    property bool dark: false
    readonly property var viewKeys: ["log", "document", "user", "integrity", "sampling", "review"]
    /// The current view shows its data (what the screenshot mode waits for).
    readonly property bool settled: source.status === AuditLogSource.Error
        || (source.status === AuditLogSource.Ready && (
            currentView === "log" ? logView.model.ready && logView.model.totalCount >= 0 && !logView.model.loading
                                    && (exportFormat.length === 0 || logView.exportDialog.opened)
          : currentView === "document" ? documentView.historyModel.ready && !documentView.accessSummary.running
          : currentView === "user" ? userView.activityModel.ready && !userView.summary.running
          : currentView === "sampling" ? samplingView.population.ready && !samplingView.sample.running
                                         && (sampleSeed.length === 0 || samplingView.sample.drawn)
          : currentView === "review" ? (reviewView.review.ready || reviewView.review.errorString.length > 0 || !reviewView.permitted)
                                       && !reviewView.review.running && !reviewView.review.anomaliesRunning
          : integrityView.check.finished && !integrityView.check.running))

    visible: true
    palette.window: dark ? "#2b2d31" : undefined
    palette.windowText: dark ? "#e8e8e8" : undefined
    palette.base: dark ? "#1e1f22" : undefined
    palette.alternateBase: dark ? "#27292d" : undefined
    palette.text: dark ? "#e8e8e8" : undefined
    palette.button: dark ? "#3a3d42" : undefined
    palette.buttonText: dark ? "#e8e8e8" : undefined
    palette.highlight: dark ? "#3d7ed6" : undefined
    palette.highlightedText: dark ? "#ffffff" : undefined
    palette.placeholderText: dark ? "#a0a4ab" : undefined
    palette.mid: dark ? "#55585e" : undefined
    palette.light: dark ? "#4a4d52" : undefined
    palette.dark: dark ? "#18191b" : undefined
    palette.midlight: dark ? "#44474c" : undefined
    palette.shadow: dark ? "#000000" : undefined
    title: qsTr("QmsAudit viewer — %1").arg(source.logName)

    function day(text) { return text.length > 0 ? new Date(text + "T00:00:00Z") : new Date(NaN); }
    onCurrentViewChanged: {
        tabs.currentIndex = Math.max(0, viewKeys.indexOf(currentView));
        if (currentView === "integrity" && source.status === AuditLogSource.Ready && !integrityView.check.finished)
            integrityView.check.start();
        drawRequestedSample();
        openRequestedExport();
    }
    function openRequestedExport() {
        if (currentView !== "log" || exportFormat.length === 0 || source.status !== AuditLogSource.Ready || logView.exportDialog.opened)
            return;
        const formats = { "csv": EventExport.CsvSpreadsheetSafe, "csv-verbatim": EventExport.Csv, "jsonl": EventExport.JsonLines,
                          "pdf": EventExport.Pdf, "pack": EventExport.EvidencePack };
        logView.exportDialog.exporter.format = formats[exportFormat];
        logView.exportDialog.open();
    }
    function drawRequestedSample() {
        if (currentView === "sampling" && sampleSeed.length > 0 && source.status === AuditLogSource.Ready
                && !samplingView.sample.drawn && !samplingView.sample.running) {
            samplingView.sample.seed = sampleSeed;
            samplingView.population.apply();
            samplingView.sample.draw();
        }
    }

    AuditLogSource {
        id: source
        logPath: window.logPath
        keyFile: window.keyFile
        passphrase: window.passphrase
        viewer: window.viewer
        onStatusChanged: {
            if (status === AuditLogSource.Ready && window.currentView === "integrity")
                integrityView.check.start();
            window.drawRequestedSample();
            window.openRequestedExport();
        }
        onActorIdsChanged: if (window.actorId.length === 0 && actorIds.length > 0) window.actorId = actorIds[0]
    }

    header: TabBar {
        id: tabs
        currentIndex: Math.max(0, window.viewKeys.indexOf(window.initialView))
        onCurrentIndexChanged: window.currentView = window.viewKeys[currentIndex]
        TabButton { text: qsTr("Audit log") }
        TabButton { text: qsTr("Document history") }
        TabButton { text: qsTr("User activity") }
        TabButton { text: qsTr("Integrity") }
        TabButton { text: qsTr("Sampling and review") }
        TabButton { text: qsTr("Management review") }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex
        AuditLogView {
            id: logView
            log: source
            onDocumentRequested: (type, id) => { window.objectType = type; window.objectId = id; window.currentView = "document"; }
            onUserRequested: id => { window.actorId = id; window.currentView = "user"; }
        }
        DocumentHistoryView {
            id: documentView
            log: source
            objectType: window.objectType
            objectId: window.objectId
        }
        UserActivityView {
            id: userView
            log: source
            actorId: window.actorId
            from: window.day(window.fromDay)
            to: window.day(window.toDay)
        }
        IntegrityView {
            id: integrityView
            log: source
        }
        SamplingView {
            id: samplingView
            log: source
            Component.onCompleted: {
                population.from = window.day(window.fromDay);
                population.to = window.day(window.toDay);
            }
        }
        ManagementReviewView {
            id: reviewView
            log: source
            period: window.reviewPeriod
        }
    }
}
