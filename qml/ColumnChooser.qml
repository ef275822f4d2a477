// SPDX-License-Identifier: LGPL-2.1-or-later
// A button with a menu of the table's columns, each one a check box.
import QtQuick
import QtQuick.Controls

Button {
    id: chooser
    /// [{title, visible}], changed in place
    property var columns: []
    signal toggled(int column, bool shown)
    text: qsTr("Columns")
    Accessible.name: qsTr("Choose columns")
    onClicked: menu.open()

    Menu {
        id: menu
        y: chooser.height
        Repeater {
            model: chooser.columns.length
            MenuItem {
                required property int index
                text: chooser.columns[index].title
                checkable: true
                checked: chooser.columns[index].visible
                onToggled: chooser.toggled(index, checked)
            }
        }
    }
}
