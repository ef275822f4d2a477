// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

/**
 * The document workflow and who may move a document along it:
 *
 *     draft --submit--> in_review --approve (e-signature)--> approved --release--> released
 *       ^                 |  reject                                                 |  |
 *       +-----------------+                                 revise (new version) ---+  +--obsolete--> obsolete
 *
 * Every step is an audit-trail action of the same name. Edits are allowed in draft only.
 */
class Workflow
{
public:
    struct Step {
        QString action; ///< submit, reject, approve, release, revise, obsolete
        QString from;
        QString to;
        QStringList roles;     ///< any of these may take the step
        bool needsReason;      ///< the trail's policy requires one for change actions
        bool needsSignature;   ///< an e-signature (password re-entered) is part of the step

        /// Whether a user with @p userRoles may take this step.
        bool isFor(const QStringList &userRoles) const;
    };

    static const QList<Step> &steps();
    /// The step @p action from @p state, if there is one.
    static std::optional<Step> step(const QString &action, const QString &state);
    /// The steps a user with @p roles may take from @p state.
    static QList<Step> stepsFor(const QString &state, const QStringList &roles);
    /// Whether @p roles may do @p what: "edit", "create", "view", "print", "export", "audit_views", "dashboard".
    static bool allows(const QStringList &roles, const QString &what);
    /// The meaning a signature of a user with @p roles carries for @p action (21 CFR 11.50(a)(3)).
    static QString signatureMeaning(const QString &action);
    /// "In review" for "in_review".
    static QString stateLabel(const QString &state);
};
