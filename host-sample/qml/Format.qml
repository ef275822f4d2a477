// SPDX-License-Identifier: LGPL-2.1-or-later
// How QMS Desk writes names, types, roles and times. An object per page rather than a singleton:
// the pages are compiled in without a qmldir, and a qmldir is what a singleton would need.
import QtQuick
import QmsDemo

QtObject {
    /// Colours of meaning, the same values the QmsAudit views use for denied, intact and diffs.
    readonly property color danger: "#c62828"
    readonly property color success: "#2e7d32"
    readonly property color warning: "#b26a00"
    readonly property color brand: "#1f3a5f"
    readonly property color brandText: "#ffffff"
    readonly property color border: "#d5d8dc"

    readonly property var typeLabels: ({
        procedure: qsTr("Procedure"),
        work_instruction: qsTr("Work instruction"),
        form: qsTr("Form"),
        calibration_record: qsTr("Calibration record")
    })
    readonly property var roleLabels: ({
        author: qsTr("Author"),
        reviewer: qsTr("Reviewer"),
        approver: qsTr("Approver"),
        auditor: qsTr("Auditor"),
        manager: qsTr("Manager"),
        admin: qsTr("Administrator")
    })
    readonly property var stepLabels: ({
        submit: qsTr("Submit for review"),
        reject: qsTr("Reject"),
        approve: qsTr("Approve…"),
        release: qsTr("Release"),
        revise: qsTr("Start a revision"),
        obsolete: qsTr("Make obsolete")
    })
    // Looked up once: the directory does not change while the application runs.
    readonly property var names: {
        const map = {};
        for (const u of Desk.users)
            map[u.id] = u.name;
        return map;
    }

    function typeLabel(type) { return typeLabels[type] ?? type; }
    function roleLabel(role) { return roleLabels[role] ?? role; }
    function rolesLabel(roles) { return (roles ?? []).map(roleLabel).join(", "); }
    function stepLabel(action) { return stepLabels[action] ?? action; }
    function userName(id) { return names[id] ?? id; }
    /// "2026-11-29T13:59:14Z" → "2026-11-29 13:59 UTC": the register and the trail keep UTC.
    function utc(iso) {
        if (!iso)
            return "";
        return iso.substring(0, 16).replace("T", " ") + " UTC";
    }
}
