// SPDX-License-Identifier: MIT
#include "Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace Gui {

void applyTheme(QApplication &app, Theme theme)
{
    // The style is set once: replacing it deletes the old one under every widget that still refers to it.
    if (app.style()->name().compare(QStringLiteral("fusion"), Qt::CaseInsensitive) != 0)
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (theme == Theme::Light) {
        app.setPalette(app.style()->standardPalette());
        return;
    }
    QPalette p;
    const QColor window(30, 32, 38);
    const QColor base(22, 24, 29);
    const QColor text(220, 222, 228);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(28, 30, 36));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(52, 101, 164));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(130, 132, 140));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(110, 110, 120));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(110, 110, 120));
    app.setPalette(p);
}

} // namespace Gui
