// SPDX-License-Identifier: LGPL-2.1-or-later
// The core's Qt enums in QML, as the uncreatable namespace Audit:
//     import QmsAudit
//     Audit.View, Audit.KeyRotated, Audit.Change (ActionCategory), Audit.Denied (Outcome)
// The names used in events and in the export format stay the snake_case strings ("view").
//
// Registered by hand: Qt 6.4's qmltyperegistrar emits invalid code for QML_FOREIGN_NAMESPACE
// (QMetaType::fromType<Namespace>()), see docs/design-notes.md. Runs when the module's backing
// library is loaded, before any engine imports the module.
#include <qmsaudit/action.h>

#include <QtQml/qqml.h>

namespace {

void registerAuditEnums()
{
    qmlRegisterUncreatableMetaObject(QmsAudit::staticMetaObject, "QmsAudit", 1, 0, "Audit",
                                     QStringLiteral("Audit holds the enums Action, ActionCategory and Outcome; it cannot be created."));
}

} // namespace

Q_CONSTRUCTOR_FUNCTION(registerAuditEnums)
