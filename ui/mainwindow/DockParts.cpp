// SPDX-License-Identifier: MIT
#include "DockParts.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

QTableView *tableView(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(22);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

QWidget *withToolbar(QWidget *content, QLayout *tools, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(tools);
    layout->addWidget(content);
    return box;
}

QWidget *withToolbar(QWidget *content, const QList<QWidget *> &tools, QWidget *parent)
{
    auto *row = new QHBoxLayout;
    for (QWidget *tool : tools)
        row->addWidget(tool);
    return withToolbar(content, row, parent);
}

} // namespace Gui
