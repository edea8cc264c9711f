// SPDX-License-Identifier: MIT
#pragma once

class QApplication;

namespace Gui {

enum class Theme
{
    Dark,
    Light
};

/// Fusion with a dark or light palette; charts draw their own dark background.
void applyTheme(QApplication &app, Theme theme);

} // namespace Gui
