// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/accesspolicy.h>
#include <qmsaudit/action.h>
#include <qmsaudit/anomalyrules.h>
#include <qmsaudit/event.h>
#include <qmsaudit/keyprovider.h>
#include <qmsaudit/qmsaudit_export.h>
#include <qmsaudit/result.h>
#include <qmsaudit/signingkeyprovider.h>

#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace QmsAudit {

class Clock;

/**
 * How an AuditTrail opens and writes its log. Load it from a JSON file (fromFile()), a
 * QVariantMap (fromVariantMap(), used by the Qt plugin and QML), or fill it in code.
 * The keys of the file are documented in docs/recording.md.
 */
struct QMSAUDIT_EXPORT AuditTrailConfig {
    /// When record() is answered.
    enum class Durability {
        Durable,  ///< commit as soon as possible; the ticket finishes when the event is on disk
        Buffered, ///< commit every flushIntervalMs or maxBatch events; the caller need not wait
    };
    /// What a failure to record means for the host.
    enum class FailurePolicy {
        FailClosed, ///< isAvailable() turns false and record() is refused until the log is writable again
        FailOpen,   ///< record() keeps being accepted; losses are counted and logged as record_failed
    };
    /// What record() does when the queue is full.
    enum class BackPressure {
        Block, ///< wait up to blockTimeoutMs for room, then fail with QueueFull
        Fail,  ///< fail at once with QueueFull
    };

    QString logPath;
    /// Exactly one of keyProvider, keyFile or passphraseEnv must be set.
    std::shared_ptr<const KeyProvider> keyProvider;
    QString keyFile;
    QString passphraseEnv;
    bool createIfMissing = true;
    /// Reason policy for a log this trail creates (an existing log keeps its own).
    QSet<Action> reasonRequiredActions;
    Durability durability = Durability::Durable;
    FailurePolicy failurePolicy = FailurePolicy::FailClosed;
    BackPressure backPressure = BackPressure::Block;
    int queueCapacity = 10000;
    int blockTimeoutMs = 1000;
    int flushIntervalMs = 200; ///< Buffered only: the longest an accepted event waits for a commit
    int maxBatch = 512;        ///< events per transaction at most
    int retryIntervalMs = 1000; ///< how often an unavailable trail probes the log again
    /// A wall-clock step larger than this beyond the monotonic clock is recorded as clock_anomaly.
    int clockJumpToleranceMs = 120000;
    HostInfo host;
    /// Role → permissions for the trail's views ({"auditor": ["trail.view", …]}); empty: AccessPolicy's defaults.
    QVariantMap rolePermissions;
    /// The anomaly rules of the host's review views ("anomaly_rules", docs/anomalies.md); the trail itself does not use them.
    AnomalyRules anomalyRules;
    const Clock *clock = nullptr; ///< nullptr: SystemClock (tests inject their own)
    /**
     * Demonstration and test data only ("simulated_clock_start", docs/recording.md): a UTC time
     * in the past (µs; 0: off). The trail then creates a NEW log whose clock starts there and
     * follows the `recorded_at` the events ask for, so that a host can fill a realistic history
     * through the ordinary recording path. Refused for an existing log; the `started` event
     * names it, so the log says for ever that its times were simulated.
     */
    qint64 simulatedClockStartUs = 0;

    /// Signed checkpoints of the log ("checkpoints", docs/anchors.md): off unless a signing key is given.
    struct Checkpoints {
        /// The Ed25519 signing key: a provider, or a PEM file ("signing_key_file"); never the log key.
        std::shared_ptr<const SigningKeyProvider> signingKeys;
        QString signingKeyFile;
        QString origin;       ///< "origin"; empty: qmsaudit/<log id>
        int everyEvents = 1000; ///< "every_events": a checkpoint after this many events (0: not by count)
        int everyMinutes = 10;  ///< "every_minutes": and when this long has passed since the last (0: not by time)
        QStringList anchorDirs;  ///< "anchor_dirs": DirectoryCheckpointSink
        QStringList anchorFiles; ///< "anchor_files": FileCheckpointSink
        QStringList syslog;      ///< "syslog": host:port of SyslogCheckpointSink
        bool enabled() const { return signingKeys || !signingKeyFile.isEmpty(); }
    } checkpoints;

    /// The built-in defaults (reason required for every change action).
    static AuditTrailConfig defaults();
    /// rolePermissions as a policy (the defaults when empty); validate() has checked it.
    AccessPolicy accessPolicy() const;
    /// Parses a JSON config file; unknown keys and bad values are errors naming the key.
    static Result<AuditTrailConfig> fromFile(const QString &path);
    static Result<AuditTrailConfig> fromVariantMap(const QVariantMap &map);
    /// Checks the values (ranges, exactly one key source, a log path). open() calls it.
    Result<void> validate() const;
    /// The key provider this config names (keyProvider, or one built from keyFile/passphraseEnv).
    Result<std::shared_ptr<const KeyProvider>> resolveKeyProvider() const;
    /// SHA-256 over the settings (never key material), recorded in the `started` event.
    QString digest() const;
    /// The settings as a map with the file's key names (for the started event and diagnostics).
    QVariantMap toVariantMap() const;
};

} // namespace QmsAudit
