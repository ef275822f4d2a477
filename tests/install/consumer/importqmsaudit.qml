// SPDX-License-Identifier: LGPL-2.1-or-later
import QtQml
import QmsAudit

QtObject {
    // The singleton exists and answers: no trail is open in this process.
    property string result: "import QmsAudit: AuditTrail.isOpen=" + AuditTrail.isOpen
}
