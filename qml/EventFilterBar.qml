// SPDX-License-Identifier: LGPL-2.1-or-later
// The filter of AuditLogView: period, actor (with completion), action group or action, object,
// outcome and free text. It writes into an AuditEventModel, which applies the changes in one go.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

ColumnLayout {
    id: bar
    required property AuditEventModel model
    required property AuditLogSource log
    spacing: 6

    readonly property var periods: [
        { key: "all", title: qsTr("All time") },
        { key: "today", title: qsTr("Today") },
        { key: "7d", title: qsTr("Last 7 days") },
        { key: "30d", title: qsTr("Last 30 days") },
        { key: "quarter", title: qsTr("This quarter") },
        { key: "12m", title: qsTr("Last 12 months") },
        { key: "custom", title: qsTr("Custom…") }
    ]
    readonly property var actionChoices: {
        const list = [{ value: "", title: qsTr("All actions") }];
        const groups = ["access", "change", "workflow", "security", "audit", "system"];
        const groupTitles = [qsTr("Access (view, print, export…)"), qsTr("Changes (create, edit, delete…)"),
                             qsTr("Workflow (review, approve, sign…)"), qsTr("Security (logins, denied…)"),
                             qsTr("Use of the audit trail"), qsTr("Audit system")];
        for (let i = 0; i < groups.length; ++i)
            list.push({ value: groups[i], title: groupTitles[i] });
        const actions = ["view", "print", "export", "download", "search", "create", "edit", "revise", "delete",
                         "obsolete", "restore", "submit", "review", "approve", "reject", "release", "sign", "login",
                         "logout", "login_failed", "access_denied", "permission_change", "key_rotated",
                         "key_rotation_started", "trail_viewed", "trail_exported", "trail_verified", "trail_imported",
                         "review_recorded", "started", "stopped", "clock_anomaly", "record_failed"];
        for (const a of actions)
            list.push({ value: a, title: "  " + a });
        return list;
    }

    /// Sets from/to for a preset, in UTC (the log's time base).
    function applyPeriod(key) {
        const now = new Date();
        const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
        const day = 24 * 3600 * 1000;
        let from = undefined;
        if (key === "today") from = startOfDay;
        else if (key === "7d") from = new Date(startOfDay.getTime() - 6 * day);
        else if (key === "30d") from = new Date(startOfDay.getTime() - 29 * day);
        else if (key === "quarter") from = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
        else if (key === "12m") from = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
        if (key === "custom") {
            applyCustom();
            return;
        }
        bar.model.from = from === undefined ? new Date(NaN) : from;
        bar.model.to = new Date(NaN);
    }
    function parseDay(text) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim()))
            return new Date(NaN);
        return new Date(text.trim() + "T00:00:00Z");
    }
    function applyCustom() {
        bar.model.from = parseDay(fromField.text);
        const to = parseDay(toField.text);
        // "to" is inclusive for people: up to the end of that day.
        bar.model.to = isNaN(to.getTime()) ? to : new Date(to.getTime() + 24 * 3600 * 1000);
    }

    /// A period set on the model from outside (a view's from/to, the viewer's --from/--to) shows as
    /// "Custom…" with its days, not as "All time" over a filter that has a period.
    function showModelPeriod() {
        const hasFrom = bar.model.from instanceof Date && !isNaN(bar.model.from.getTime());
        const hasTo = bar.model.to instanceof Date && !isNaN(bar.model.to.getTime());
        if (periodBox.currentValue !== "all" || (!hasFrom && !hasTo))
            return;
        periodBox.currentIndex = periods.findIndex(p => p.key === "custom");
        fromField.text = hasFrom ? bar.model.from.toISOString().substring(0, 10) : "";
        // The field's "to" day is inclusive; the model's is the first day after.
        toField.text = hasTo ? new Date(bar.model.to.getTime() - 24 * 3600 * 1000).toISOString().substring(0, 10) : "";
    }
    Connections {
        target: bar.model
        // Later: a caller sets from and to one after the other.
        function onFilterChanged() { Qt.callLater(bar.showModelPeriod); }
    }
    Component.onCompleted: showModelPeriod()

    RowLayout {
        spacing: 6
        Layout.fillWidth: true
        ComboBox {
            id: periodBox
            model: bar.periods
            textRole: "title"
            valueRole: "key"
            Accessible.name: qsTr("Period")
            implicitContentWidthPolicy: ComboBox.WidestText
            onActivated: bar.applyPeriod(currentValue)
        }
        // The dates stay in the row, enabled for a custom period only: fields that appear and
        // disappear leave Qt 6.4's row laid out with its first items off the left edge when the
        // view was hidden meanwhile.
        TextField {
            id: fromField
            enabled: periodBox.currentValue === "custom"
            placeholderText: qsTr("from YYYY-MM-DD")
            Accessible.name: qsTr("From date")
            Layout.preferredWidth: 110
            Layout.minimumWidth: 100
            Layout.fillWidth: true
            onEditingFinished: bar.applyCustom()
        }
        TextField {
            id: toField
            enabled: periodBox.currentValue === "custom"
            placeholderText: qsTr("to YYYY-MM-DD")
            Accessible.name: qsTr("To date")
            Layout.preferredWidth: 110
            Layout.minimumWidth: 100
            Layout.fillWidth: true
            onEditingFinished: bar.applyCustom()
        }
        TextField {
            id: actorField
            placeholderText: qsTr("Actor id")
            Accessible.name: qsTr("Actor")
            // The row's preferred widths add up to less than 1280 px; every field may shrink below.
            Layout.preferredWidth: 120
            Layout.minimumWidth: 90
            Layout.fillWidth: true
            onTextEdited: completion.open()
            onEditingFinished: { bar.model.actorId = text; completion.close(); }
            Keys.onDownPressed: completionList.forceActiveFocus()
            Popup {
                id: completion
                y: actorField.height
                width: actorField.width
                height: Math.min(completionList.contentHeight + 2, 220)
                padding: 1
                visible: opened && completionList.count > 0 && actorField.text.length > 0
                ListView {
                    id: completionList
                    anchors.fill: parent
                    clip: true
                    model: (bar.log?.actorIds ?? []).filter(id => id.toLowerCase().startsWith(actorField.text.toLowerCase())).slice(0, 50)
                    delegate: ItemDelegate {
                        required property string modelData
                        width: ListView.view.width
                        text: modelData
                        highlighted: ListView.isCurrentItem
                        onClicked: { actorField.text = modelData; bar.model.actorId = modelData; completion.close(); }
                    }
                    Keys.onReturnPressed: { actorField.text = currentItem.modelData; bar.model.actorId = actorField.text; completion.close(); }
                }
            }
        }
        ComboBox {
            id: actionBox
            model: bar.actionChoices
            textRole: "title"
            valueRole: "value"
            Accessible.name: qsTr("Action or group of actions")
            Layout.preferredWidth: 200
            Layout.minimumWidth: 140
            Layout.fillWidth: true
            onActivated: bar.model.actions = currentValue === "" ? [] : [currentValue]
        }
        ComboBox {
            id: typeBox
            editable: true
            model: [""].concat(bar.log?.objectTypes ?? [])
            Accessible.name: qsTr("Object type")
            Layout.preferredWidth: 150
            Layout.minimumWidth: 110
            Layout.fillWidth: true
            displayText: editText.length > 0 ? editText : qsTr("Any object type")
            onAccepted: bar.model.objectType = editText
            onActivated: bar.model.objectType = currentText
        }
        TextField {
            id: objectField
            placeholderText: qsTr("Object id")
            Accessible.name: qsTr("Object id")
            Layout.preferredWidth: 100
            Layout.minimumWidth: 80
            Layout.fillWidth: true
            onEditingFinished: bar.model.objectId = text
        }
        ComboBox {
            id: outcomeBox
            model: [{ value: "", title: qsTr("Any outcome") }, { value: "success", title: qsTr("Success") },
                    { value: "denied", title: qsTr("Denied") }, { value: "failed", title: qsTr("Failed") }]
            textRole: "title"
            valueRole: "value"
            Accessible.name: qsTr("Outcome")
            onActivated: bar.model.outcome = currentValue
        }
        TextField {
            id: textField
            placeholderText: qsTr("Search title and reason")
            Accessible.name: qsTr("Free text")
            Layout.fillWidth: true
            Layout.minimumWidth: 140
            onTextEdited: bar.model.text = text
        }
        Button {
            text: qsTr("Clear")
            Accessible.name: qsTr("Clear the filter")
            onClicked: {
                periodBox.currentIndex = 0; actionBox.currentIndex = 0; outcomeBox.currentIndex = 0; typeBox.currentIndex = 0;
                actorField.text = ""; objectField.text = ""; textField.text = ""; typeBox.editText = "";
                bar.model.from = new Date(NaN); bar.model.to = new Date(NaN); bar.model.actorId = "";
                bar.model.actions = []; bar.model.objectType = ""; bar.model.objectId = ""; bar.model.outcome = ""; bar.model.text = "";
            }
        }
    }
}
