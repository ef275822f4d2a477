// SPDX-License-Identifier: LGPL-2.1-or-later
// The auditor's workspace for a periodic review of the trail: draw a reproducible sample of a
// filter's events (size, seed, last seq, stratified by action group, every denied attempt), show
// what defines it so that an inspector can draw it again, review the drawn events (ReviewPanel)
// and export them. Needs trail.view; reviews need trail.review, exports trail.export. Each draw is
// recorded (trail_viewed with the sample's definition).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Pane {
    id: view
    required property AuditLogSource log
    readonly property bool permitted: accessGate.granted
    property alias population: populationModel
    property alias sample: eventSample
    property alias review: trailReview
    property alias exportDialog: exportDialog
    /// Seqs of the rows ticked in the table.
    property var selectedSeqs: []
    readonly property var reviewedSeqs: selectedSeqs.length > 0 ? selectedSeqs : eventSample.events.map(e => e.seq)
    padding: 8
    Accessible.name: qsTr("Sampling and review")

    // The population's filter, and its count as the filter bar changes it; the draw is what is recorded.
    AuditEventModel {
        id: populationModel
        log: view.permitted ? view.log : null
    }
    EventSample {
        id: eventSample
        log: view.log
        model: populationModel
        viewName: "SamplingView"
        onSampleChanged: view.selectedSeqs = []
    }
    TrailReview {
        id: trailReview
        log: view.log
        sample: eventSample
        viewName: "SamplingView"
    }
    ExportDialog {
        id: exportDialog
        log: view.log
        sample: eventSample
        viewName: "SamplingView"
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        visible: view.permitted

        EventFilterBar {
            model: populationModel
            log: view.log
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 8
            Layout.fillWidth: true
            Label { text: qsTr("Size") }
            SpinBox {
                from: 1
                to: 100000
                editable: true
                value: eventSample.size
                Accessible.name: qsTr("Sample size")
                onValueModified: eventSample.size = value
            }
            Label { text: qsTr("Seed") }
            TextField {
                text: eventSample.seed
                validator: RegularExpressionValidator { regularExpression: /\d{1,19}/ }
                Accessible.name: qsTr("Seed")
                Layout.preferredWidth: 130
                onTextEdited: eventSample.seed = text
            }
            Button { text: qsTr("New seed"); Accessible.name: qsTr("Choose a new random seed"); onClicked: eventSample.newSeed() }
            Label { text: qsTr("Up to seq") }
            TextField {
                placeholderText: qsTr("newest")
                validator: RegularExpressionValidator { regularExpression: /\d{0,15}/ }
                Accessible.name: qsTr("Last seq of the population (empty: the newest)")
                Layout.preferredWidth: 100
                onTextEdited: eventSample.upToSeq = text.length > 0 ? parseInt(text) : 0
            }
            CheckBox {
                text: qsTr("Stratified by action group")
                checked: eventSample.stratified
                onToggled: eventSample.stratified = checked
            }
            CheckBox {
                text: qsTr("Every denied attempt")
                checked: eventSample.allDenied
                onToggled: eventSample.allDenied = checked
            }
            Item { Layout.fillWidth: true }
            Label {
                text: populationModel.totalCount < 0 ? qsTr("Counting…")
                    : qsTr("%1 events match").arg(Number(populationModel.totalCount).toLocaleString(Qt.locale("en_US"), "f", 0))
                color: palette.placeholderText
            }
            Button {
                text: qsTr("Draw")
                highlighted: true
                enabled: !eventSample.running && view.log?.status === AuditLogSource.Ready
                Accessible.name: qsTr("Draw the sample")
                onClicked: eventSample.draw()
            }
            BusyIndicator { running: eventSample.running; visible: running; implicitHeight: 28; implicitWidth: 28 }
        }

        // What defines the sample: with these, anyone holding the log draws the same events again.
        Rectangle {
            visible: eventSample.drawn || eventSample.errorString.length > 0
            color: palette.alternateBase
            border.color: palette.mid
            radius: 4
            Layout.fillWidth: true
            implicitHeight: definition.implicitHeight + 16
            GridLayout {
                id: definition
                anchors.fill: parent
                anchors.margins: 8
                columns: 4
                columnSpacing: 12
                rowSpacing: 2
                Label { text: qsTr("Filter"); color: palette.placeholderText }
                Label { text: eventSample.filterDescription; elide: Text.ElideRight; Layout.fillWidth: true; Layout.columnSpan: 3 }
                Label { text: qsTr("Last seq"); color: palette.placeholderText }
                Label { text: eventSample.lastSeq; font.bold: true }
                Label { text: qsTr("Seed"); color: palette.placeholderText }
                TextEdit { text: eventSample.drawnSeed; readOnly: true; selectByMouse: true; color: palette.text; font.bold: true }
                Label { text: qsTr("Population"); color: palette.placeholderText }
                Label {
                    text: qsTr("%1 events%2").arg(eventSample.populationSize)
                        .arg(eventSample.strata.length > 0 ? " (" + eventSample.strata.map(s => s.group + " " + s.count).join(", ") + ")" : "")
                }
                Label { text: qsTr("Drawn"); color: palette.placeholderText }
                Label {
                    text: qsTr("%1 random%2").arg(eventSample.seqs.length)
                        .arg(eventSample.definition.sample_targeted === "denied" ? qsTr(", %1 denied attempts").arg(eventSample.targetedSeqs.length) : "")
                }
                Label { text: qsTr("Population SHA-256"); color: palette.placeholderText }
                TextEdit {
                    text: eventSample.populationDigest
                    readOnly: true
                    selectByMouse: true
                    color: palette.text
                    font.family: "monospace"
                    Layout.columnSpan: 3
                }
                Label {
                    objectName: "sampleError"
                    visible: text.length > 0
                    text: eventSample.errorString
                    color: "#c62828"
                    wrapMode: Text.Wrap
                    Layout.columnSpan: 4
                    Layout.fillWidth: true
                }
            }
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ColumnLayout {
                spacing: 0
                SplitView.fillWidth: true
                SplitView.minimumWidth: 420
                SampleTable {
                    id: table
                    events: eventSample.events
                    selectedSeqs: view.selectedSeqs
                    onToggled: (seq, on) => view.selectedSeqs = on ? view.selectedSeqs.concat([seq]) : view.selectedSeqs.filter(s => s !== seq)
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
                RowLayout {
                    spacing: 6
                    Layout.fillWidth: true
                    Label {
                        text: view.selectedSeqs.length > 0 ? qsTr("%1 selected").arg(view.selectedSeqs.length)
                            : eventSample.drawn ? qsTr("No row selected: a review covers every drawn event") : qsTr("Draw a sample to review it")
                        color: palette.placeholderText
                        Layout.fillWidth: true
                    }
                    Button {
                        text: qsTr("Export sample…")
                        enabled: eventSample.drawn && (view.log?.permissions ?? []).indexOf("trail.export") >= 0
                        Accessible.name: qsTr("Export the drawn events")
                        onClicked: exportDialog.open()
                    }
                }
            }
            ReviewPanel {
                review: trailReview
                log: view.log
                seqs: view.reviewedSeqs
                SplitView.preferredWidth: 360
                SplitView.minimumWidth: 280
            }
        }
        SourceStatusBar {
            log: view.log
            Layout.fillWidth: true
        }
    }
    AccessDeniedPane {
        id: accessGate
        anchors.fill: parent
        log: view.log
        viewName: "SamplingView"
    }
    SourceStatusBar {
        anchors.bottom: parent.bottom
        width: parent.width
        log: view.log
        visible: view.log?.status !== AuditLogSource.Ready
    }
}
