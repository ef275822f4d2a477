// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reportpage_p.h"

#include <QPainter>

namespace QmsAudit {
namespace {

template<class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};

void paintPicture(QPainter &painter, const ReportPage::Picture &item)
{
    if (!item.image.isNull()) {
        painter.drawImage(item.rect, item.image);
        return;
    }
    const QRectF bounds = item.picture.boundingRect();
    if (bounds.isEmpty())
        return;
    // QPicture replays its commands scaled by the device's resolution over its own (300 over 96
    // dots per inch here), on top of the painter's transformation: divide that back out.
    const QPaintDevice &device = *painter.device();
    const qreal replayX = qreal(device.logicalDpiX()) / item.picture.logicalDpiX();
    const qreal replayY = qreal(device.logicalDpiY()) / item.picture.logicalDpiY();
    painter.save();
    painter.translate(item.rect.topLeft());
    painter.scale(item.rect.width() / bounds.width() / replayX, item.rect.height() / bounds.height() / replayY);
    painter.drawPicture(-bounds.topLeft(), item.picture);
    painter.restore();
}

} // namespace

void ReportPage::paint(QPainter &painter, const ReportStyle &style) const
{
    for (const auto &item : m_items) {
        std::visit(Overloaded {
                       [&](const Text &text) {
                           painter.setFont(style.font(text.font));
                           painter.setPen(text.color);
                           painter.drawText(text.baseline, text.text);
                       },
                       [&](const Fill &fill) { painter.fillRect(fill.rect, fill.color); },
                       [&](const Rule &rule) {
                           painter.setPen(QPen(rule.color, rule.width));
                           painter.drawLine(rule.line);
                       },
                       [&](const Picture &picture) { paintPicture(painter, picture); },
                   },
            item);
    }
}

} // namespace QmsAudit
