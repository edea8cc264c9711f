// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

class QAbstractItemModel;
class QLayout;
class QString;
class QTableView;
class QWidget;

namespace Gui {

/// The docks' table: whole rows selected one at a time, not editable, alternating rows, no row numbers, the
/// last column stretched.
QTableView *tableView(QAbstractItemModel *model, const QString &name, QWidget *parent);
/// `content` under a row of tools.
QWidget *withToolbar(QWidget *content, QLayout *tools, QWidget *parent);
QWidget *withToolbar(QWidget *content, const QList<QWidget *> &tools, QWidget *parent);

} // namespace Gui
