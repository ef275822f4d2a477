// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/// A signature on a version (21 CFR 11.50: printed name, date and time, meaning).
struct DocumentSignature {
    QString userId;
    QString userName;
    QString meaning;   ///< "Approved", "Reviewed", …
    QString signedAt;  ///< ISO 8601 UTC
    QString version;
};

/// One released or superseded version, kept so that earlier values are never lost.
struct DocumentVersion {
    QString version;
    QString title;
    QString content;
    QString state;
    QString changedAt; ///< ISO 8601 UTC
};

/// A controlled document of the register (procedure, work instruction, form, calibration record).
struct ControlledDocument {
    QString id;      ///< "SOP-017"
    QString type;    ///< procedure, work_instruction, form, calibration_record
    QString title;
    QString content;
    QString version; ///< "1", "2", … : one more for every revision
    QString state;   ///< draft, in_review, approved, released, obsolete
    QString owner;   ///< user id of the author
    QString updatedAt;
    QList<DocumentVersion> history;     ///< earlier versions, oldest first
    QList<DocumentSignature> signatures;

    /// The event "object" map for the audit trail.
    QVariantMap auditObject() const;
    QJsonObject toJson() const;
    static ControlledDocument fromJson(const QJsonObject &json);
};
