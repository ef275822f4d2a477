// SPDX-License-Identifier: LGPL-2.1-or-later
#include "terminalprogress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace {

constexpr int kBarWidth = 24;
constexpr qint64 kRedrawMs = 100;

/// 1234567 as "1,234,567": the same in every locale, like the rest of the console output.
QString grouped(qint64 value)
{
    QString digits = QString::number(value < 0 ? -value : value);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return value < 0 ? QLatin1Char('-') + digits : digits;
}

/// Seconds as "1:02", or "1:02:03" from an hour on.
QString duration(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    const QString tail = QStringLiteral("%1:%2").arg(m, h > 0 ? 2 : 1, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return h > 0 ? QStringLiteral("%1:%2").arg(h).arg(tail) : tail;
}

} // namespace

TerminalProgress::TerminalProgress(QString unit)
    : m_unit(std::move(unit))
    , m_rateUnit(m_unit == QLatin1StringView("events") ? QStringLiteral("ev/s") : m_unit + QStringLiteral("/s"))
    , m_terminal(::isatty(STDERR_FILENO) == 1)
{
    m_clock.start();
}

TerminalProgress::~TerminalProgress()
{
    if (m_open)
        write(QStringLiteral("\n"));
}

void TerminalProgress::update(qint64 done, qint64 total)
{
    if (m_finished)
        return;
    m_done = done;
    m_total = std::max(total, done);
    const qint64 nowMs = m_clock.elapsed();
    sampleRate(nowMs);
    if (m_terminal) {
        if (m_lastDrawMs >= 0 && nowMs - m_lastDrawMs < kRedrawMs)
            return;
        m_lastDrawMs = nowMs;
        const QString text = line(false);
        // Pad over what a longer previous line left behind: '\r' only moves the cursor.
        const QString padding(std::max(0, m_drawnWidth - int(text.size())), QLatin1Char(' '));
        m_drawnWidth = int(text.size());
        write(QLatin1Char('\r') + text + padding);
        m_open = true;
        return;
    }
    const int tenth = m_total > 0 ? int(m_done * 10 / m_total) : 0;
    if (tenth > m_lastTenth && tenth < 10) { // 100 % is finish()'s line
        m_lastTenth = tenth;
        write(line(false) + QLatin1Char('\n'));
    }
}

void TerminalProgress::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_total = std::max(m_total, m_done);
    const QString text = line(true);
    if (m_terminal) {
        const QString padding(std::max(0, m_drawnWidth - int(text.size())), QLatin1Char(' '));
        write(QLatin1Char('\r') + text + padding + QLatin1Char('\n'));
    } else {
        write(text + QLatin1Char('\n'));
    }
    m_open = false;
}

void TerminalProgress::sampleRate(qint64 nowMs)
{
    const qint64 elapsed = nowMs - m_sampleMs;
    if (elapsed < 1000)
        return;
    const double rate = double(m_done - m_sampleDone) * 1000.0 / double(elapsed);
    m_rate = m_rate > 0 ? 0.7 * m_rate + 0.3 * rate : rate;
    m_sampleMs = nowMs;
    m_sampleDone = m_done;
}

QString TerminalProgress::line(bool final) const
{
    const double fraction = m_total > 0 ? std::clamp(double(m_done) / double(m_total), 0.0, 1.0) : (final ? 1.0 : 0.0);
    const int filled = int(fraction * kBarWidth);
    const QString bar = QString(filled, QLatin1Char('#')) + QString(kBarWidth - filled, QLatin1Char(' '));
    const qint64 elapsedMs = m_clock.elapsed();
    // Until the first sample a second in, and for the final line, the average over the whole run.
    const double average = elapsedMs > 0 ? double(m_done) * 1000.0 / double(elapsedMs) : 0.0;
    const double rate = final || m_rate <= 0 ? average : m_rate;
    QString text = QStringLiteral("[%1] %2 %  %3 / %4 %5  %6 %7")
                       .arg(bar)
                       .arg(int(fraction * 100), 3)
                       .arg(grouped(m_done), grouped(m_total), m_unit, grouped(std::llround(rate)), m_rateUnit);
    if (final)
        text += QStringLiteral("  in %1").arg(duration(elapsedMs / 1000));
    else if (rate > 0)
        text += QStringLiteral("  ETA %1").arg(duration(std::llround(double(m_total - m_done) / rate)));
    return text;
}

void TerminalProgress::write(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}
