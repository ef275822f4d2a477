// SPDX-License-Identifier: LGPL-2.1-or-later
// The management review dashboard (ISO 9001 §9.3): what the log shows for a period beside the
// previous one, its charts, the anomaly flags, the log's integrity and whether recorded reviews of
// the audit trail cover each month; and the period's report as PDF. Needs review.dashboard; each
// period shown is recorded, and so is each report written.
// Qt Charts' ChartView needs a QApplication (docs/design-notes.md, pitfall 13).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import QmsAudit

Pane {
    id: view
    required property AuditLogSource log
    /// The period shown ("2026-Q3", "2026-07", "2026", "2026-07-01..2026-07-15"); empty: the last whole quarter.
    property alias period: review.period
    property alias review: review
    property alias reportDialog: reportDialog
    readonly property bool permitted: accessGate.granted
    /// The charts follow the palette: dark when the window is.
    readonly property bool darkPalette: palette.window.hslLightness < 0.5
    readonly property var groupColors: ({ access: "#4e79a7", change: "#f28e2b", workflow: "#59a14f", security: "#e15759", audit: "#b07aa1", system: "#9c9c9c" })
    padding: 12
    Accessible.name: qsTr("Management review")

    ManagementReview {
        id: review
        log: view.log
        onResultChanged: {
            picker.showPeriod(periodLabel);
            charts.update();
        }
    }

    ReviewReportDialog {
        id: reportDialog
        review: view.review
        log: view.log
    }

    /// The period's form: "2026-Q3" → kind Quarter, year 2026, quarter 3.
    QtObject {
        id: picker
        property bool showing: false
        function showPeriod(text) {
            showing = true;
            const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
            const month = /^(\d{4})-(\d{2})$/.exec(text);
            const year = /^(\d{4})$/.exec(text);
            const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
            if (quarter) { kindBox.currentIndex = 1; yearBox.value = +quarter[1]; partBox.currentIndex = +quarter[2] - 1; }
            else if (month) { kindBox.currentIndex = 0; yearBox.value = +month[1]; partBox.currentIndex = +month[2] - 1; }
            else if (year) { kindBox.currentIndex = 2; yearBox.value = +year[1]; }
            else if (custom) { kindBox.currentIndex = 3; fromField.text = custom[1]; toField.text = custom[2]; }
            showing = false;
        }
        function chosen() {
            const y = yearBox.value;
            switch (kindBox.currentIndex) {
            case 0: return y + "-" + String(partBox.currentIndex + 1).padStart(2, "0");
            case 1: return y + "-Q" + (partBox.currentIndex + 1);
            case 2: return String(y);
            default: return fromField.text + ".." + toField.text;
            }
        }
        function apply() { if (!showing) review.period = chosen(); }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        visible: view.permitted

        RowLayout {
            spacing: 8
            Layout.fillWidth: true
            Label {
                text: qsTr("Management review")
                font.pixelSize: 22
                font.bold: true
            }
            Label {
                text: review.periodRange
                color: palette.placeholderText
                Layout.fillWidth: true
            }
            ComboBox {
                id: kindBox
                model: [qsTr("Month"), qsTr("Quarter"), qsTr("Year"), qsTr("Custom")]
                currentIndex: 1
                Accessible.name: qsTr("Kind of period")
                onActivated: picker.apply()
            }
            SpinBox {
                id: yearBox
                visible: kindBox.currentIndex < 3
                from: 2000
                to: 2100
                value: new Date().getUTCFullYear()
                editable: true
                textFromValue: value => String(value)
                Accessible.name: qsTr("Year")
                onValueModified: picker.apply()
            }
            ComboBox {
                id: partBox
                visible: kindBox.currentIndex < 2
                model: kindBox.currentIndex === 0 ? Array.from({ length: 12 }, (_, i) => Qt.locale("en_US").standaloneMonthName(i, Locale.ShortFormat))
                                                  : ["Q1", "Q2", "Q3", "Q4"]
                Accessible.name: kindBox.currentIndex === 0 ? qsTr("Month") : qsTr("Quarter")
                onActivated: picker.apply()
            }
            TextField {
                id: fromField
                visible: kindBox.currentIndex === 3
                placeholderText: "YYYY-MM-DD"
                Accessible.name: qsTr("First day")
                onEditingFinished: picker.apply()
            }
            Label { visible: kindBox.currentIndex === 3; text: qsTr("to (excluded)") }
            TextField {
                id: toField
                visible: kindBox.currentIndex === 3
                placeholderText: "YYYY-MM-DD"
                Accessible.name: qsTr("Day after the last")
                onEditingFinished: picker.apply()
            }
            CheckBox {
                text: qsTr("Compare with %1").arg(review.previousLabel.length > 0 ? review.previousLabel : qsTr("previous"))
                checked: review.comparePrevious
                onToggled: review.comparePrevious = checked
            }
            BusyIndicator {
                running: review.running
                visible: running
                implicitWidth: 28
                implicitHeight: 28
            }
            Button {
                objectName: "saveReportPdfButton"
                text: qsTr("Save report as PDF…")
                enabled: review.errorString.length === 0
                Accessible.name: qsTr("Save the management review of this period as a PDF report")
                onClicked: reportDialog.open()
            }
        }
        Label {
            visible: review.errorString.length > 0
            text: review.errorString
            color: "#c62828"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        ScrollView {
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: scroller.availableWidth
                spacing: 12

                // Key figures, integrity and review coverage: what the meeting reads first.
                RowLayout {
                    spacing: 12
                    Layout.fillWidth: true
                    GroupBox {
                        title: qsTr("Key figures: %1").arg(review.periodLabel)
                        Layout.alignment: Qt.AlignTop
                        GridLayout {
                            columns: 4
                            columnSpacing: 18
                            rowSpacing: 3
                            Label { text: qsTr("Figure"); font.bold: true }
                            Label { text: review.periodLabel; font.bold: true; Layout.alignment: Qt.AlignRight }
                            Label { text: review.previousLabel; font.bold: true; visible: review.comparePrevious; Layout.alignment: Qt.AlignRight }
                            Label { text: qsTr("Change"); font.bold: true; visible: review.comparePrevious; Layout.alignment: Qt.AlignRight }
                            Repeater {
                                model: review.keyFigures
                                delegate: Label {
                                    required property var modelData
                                    required property int index
                                    Layout.row: index + 1
                                    Layout.column: 0
                                    text: modelData.name
                                    color: modelData.name === "changes without a reason" && modelData.value > 0 ? "#c62828" : palette.windowText
                                }
                            }
                            Repeater {
                                model: review.keyFigures
                                delegate: Label {
                                    required property var modelData
                                    required property int index
                                    Layout.row: index + 1
                                    Layout.column: 1
                                    Layout.alignment: Qt.AlignRight
                                    text: Number(modelData.value).toLocaleString(Qt.locale("en_US"), "f", 0)
                                    font.bold: true
                                }
                            }
                            Repeater {
                                model: review.comparePrevious ? review.keyFigures : []
                                delegate: Label {
                                    required property var modelData
                                    required property int index
                                    Layout.row: index + 1
                                    Layout.column: 2
                                    Layout.alignment: Qt.AlignRight
                                    text: modelData.previous === undefined ? "" : Number(modelData.previous).toLocaleString(Qt.locale("en_US"), "f", 0)
                                    color: palette.placeholderText
                                }
                            }
                            Repeater {
                                model: review.comparePrevious ? review.keyFigures : []
                                delegate: Label {
                                    required property var modelData
                                    required property int index
                                    Layout.row: index + 1
                                    Layout.column: 3
                                    Layout.alignment: Qt.AlignRight
                                    text: (modelData.direction === "up" ? "▲ " : modelData.direction === "down" ? "▼ " : "= ") + modelData.change
                                    Accessible.name: modelData.name + " " + modelData.direction + " " + modelData.change
                                }
                            }
                        }
                    }
                    GroupBox {
                        id: integrityBox
                        title: qsTr("Integrity")
                        Layout.alignment: Qt.AlignTop
                        Layout.preferredWidth: 330
                        readonly property var last: review.integrity.lastVerification
                        readonly property var passed: review.integrity.lastPassedVerification
                        ColumnLayout {
                            width: parent.width
                            spacing: 4
                            Label {
                                readonly property var last: integrityBox.last
                                text: !last ? qsTr("Never verified") : last.result === "ok" ? qsTr("Verified intact") : last.result === "failed" ? qsTr("Last verification FAILED") : qsTr("Last verification cancelled")
                                font.bold: true
                                font.pixelSize: 16
                                color: !last ? "#b26a00" : last.result === "ok" ? "#2e7d32" : last.result === "failed" ? "#c62828" : "#b26a00"
                            }
                            Label {
                                readonly property var last: integrityBox.last
                                visible: !!last
                                text: last ? qsTr("%1 by %2, up to seq %3").arg(last.at).arg(last.actor).arg(last.lastSeq) : ""
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                readonly property var passed: integrityBox.passed
                                visible: !!passed && (!integrityBox.last || passed.seq !== integrityBox.last.seq)
                                text: passed ? qsTr("Last passed: %1 (seq %2)").arg(passed.at).arg(passed.lastSeq) : ""
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                readonly property real since: review.integrity.eventsSinceLastPass ?? 0
                                text: (integrityBox.passed ? qsTr("%1 recorded since it passed") : qsTr("%1 recorded, none of them verified"))
                                      .arg(since === 1 ? qsTr("1 event") : qsTr("%1 events").arg(Number(since).toLocaleString(Qt.locale("en_US"), "f", 0)))
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label { text: qsTr("Head: seq %1 at %2").arg(review.integrity.headSeq ?? 0).arg(review.integrity.headAt ?? ""); color: palette.placeholderText }
                            TextEdit {
                                text: review.integrity.headHash ?? ""
                                readOnly: true
                                selectByMouse: true
                                wrapMode: TextEdit.WrapAnywhere
                                color: palette.text
                                font.family: "monospace"
                                font.pixelSize: 11
                                Layout.fillWidth: true
                                Accessible.name: qsTr("Head hash")
                            }
                        }
                    }
                    GroupBox {
                        title: qsTr("Audit-trail review coverage: %1 of %2 months").arg(review.reviewedMonths).arg(review.coverage.length)
                        Layout.alignment: Qt.AlignTop
                        Layout.fillWidth: true
                        Flow {
                            width: parent.width
                            spacing: 6
                            Repeater {
                                model: review.coverage
                                delegate: Rectangle {
                                    required property var modelData
                                    readonly property string state_: modelData.state
                                    width: 92
                                    height: 52
                                    radius: 4
                                    color: state_ === "reviewed" ? Qt.rgba(0.18, 0.6, 0.3, 0.25) : state_ === "partly_reviewed" ? Qt.rgba(0.95, 0.65, 0.1, 0.3) : Qt.rgba(0.85, 0.2, 0.2, 0.22)
                                    border.color: state_ === "reviewed" ? "#2e7d32" : state_ === "partly_reviewed" ? "#b26a00" : "#c62828"
                                    Accessible.name: modelData.month + " " + state_
                                    Column {
                                        anchors.centerIn: parent
                                        Label { text: modelData.month; font.bold: true; anchors.horizontalCenter: parent.horizontalCenter }
                                        Label {
                                            text: state_ === "reviewed" ? qsTr("reviewed") : state_ === "partly_reviewed" ? qsTr("%1 % covered").arg(modelData.coveredPercent) : qsTr("not reviewed")
                                            font.pixelSize: 11
                                            anchors.horizontalCenter: parent.horizontalCenter
                                        }
                                    }
                                    HoverHandler { id: hover }
                                    ToolTip.visible: hover.hovered && modelData.statements.length > 0
                                    ToolTip.text: modelData.statements.map(s => qsTr("seq %1: %2 – signed by %3 on %4 (%5): %6").arg(s.seq).arg(s.period).arg(s.reviewer).arg(s.signedAt).arg(s.meaning).arg(s.result)).join("\n")
                                }
                            }
                        }
                    }
                }

                QtObject {
                    id: charts
                    /// Fills every chart from the period's figures (ChartView series are not models).
                    function update() {
                        const weeks = review.weeks;
                        const labels = weeks.map(w => w.week.substring(5));
                        weekAxis.categories = labels;
                        activity.clear();
                        let highest = 1;
                        for (const group of review.actionGroups) {
                            const set = activity.append(group, weeks.map(w => w[group]));
                            set.color = view.groupColors[group];
                            set.borderColor = view.groupColors[group];
                        }
                        for (const w of weeks) highest = Math.max(highest, w.total);
                        activityAxis.max = highest;
                        activityAxis.applyNiceNumbers();

                        const trendSeries = [[changesLine, "change"], [approvalsLine, "approvals"], [releasesLine, "releases"]];
                        let trendHighest = 1;
                        for (const [line, key] of trendSeries) {
                            line.clear();
                            weeks.forEach((w, i) => { line.append(i, w[key]); trendHighest = Math.max(trendHighest, w[key]); });
                        }
                        for (const label of trendX.categoriesLabels)
                            trendX.remove(label);
                        // Every week's label while they fit, else every second or fourth one.
                        const every = labels.length > 27 ? 4 : labels.length > 14 ? 2 : 1;
                        labels.forEach((label, i) => { if (i % every === 0) trendX.append(label, i); });
                        trendX.max = Math.max(1, weeks.length - 1);
                        trendY.max = trendHighest;
                        trendY.applyNiceNumbers();

                        deniedSeries.clear();
                        const denied = deniedSeries.append(qsTr("denied"), weeks.map(w => w.denied));
                        denied.color = "#e15759";
                        deniedWeekAxis.categories = labels;
                        deniedAxis.max = Math.max(1, ...weeks.map(w => w.denied));
                        deniedAxis.applyNiceNumbers();

                        fillRanking(documentsSeries, documentsAxis, documentsValues, review.topDocuments, "#4e79a7");
                        fillRanking(usersSeries, usersAxis, usersValues, review.topUsers, "#f28e2b");

                        cycleAxis.categories = review.cycleTimes.map(c => c.objectType);
                        cycleSeries.clear();
                        const cycleSets = [["submit→approve median", "approveMedianDays", "#59a14f"], ["submit→approve p90", "approveP90Days", "#8cd17d"],
                                           ["submit→release median", "releaseMedianDays", "#4e79a7"], ["submit→release p90", "releaseP90Days", "#a0cbe8"]];
                        let longest = 1;
                        for (const [name, key, color] of cycleSets) {
                            const set = cycleSeries.append(name, review.cycleTimes.map(c => c[key]));
                            set.color = color;
                            for (const c of review.cycleTimes) longest = Math.max(longest, c[key]);
                        }
                        cycleDays.max = longest;
                        cycleDays.applyNiceNumbers();
                    }
                    function fillRanking(series, axis, values, ranking, color) {
                        // Most first at the top: a horizontal bar chart draws its first category at the bottom.
                        const rows = ranking.slice().reverse();
                        series.clear();
                        const set = series.append(qsTr("events"), rows.map(r => r.count));
                        set.color = color;
                        axis.categories = rows.map(r => r.label);
                        values.max = Math.max(1, ...rows.map(r => r.count));
                        values.applyNiceNumbers();
                    }
                }

                GridLayout {
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 12
                    Layout.fillWidth: true

                    ChartView {
                        readonly property string caption: qsTr("Activity per ISO week by action group")
                        title: caption
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        Layout.preferredHeight: 320
                        antialiasing: true
                        theme: view.darkPalette ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                        legend.alignment: Qt.AlignRight
                        Accessible.name: caption
                        StackedBarSeries {
                            id: activity
                            axisX: BarCategoryAxis { id: weekAxis; labelsAngle: -60 }
                            axisY: ValueAxis { id: activityAxis; min: 0; labelFormat: "%d" }
                        }
                    }
                    ChartView {
                        readonly property string caption: qsTr("Changes, approvals and releases per week")
                        title: caption
                        Layout.fillWidth: true
                        Layout.preferredHeight: 280
                        antialiasing: true
                        theme: view.darkPalette ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                        Accessible.name: caption
                        CategoryAxis { id: trendX; min: 0; labelsPosition: CategoryAxis.AxisLabelsPositionOnValue; labelsAngle: -60 }
                        ValueAxis { id: trendY; min: 0; labelFormat: "%d" }
                        LineSeries { id: changesLine; name: qsTr("changes"); axisX: trendX; axisY: trendY; color: "#f28e2b"; width: 2 }
                        LineSeries { id: approvalsLine; name: qsTr("approvals"); axisX: trendX; axisY: trendY; color: "#59a14f"; width: 2 }
                        LineSeries { id: releasesLine; name: qsTr("releases"); axisX: trendX; axisY: trendY; color: "#4e79a7"; width: 2 }
                    }
                    ChartView {
                        readonly property string caption: qsTr("Denied attempts per week")
                        title: caption
                        Layout.fillWidth: true
                        Layout.preferredHeight: 280
                        antialiasing: true
                        legend.visible: false
                        theme: view.darkPalette ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                        Accessible.name: caption
                        BarSeries {
                            id: deniedSeries
                            axisX: BarCategoryAxis { id: deniedWeekAxis; labelsAngle: -60; truncateLabels: false }
                            axisY: ValueAxis { id: deniedAxis; min: 0; labelFormat: "%d" }
                        }
                    }
                    ChartView {
                        readonly property string caption: qsTr("Top accessed documents")
                        title: caption
                        Layout.fillWidth: true
                        Layout.preferredHeight: 300
                        antialiasing: true
                        legend.visible: false
                        theme: view.darkPalette ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                        Accessible.name: caption
                        HorizontalBarSeries {
                            id: documentsSeries
                            axisY: BarCategoryAxis { id: documentsAxis; truncateLabels: false }
                            axisX: ValueAxis { id: documentsValues; min: 0; labelFormat: "%d" }
                        }
                    }
                    ChartView {
                        readonly property string caption: qsTr("Top users by changes")
                        title: caption
                        Layout.fillWidth: true
                        Layout.preferredHeight: 300
                        antialiasing: true
                        legend.visible: false
                        theme: view.darkPalette ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                        Accessible.name: caption
                        HorizontalBarSeries {
                            id: usersSeries
                            axisY: BarCategoryAxis { id: usersAxis; truncateLabels: false }
                            axisX: ValueAxis { id: usersValues; min: 0; labelFormat: "%d" }
                        }
                    }
                    ChartView {
                        readonly property string caption: qsTr("Cycle times (days)")
                        title: caption
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        Layout.preferredHeight: 280
                        antialiasing: true
                        legend.alignment: Qt.AlignRight
                        theme: view.darkPalette ? ChartView.ChartThemeDark : ChartView.ChartThemeLight
                        Accessible.name: caption
                        BarSeries {
                            id: cycleSeries
                            axisX: BarCategoryAxis { id: cycleAxis; truncateLabels: false }
                            axisY: ValueAxis { id: cycleDays; min: 0; labelFormat: "%.1f" }
                        }
                    }
                }

                GroupBox {
                    title: review.anomaliesRunning ? qsTr("Anomaly flags (scanning the period…)")
                         : qsTr("Anomaly flags: %1").arg(review.anomalyCount)
                    Layout.fillWidth: true
                    ColumnLayout {
                        width: parent.width
                        spacing: 4
                        RowLayout {
                            visible: review.anomaliesRunning
                            BusyIndicator { running: review.anomaliesRunning; implicitWidth: 24; implicitHeight: 24 }
                            Label { text: qsTr("The flags stream every event of the period; the figures above are complete.") }
                            Button { text: qsTr("Stop"); onClicked: review.cancel() }
                        }
                        Label {
                            visible: review.anomalyError.length > 0
                            text: review.anomalyError
                            color: "#c62828"
                        }
                        Label {
                            visible: review.anomaliesReady
                            text: review.anomalyCount === 0 ? qsTr("No anomaly flags in this period.")
                                : Object.keys(review.anomalyCounts).map(rule => rule + ": " + review.anomalyCounts[rule]).join("   ")
                            font.bold: true
                        }
                        Repeater {
                            model: review.anomalies.slice(0, 25)
                            delegate: Label {
                                required property var modelData
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                textFormat: Text.PlainText
                                text: "[" + modelData.severity.toUpperCase() + "] " + modelData.rule + " · " + modelData.actor
                                      + (modelData.object.length > 0 ? " · " + modelData.object : "") + " · " + modelData.first
                                      + " — " + modelData.explanation + "  (seq " + modelData.seqs.slice(0, 8).join(", ")
                                      + (modelData.eventCount > 8 ? qsTr(", … %1 events").arg(modelData.eventCount) : "") + ")"
                                color: modelData.severity === "high" ? "#c62828" : palette.windowText
                            }
                        }
                        Label {
                            visible: review.anomalyCount > 25
                            text: qsTr("… and %1 more flags (qms-audit anomalies lists them all).").arg(review.anomalyCount - 25)
                            color: palette.placeholderText
                        }
                    }
                }

                GroupBox {
                    title: qsTr("Stale documents: %1 without a revision or review for %2 days").arg(review.staleDocumentCount).arg(review.staleAfterDays)
                    Layout.fillWidth: true
                    visible: review.ready
                    Flow {
                        width: parent.width
                        spacing: 14
                        Repeater {
                            model: review.staleDocuments
                            delegate: Label {
                                required property var modelData
                                text: modelData.objectType + " " + modelData.objectId + qsTr(" (revised %1, reviewed %2)").arg(modelData.lastRevised).arg(modelData.lastReviewed)
                            }
                        }
                    }
                }
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
        permission: "review.dashboard"
        viewName: "ManagementReviewView"
    }
}
