// SPDX-License-Identifier: LGPL-2.1-or-later
import QtQuick
import QtTest
import QmsAudit

TestCase {
    id: testCase
    name: "AuditTrail"

    SignalSpy {
        id: recordedSpy
        target: AuditTrail
        signalName: "recorded"
    }

    SignalSpy {
        id: failedSpy
        target: AuditTrail
        signalName: "recordFailed"
    }

    SignalSpy {
        id: openSpy
        target: AuditTrail
        signalName: "isOpenChanged"
    }

    function initTestCase() {
        auditHelper.watchWarnings() // warnings outside test functions fail the run (see main.cpp)
    }

    function init() {
        failOnWarning(/.?/)
        if (!AuditTrail.isOpen)
            verify(AuditTrail.open(auditConfig), AuditTrail.lastError)
        AuditTrail.setCurrentUser({ id: "u42", name: "Ada Lovelace", roles: ["qa_manager"] })
        recordedSpy.clear()
        failedSpy.clear()
        openSpy.clear()
    }

    function lastEvent() {
        var events = auditHelper.events()
        return events[events.length - 1]
    }

    function test_viewInOneLine() {
        var seq = AuditTrail.viewed("procedure", "SOP-017", "Calibration of torque wrenches")
        verify(seq > 0, "seq " + seq + ": " + AuditTrail.lastError)
        verify(AuditTrail.available)
        verify(AuditTrail.isOpen)
        compare(AuditTrail.lastError, "")

        var event = lastEvent()
        compare(event.seq, seq)
        compare(event.action, "view")
        compare(event.object.type, "procedure")
        compare(event.object.id, "SOP-017")
        compare(event.object.title, "Calibration of torque wrenches")
        compare(event.actor.id, "u42")
        compare(event.host.app, "qmsaudit-qml-tests")
    }

    function test_changeWithoutReasonIsRefused() {
        var before = auditHelper.countEvents()
        compare(AuditTrail.changed("procedure", "SOP-017", [{ field: "interval_days", old: "365", new: "180" }], ""), -1)
        verify(/reason/i.test(AuditTrail.lastError), AuditTrail.lastError)
        verify(AuditTrail.available, "a refused event must not make the trail unavailable")
        tryCompare(failedSpy, "count", 1)
        compare(failedSpy.signalArguments[0][0], AuditTrail.lastError)
        compare(auditHelper.countEvents(), before)
    }

    function test_changeWithReason() {
        var seq = AuditTrail.changed("procedure", "SOP-017", [{ field: "interval_days", old: "365", new: "180" }],
                                     "Annual review")
        verify(seq > 0, AuditTrail.lastError)
        compare(AuditTrail.lastError, "")
        var event = lastEvent()
        compare(event.seq, seq)
        compare(event.reason, "Annual review")
        compare(event.changes.length, 1)
        compare(event.changes[0].field, "interval_days")
        compare(event.changes[0].old, "365")
        compare(event.changes[0]["new"], "180")
    }

    function test_changeWithMisspelledFieldIsRefused() {
        compare(AuditTrail.changed("procedure", "SOP-017", [{ field: "x", before: "1", new: "2" }], "typo"), -1)
        verify(AuditTrail.lastError.indexOf("before") >= 0, AuditTrail.lastError)
    }

    function test_readBackMatches() {
        var before = auditHelper.countEvents()
        verify(before > 0)
        var seqs = [
            AuditTrail.viewed("work_instruction", "WI-3", "Torque settings", "B"),
            AuditTrail.printed("work_instruction", "WI-3", "Torque settings", "B"),
            AuditTrail.exported("work_instruction", "WI-3", "Torque settings", "B", "pdf"),
            AuditTrail.signature("procedure", "SOP-017", "approved as author"),
            AuditTrail.accessDenied("calibration_record", "CR-9", "not in the calibration group"),
            AuditTrail.trailViewed("audit trail of SOP-017"),
            AuditTrail.record({ action: "download", object: { type: "form", id: "F-12", title: "Deviation report" } })
        ]
        var actions = ["view", "print", "export", "sign", "access_denied", "trail_viewed", "download"]
        for (var i = 0; i < seqs.length; ++i) {
            verify(seqs[i] > 0, actions[i] + ": " + seqs[i] + " " + AuditTrail.lastError)
            if (i > 0)
                compare(seqs[i], seqs[i - 1] + 1)
        }
        compare(auditHelper.countEvents(), before + seqs.length)

        var events = auditHelper.events()
        compare(events.length, before + seqs.length)
        for (var j = 0; j < seqs.length; ++j) {
            var event = events[before + j]
            compare(event.seq, seqs[j])
            compare(event.action, actions[j])
            compare(event.actor.id, "u42")
        }
        compare(events[before].object.version, "B")
        compare(events[before + 3].signature_meaning, "approved as author")
        compare(events[before + 4].reason, "not in the calibration group")
        compare(events[before + 4].outcome, "denied")
        compare(events[before + 6].object.title, "Deviation report")

        // Durable: every seq was on disk when the call returned; the signals follow asynchronously.
        tryCompare(recordedSpy, "count", seqs.length)
        compare(recordedSpy.signalArguments[0][0], seqs[0])
    }

    function test_currentUserAndExplicitActor() {
        AuditTrail.setCurrentUser({ id: "u7", name: "Grace Hopper", roles: ["author", "reviewer"] })
        verify(AuditTrail.viewed("procedure", "SOP-001", "Document control") > 0, AuditTrail.lastError)
        var event = lastEvent()
        compare(event.actor.id, "u7")
        compare(event.actor.name, "Grace Hopper")
        compare(event.actor.roles, ["author", "reviewer"])

        verify(AuditTrail.record({ actor: { id: "svc-import" }, action: "view", object: { type: "procedure", id: "SOP-001" } }) > 0,
               AuditTrail.lastError)
        compare(lastEvent().actor.id, "svc-import")
    }

    function test_recordRefusesWhatIsNotInTheExportFormat() {
        compare(AuditTrail.record({ action: "peek", object: { type: "procedure", id: "SOP-1" } }), -1)
        verify(AuditTrail.lastError.indexOf("peek") >= 0, AuditTrail.lastError)
        compare(AuditTrail.record({ action: "view", object: { type: "procedure", id: "SOP-1" }, reasn: "typo" }), -1)
        verify(AuditTrail.lastError.indexOf("reasn") >= 0, AuditTrail.lastError)
        // The next successful call clears lastError.
        verify(AuditTrail.viewed("procedure", "SOP-1") > 0)
        compare(AuditTrail.lastError, "")
    }

    function test_closeAndReopenContinuesTheLog() {
        var last = AuditTrail.viewed("procedure", "SOP-017")
        verify(last > 0, AuditTrail.lastError)
        verify(AuditTrail.flush(5000))

        AuditTrail.close()
        verify(!AuditTrail.isOpen)
        verify(!AuditTrail.available)
        compare(openSpy.count, 1)
        compare(AuditTrail.viewed("procedure", "SOP-017"), -1)
        verify(AuditTrail.lastError !== "")
        verify(!AuditTrail.flush(100))

        verify(AuditTrail.open(auditConfig), AuditTrail.lastError)
        verify(AuditTrail.isOpen)
        verify(AuditTrail.available)
        compare(openSpy.count, 2)
        verify(!AuditTrail.open(auditConfig), "a second open() is refused")
        verify(AuditTrail.lastError !== "")

        var next = AuditTrail.viewed("procedure", "SOP-017")
        verify(next > last + 1, next + " after " + last + " (stopped and started lie between)")
        var actions = auditHelper.events().map(function(e) { return e.action })
        verify(actions.indexOf("stopped") > 0, actions)
        verify(actions.indexOf("started") >= 0, actions)
    }

    function test_hostDefaultTrail() {
        AuditTrail.close()
        verify(!AuditTrail.isOpen)
        verify(auditHelper.openHostTrail())
        // The singleton follows the trail the host opened in C++ ...
        verify(AuditTrail.isOpen)
        verify(AuditTrail.available)
        var seq = AuditTrail.viewed("procedure", "SOP-017", "Calibration of torque wrenches")
        verify(seq > 0, AuditTrail.lastError)
        compare(lastEvent().host.app, "qmsaudit-qml-tests-host")
        // ... refuses to open a second trail beside it, and leaves closing it to the host.
        verify(!AuditTrail.open(auditConfig))
        verify(AuditTrail.lastError !== "")
        AuditTrail.close()
        verify(AuditTrail.isOpen)
        verify(AuditTrail.viewed("procedure", "SOP-017") > seq)

        auditHelper.closeHostTrail()
        verify(!AuditTrail.isOpen)
        compare(AuditTrail.viewed("procedure", "SOP-017"), -1)
        verify(/open/.test(AuditTrail.lastError), AuditTrail.lastError)
    }

    function test_openWithBadConfigFails() {
        AuditTrail.close()
        verify(!AuditTrail.open({ log_path: auditConfig.log_path }), "no key source")
        verify(AuditTrail.lastError.indexOf("key") >= 0, AuditTrail.lastError)
        verify(!AuditTrail.open({ log_path: auditConfig.log_path, key_file: auditConfig.key_file, bogus: 1 }))
        verify(AuditTrail.lastError.indexOf("bogus") >= 0, AuditTrail.lastError)
        verify(!AuditTrail.isOpen)
    }

    function test_enumsAreVisibleAsAudit() {
        // The core's Qt enums: values in declaration order, not creatable.
        compare(Audit.View, 0)
        compare(Audit.Print, 1)
        verify(Audit.KeyRotated > Audit.PermissionChange)
        compare(Audit.Access, 0)
        compare(Audit.Change, 1)
        compare(Audit.Success, 0)
        compare(Audit.Denied, 1)
        compare(Audit.Failed, 2)
        verify(Audit.TrailImported !== undefined)
        compare(Audit.NoSuchAction, undefined)
    }
}
