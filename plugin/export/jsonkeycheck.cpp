// SPDX-License-Identifier: LGPL-2.1-or-later
#include "export/jsonkeycheck_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QSet>

namespace QmsAudit {
namespace {

struct Frame {
    bool isObject = false;
    bool expectingKey = false;
    QSet<QByteArray> keys;
};

/// The key as text: raw bytes unless it holds escapes, which the JSON parser resolves.
QByteArray keyText(QByteArrayView quoted)
{
    if (!quoted.contains('\\'))
        return quoted.sliced(1, quoted.size() - 2).toByteArray();
    const QByteArray array = "[" + quoted.toByteArray() + "]";
    return QJsonDocument::fromJson(array).array().at(0).toString().toUtf8();
}

} // namespace

std::optional<QString> JsonKeyCheck::firstDuplicateKey(QByteArrayView json)
{
    QList<Frame> stack;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            const qsizetype start = i;
            for (++i; i < json.size() && json[i] != '"'; ++i) {
                if (json[i] == '\\')
                    ++i; // the escaped character cannot end the string
            }
            if (!stack.isEmpty() && stack.last().isObject && stack.last().expectingKey) {
                Frame &frame = stack.last();
                frame.expectingKey = false;
                const QByteArray key = keyText(json.sliced(start, i - start + 1));
                if (frame.keys.contains(key))
                    return QString::fromUtf8(key);
                frame.keys.insert(key);
            }
        } else if (c == '{' || c == '[') {
            stack.append(Frame{c == '{', c == '{', {}});
        } else if (c == '}' || c == ']') {
            if (!stack.isEmpty())
                stack.removeLast();
        } else if (c == ',' && !stack.isEmpty() && stack.last().isObject) {
            stack.last().expectingKey = true;
        }
    }
    return std::nullopt;
}

} // namespace QmsAudit
