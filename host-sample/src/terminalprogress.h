// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>

/**
 * A progress line on stderr for a long job such as the demo history:
 *
 *     [############            ] 43 %  431,204 / 1,000,000 events  12,345 ev/s  ETA 1:02
 *
 * On a terminal the line is redrawn in place ('\r') at most ten times a second; otherwise (a log
 * file, a pipe) a plain line is written for every further 10 %. finish() writes the final line and
 * ends it with a newline.
 */
class TerminalProgress
{
public:
    /// @p unit names what is counted ("events"); the rate is shown per second of it.
    explicit TerminalProgress(QString unit = QStringLiteral("events"));
    /// Ends a line left open on the terminal (a job that failed half-way), so that messages start on their own.
    ~TerminalProgress();

    TerminalProgress(const TerminalProgress &) = delete;
    TerminalProgress &operator=(const TerminalProgress &) = delete;

    /// @p done of @p total; cheap enough to call for every item (it draws only when due).
    void update(qint64 done, qint64 total);
    /// Writes the final line (the last counts, the average rate, the time taken) and a newline.
    void finish();

private:
    QString line(bool final) const;
    void write(const QString &text);
    void sampleRate(qint64 nowMs);

    QString m_unit;
    QString m_rateUnit;
    bool m_terminal = false;
    bool m_open = false; ///< a '\r' line is on the terminal without its newline
    bool m_finished = false;
    QElapsedTimer m_clock;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_lastDrawMs = -1;
    int m_lastTenth = 0; ///< the last 10 % step written when not on a terminal
    int m_drawnWidth = 0;
    // The rate is smoothed over samples a second or more apart, so the ETA does not jitter.
    qint64 m_sampleMs = 0;
    qint64 m_sampleDone = 0;
    double m_rate = 0;
};
