// SPDX-License-Identifier: LGPL-2.1-or-later
// One person over a period: counts by action, a timeline by day, the objects touched, the denied
// attempts, and the events themselves. Needs trail.view.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

Pane {
    id: view
    required property AuditLogSource log
    property string actorId
    property date from: new Date(NaN)
    property date to: new Date(NaN)
    readonly property bool permitted: accessGate.granted
    property alias activityModel: activity
    property alias summary: counts
    padding: 12
    Accessible.name: qsTr("User activity")

    AuditEventModel {
        id: activity
        log: view.permitted && view.actorId.length > 0 ? view.log : null
        viewName: "UserActivityView"
        actorId: view.actorId
        from: view.from
        to: view.to
    }
    ActivitySummary {
        id: counts
        model: activity
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        visible: view.permitted

        RowLayout {
            Label {
                text: counts.actors.length > 0 && counts.actors[0].name ? qsTr("%1 (%2)").arg(counts.actors[0].name).arg(view.actorId) : view.actorId
                font.pixelSize: 22
                font.bold: true
            }
            Label {
                text: (isNaN(view.from.getTime()) ? qsTr("from the start") : qsTr("from %1").arg(view.from.toISOString().substring(0, 10)))
                      + " " + (isNaN(view.to.getTime()) ? qsTr("until now") : qsTr("to %1").arg(view.to.toISOString().substring(0, 10)))
                color: palette.placeholderText
                Layout.fillWidth: true
            }
            Label {
                text: counts.running ? qsTr("Counting…") : qsTr("%1 events · %2 objects · %3 denied").arg(counts.total).arg(counts.objects.length).arg(counts.deniedCount)
                font.bold: true
            }
        }
        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            Layout.preferredHeight: 220
            Layout.maximumHeight: 220

            Frame {
                Layout.fillHeight: true
                Layout.preferredWidth: 300
                ColumnLayout {
                    anchors.fill: parent
                    Label { text: qsTr("By action"); font.bold: true }
                    Repeater {
                        model: counts.byAction.slice(0, 8)
                        delegate: RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            Label { text: modelData.action; Layout.preferredWidth: 110 }
                            Rectangle {
                                color: palette.highlight
                                height: 14
                                Layout.preferredWidth: Math.max(2, 120 * modelData.count / Math.max(1, counts.byAction[0].count))
                            }
                            Label { text: modelData.count }
                            Item { Layout.fillWidth: true }
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }
            Frame {
                Layout.fillHeight: true
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    Label { text: qsTr("Timeline (events per day)"); font.bold: true }
                    Item {
                        id: chart
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        readonly property int peak: Math.max(1, ...counts.byDay.map(d => d.count))
                        Row {
                            anchors.bottom: parent.bottom
                            height: parent.height - 16
                            spacing: 1
                            Repeater {
                                model: counts.byDay
                                delegate: Rectangle {
                                    required property var modelData
                                    anchors.bottom: parent.bottom
                                    width: Math.max(1, chart.width / Math.max(1, counts.byDay.length) - 1)
                                    height: Math.max(1, (chart.height - 16) * modelData.count / chart.peak)
                                    color: palette.highlight
                                    ToolTip.visible: hover.hovered
                                    ToolTip.text: modelData.day + ": " + modelData.count
                                    HoverHandler { id: hover }
                                }
                            }
                        }
                        Label {
                            anchors.left: parent.left
                            anchors.top: parent.top
                            text: counts.byDay.length > 0 ? counts.byDay[0].day + " … " + counts.byDay[counts.byDay.length - 1].day + qsTr(" · peak %1").arg(chart.peak) : ""
                            color: palette.placeholderText
                            font.pixelSize: 11
                        }
                    }
                }
            }
            Frame {
                Layout.fillHeight: true
                Layout.preferredWidth: 300
                ColumnLayout {
                    anchors.fill: parent
                    Label { text: qsTr("Denied attempts (%1)").arg(counts.deniedCount); font.bold: true; color: counts.deniedCount > 0 ? "#c62828" : palette.text }
                    ListView {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: counts.denied
                        delegate: Label {
                            required property var modelData
                            width: ListView.view.width
                            text: modelData.recordedAt.toISOString().substring(0, 16).replace("T", " ") + "  " + modelData.action + "  " + modelData.objectType + " " + modelData.objectId
                            elide: Text.ElideRight
                            font.pixelSize: 12
                        }
                    }
                }
            }
        }
        RowLayout {
            spacing: 12
            Layout.fillWidth: true
            Layout.fillHeight: true
            Frame {
                Layout.fillHeight: true
                Layout.preferredWidth: 300
                ColumnLayout {
                    anchors.fill: parent
                    Label { text: qsTr("Objects touched (%1)").arg(counts.objects.length); font.bold: true }
                    ListView {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: counts.objects
                        ScrollBar.vertical: ScrollBar {}
                        delegate: Label {
                            required property var modelData
                            width: ListView.view.width
                            text: modelData.count + "  " + modelData.type + " " + modelData.id + (modelData.title ? " — " + modelData.title : "")
                            elide: Text.ElideRight
                            font.pixelSize: 12
                        }
                    }
                }
            }
            EventTable {
                model: activity
                Layout.fillWidth: true
                Layout.fillHeight: true
                Component.onCompleted: { setColumnVisible(2, false); }
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
        viewName: "UserActivityView"
    }
}
