// SPDX-License-Identifier: LGPL-2.1-or-later
// The events of an AuditEventModel as a table: a header, chosen columns, a current row moved with
// the keyboard (arrows, Page Up/Down, Home/End), and the window extended towards either end as
// the user scrolls (the model never holds more than a few pages: docs/design-notes.md, pitfall 15).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QmsAudit

FocusScope {
    id: root
    required property AuditEventModel model
    property int currentRow: -1
    readonly property int rowHeight: 28
    /// [{title, width, visible}] per model column.
    property var columns: [
        { title: qsTr("Seq"), width: 80, visible: true },
        { title: qsTr("Recorded (UTC)"), width: 230, visible: true },
        { title: qsTr("User"), width: 190, visible: true },
        { title: qsTr("Action"), width: 110, visible: true },
        { title: qsTr("Object"), width: 200, visible: true },
        { title: qsTr("Title"), width: 260, visible: true },
        { title: qsTr("Outcome"), width: 90, visible: true },
        { title: qsTr("Reason"), width: 260, visible: false }
    ]
    signal activated(int row)
    Accessible.role: Accessible.Table
    Accessible.name: qsTr("Audit events")

    function setColumnVisible(column, shown) {
        const copy = columns.slice();
        copy[column] = Object.assign({}, copy[column], { visible: shown });
        columns = copy;
        table.forceLayout();
    }
    function setCurrent(row) {
        if (root.model.rows === 0) { currentRow = -1; return; }
        currentRow = Math.max(0, Math.min(row, root.model.rows - 1));
        table.positionViewAtRow(currentRow, TableView.Contain);
        if (currentRow >= root.model.rows - 5 && root.model.hasLater)
            root.model.fetchMore(root.model.index(-1, -1));
        if (currentRow < 5 && root.model.hasEarlier)
            root.model.fetchEarlier();
    }

    Connections {
        target: root.model
        function onWindowReset() { root.currentRow = root.model.rows > 0 ? 0 : -1; table.contentY = 0; }
        // Rows added at the top or dropped from it move the content: keep the same events in view.
        function onRowsInserted(parent, first, last) {
            if (first === 0 && root.model.rows > last + 1) {
                table.contentY += (last + 1) * root.rowHeight;
                if (root.currentRow >= 0) root.currentRow += last + 1;
            }
        }
        function onRowsRemoved(parent, first, last) {
            if (first === 0 && root.model.rows > 0) {
                table.contentY = Math.max(0, table.contentY - (last + 1) * root.rowHeight);
                if (root.currentRow >= 0) root.currentRow = Math.max(0, root.currentRow - (last + 1));
            }
        }
    }

    HorizontalHeaderView {
        id: header
        syncView: table
        anchors.left: parent.left
        anchors.top: parent.top
        clip: true
        delegate: Rectangle {
            required property int index
            implicitHeight: 30
            implicitWidth: 80
            color: palette.button
            Label {
                anchors.fill: parent
                anchors.leftMargin: 6
                verticalAlignment: Text.AlignVCenter
                text: root.columns[index].title
                font.bold: true
                elide: Text.ElideRight
            }
        }
    }

    TableView {
        id: table
        objectName: "eventTableView"
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        clip: true
        focus: true
        boundsBehavior: Flickable.StopAtBounds
        model: root.model
        columnWidthProvider: column => root.columns[column].visible ? root.columns[column].width : 0
        rowHeightProvider: () => root.rowHeight
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
        ScrollBar.horizontal: ScrollBar {}
        onContentYChanged: {
            if (contentY < root.rowHeight * 10 && root.model.hasEarlier && !root.model.loading)
                root.model.fetchEarlier();
        }

        delegate: Rectangle {
            id: cell
            required property int row
            required property int column
            required property string display
            required property string outcome
            implicitHeight: root.rowHeight
            color: row === root.currentRow ? palette.highlight
                 : outcome !== "success" ? Qt.rgba(0.85, 0.2, 0.2, 0.16)
                 : row % 2 ? palette.alternateBase : palette.base
            Label {
                anchors.fill: parent
                anchors.leftMargin: 6
                anchors.rightMargin: 6
                verticalAlignment: Text.AlignVCenter
                text: cell.display
                elide: Text.ElideRight
                color: cell.row === root.currentRow ? palette.highlightedText : palette.text
            }
            MouseArea {
                anchors.fill: parent
                onClicked: { root.setCurrent(cell.row); table.forceActiveFocus(); }
                onDoubleClicked: root.activated(cell.row)
            }
        }

        Keys.onUpPressed: root.setCurrent(root.currentRow - 1)
        Keys.onDownPressed: root.setCurrent(root.currentRow + 1)
        Keys.onPressed: event => {
            const page = Math.max(1, Math.floor(table.height / root.rowHeight) - 1);
            if (event.key === Qt.Key_PageDown) { root.setCurrent(root.currentRow + page); event.accepted = true; }
            else if (event.key === Qt.Key_PageUp) { root.setCurrent(root.currentRow - page); event.accepted = true; }
            else if (event.key === Qt.Key_Home && (event.modifiers & Qt.ControlModifier)) { root.model.jumpToStart(); event.accepted = true; }
            else if (event.key === Qt.Key_End && (event.modifiers & Qt.ControlModifier)) { root.model.jumpToEnd(); event.accepted = true; }
            else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) { root.activated(root.currentRow); event.accepted = true; }
        }
    }

    Label {
        anchors.centerIn: table
        visible: root.model.ready && root.model.rows === 0
        text: root.model.errorString.length > 0 ? root.model.errorString
            : root.model.filterValid ? qsTr("No events match this filter.") : root.model.filterDescription
        color: palette.placeholderText
    }
    BusyIndicator {
        anchors.centerIn: table
        running: !root.model.ready
        visible: running
    }
}
