// SPDX-License-Identifier: LGPL-2.1-or-later
#include "pdfprobe.h"

#include <QFileInfo>
#include <QMultiMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

struct ToolRun {
    bool ok = false;
    QString out;
    QString problem;
};

/// Runs @p tool (found by the caller with findExecutable, which the dependency guard reads).
ToolRun runTool(const QString &tool, const QString &name, const QStringList &arguments)
{
    if (tool.isEmpty())
        return { false, {}, name + u" is not installed (packaging/debian/packages.txt lists poppler-utils)"_s };
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return { false, {}, u"%1 %2 failed: %3"_s.arg(name, arguments.join(u' '), QString::fromUtf8(process.readAllStandardError())) };
    return { true, QString::fromUtf8(process.readAllStandardOutput()), {} };
}

} // namespace

PdfProbe::PdfProbe(const QString &path) : m_path(path)
{
    if (!QFileInfo::exists(path)) {
        m_error = path + u" does not exist"_s;
        return;
    }
    const ToolRun info = runTool(QStandardPaths::findExecutable(u"pdfinfo"_s), u"pdfinfo"_s, { path });
    if (!info.ok) {
        m_error = info.problem;
        return;
    }
    m_pageCount = QRegularExpression(u"^Pages:\\s+(\\d+)$"_s, QRegularExpression::MultilineOption).match(info.out).captured(1).toInt();
    const ToolRun text
        = runTool(QStandardPaths::findExecutable(u"pdftotext"_s), u"pdftotext"_s, { u"-layout"_s, u"-enc"_s, u"UTF-8"_s, path, u"-"_s });
    if (!text.ok) {
        m_error = text.problem;
        return;
    }
    // pdftotext ends every page with a form feed.
    m_pages = text.out.split(u'\f');
    if (!m_pages.isEmpty() && m_pages.last().trimmed().isEmpty())
        m_pages.removeLast();
}

QList<int> PdfProbe::imagePages() const
{
    const ToolRun list = runTool(QStandardPaths::findExecutable(u"pdfimages"_s), u"pdfimages"_s, { u"-list"_s, m_path });
    QList<int> pages;
    // The listing: two header lines, then "page num type width height …" per image.
    for (const QString &line : list.out.split(u'\n').mid(2)) {
        const QStringList columns = line.simplified().split(u' ');
        if (columns.size() > 2 && columns[2] == u"image"_s)
            pages.append(columns[0].toInt());
    }
    return pages;
}

QList<PdfProbe::Word> PdfProbe::words(qreal *pageHeight) const
{
    const ToolRun boxes
        = runTool(QStandardPaths::findExecutable(u"pdftotext"_s), u"pdftotext"_s, { u"-bbox"_s, u"-enc"_s, u"UTF-8"_s, m_path, u"-"_s });
    static const QRegularExpression pageTag(u"<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">"_s);
    static const QRegularExpression wordTag(
        u"<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>"_s);
    QList<Word> result;
    int page = 0;
    for (const QString &line : boxes.out.split(u'\n')) {
        if (const auto match = pageTag.match(line); match.hasMatch()) {
            ++page;
            if (pageHeight)
                *pageHeight = match.captured(2).toDouble();
            continue;
        }
        const auto match = wordTag.match(line);
        if (!match.hasMatch())
            continue;
        QString text = match.captured(5);
        text.replace(u"&lt;"_s, u"<"_s)
            .replace(u"&gt;"_s, u">"_s)
            .replace(u"&quot;"_s, u"\""_s)
            .replace(u"&apos;"_s, u"'"_s)
            .replace(u"&amp;"_s, u"&"_s);
        const QPointF topLeft(match.captured(1).toDouble(), match.captured(2).toDouble());
        const QPointF bottomRight(match.captured(3).toDouble(), match.captured(4).toDouble());
        result.append({ page, QRectF(topLeft, bottomRight), text });
    }
    return result;
}

QString PdfProbe::columnText(const QString &title, const QString &nextTitle, qreal topMargin, qreal bottomMargin) const
{
    qreal pageHeight = 0;
    const QList<Word> all = words(&pageHeight);
    qreal left = -1;
    qreal right = 1e9;
    for (const Word &word : all) {
        if (word.page != 1)
            break;
        if (left < 0 && word.text == title)
            left = word.box.left() - 0.5;
        else if (left >= 0 && !nextTitle.isEmpty() && word.text == nextTitle) {
            right = word.box.left() - 0.5;
            break;
        }
    }
    if (left < 0)
        return {};
    // The row of column titles on each page: its words are not the column's content.
    QMultiMap<int, std::pair<qreal, qreal>> titleRows;
    for (const Word &word : all) {
        if (word.text == title && qAbs(word.box.left() - 0.5 - left) < 1)
            titleRows.insert(word.page, { word.box.top(), word.box.bottom() });
    }
    // The table's text starts where its first column's title does; a line that starts further left
    // (the paragraph after the table) ends the table on that page.
    qreal tableLeft = left;
    const auto firstRow = titleRows.constFind(1);
    for (const Word &word : all) {
        if (word.page == 1 && firstRow != titleRows.cend() && word.box.center().y() >= firstRow->first
            && word.box.center().y() <= firstRow->second)
            tableLeft = std::min(tableLeft, word.box.left() - 0.5);
    }
    QMap<int, qreal> tableEnd;
    for (const Word &word : all) {
        if (word.box.left() < tableLeft - 0.5 && !tableEnd.contains(word.page)) {
            for (auto it = titleRows.constFind(word.page); it != titleRows.cend() && it.key() == word.page; ++it) {
                if (word.box.top() > it->second) {
                    tableEnd.insert(word.page, word.box.top());
                    break;
                }
            }
        }
    }
    // Below a row of titles only: what stands above the table on its first page is not in it.
    const auto inTable = [&titleRows, &tableEnd](const Word &word) {
        const qreal middle = word.box.center().y();
        if (middle >= tableEnd.value(word.page, 1e9))
            return false;
        bool below = false;
        for (auto it = titleRows.constFind(word.page); it != titleRows.cend() && it.key() == word.page; ++it) {
            if (middle >= it->first && middle <= it->second)
                return false;
            below = below || middle > it->second;
        }
        return below;
    };
    QStringList column;
    for (const Word &word : all) {
        if (word.box.left() >= left && word.box.left() < right && word.box.top() > topMargin
            && word.box.bottom() < pageHeight - bottomMargin && inTable(word))
            column.append(word.text);
    }
    return column.join(u' ');
}

QMap<QString, int> PdfProbe::filledPaths(int page) const
{
    const ToolRun svg = runTool(QStandardPaths::findExecutable(u"pdftocairo"_s), u"pdftocairo"_s,
        { u"-svg"_s, u"-f"_s, QString::number(page), u"-l"_s, QString::number(page), m_path, u"-"_s });
    // cairo writes each filled path as <path style="…fill:rgb(R%,G%,B%);…" d="…"/>.
    static const QRegularExpression fill(u"<path [^>]*fill:rgb\\(([0-9.]+)%,([0-9.]+)%,([0-9.]+)%\\)"_s);
    QMap<QString, int> colours;
    for (auto match = fill.globalMatch(svg.out); match.hasNext();) {
        const auto found = match.next();
        QString name = u"#"_s;
        for (int i = 1; i <= 3; ++i)
            name += u"%1"_s.arg(qRound(found.captured(i).toDouble() * 2.55), 2, 16, QLatin1Char('0'));
        ++colours[name];
    }
    return colours;
}

bool PdfProbe::renderPage(int page, int dpi, const QString &pngPath) const
{
    QString base = pngPath;
    base.chop(4); // pdftoppm adds ".png"
    return runTool(QStandardPaths::findExecutable(u"pdftoppm"_s), u"pdftoppm"_s,
        { u"-png"_s, u"-r"_s, QString::number(dpi), u"-f"_s, QString::number(page), u"-l"_s, QString::number(page), u"-singlefile"_s,
            m_path, base })
        .ok;
}

QString PdfProbe::flattened(const QString &text)
{
    return text.simplified();
}

QString PdfProbe::joined(const QString &text)
{
    QString result = text;
    result.remove(QRegularExpression(u"\\s+"_s));
    return result;
}

} // namespace QmsAudit::Test
