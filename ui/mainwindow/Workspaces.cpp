// SPDX-License-Identifier: MIT
// Named workspaces: the window's charts and docks saved under a name and brought back at once.
#include "MainWindow.h"

#include "ChartWindow.h"
#include "charts/SymbolChart.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

const QString WorkspacesGroup = u"workspaces"_s;
/// What a workspace holds: the charts' group and the docks' layout.
const QString ChartsGroup = u"charts"_s;
const QString DocksKey = u"window/state"_s;

QString workspaceKey(const QString &name, const QString &key)
{
    // Names are stored percent-encoded: a settings key cannot hold every character a name may.
    return WorkspacesGroup + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name)) + u'/' + key;
}

QStringList chartKeys(QSettings &settings)
{
    settings.beginGroup(ChartsGroup);
    QStringList keys = settings.allKeys();
    settings.endGroup();
    for (QString &key : keys)
        key.prepend(ChartsGroup + u'/');
    return keys;
}

} // namespace

QString MainWindow::workspaceNameProblem(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("A workspace needs a name.");
    if (trimmed.size() > 60)
        return tr("A workspace name has at most 60 characters.");
    return {};
}

void MainWindow::saveWorkspace(const QString &name)
{
    if (!workspaceNameProblem(name).isEmpty())
        return;
    saveCharts();
    QSettings settings;
    settings.remove(workspaceKey(name.trimmed(), QString()).chopped(1));
    QStringList keys = chartKeys(settings);
    keys.append(DocksKey);
    for (const QString &key : std::as_const(keys))
        settings.setValue(workspaceKey(name.trimmed(), key), settings.value(key));
    statusBar()->showMessage(tr("Workspace “%1” saved").arg(name.trimmed()), 5000);
}

bool MainWindow::loadWorkspace(const QString &name)
{
    QSettings settings;
    const QString group = workspaceKey(name.trimmed(), QString()).chopped(1);
    settings.beginGroup(group);
    const QStringList keys = settings.allKeys();
    settings.endGroup();
    if (keys.isEmpty())
        return false;
    closeChartTabs();
    // The workspace's charts replace the current ones whole: keys it does not have go too.
    settings.remove(ChartsGroup);
    for (const QString &key : keys)
        settings.setValue(key, settings.value(group + u'/' + key));
    settings.sync();
    restoreCharts();
    restoreState(settings.value(DocksKey).toByteArray());
    updateWatched();
    refreshCharts();
    saveCharts();
    statusBar()->showMessage(tr("Workspace “%1” loaded").arg(name.trimmed()), 5000);
    return true;
}

void MainWindow::deleteWorkspace(const QString &name)
{
    QSettings settings;
    settings.remove(workspaceKey(name.trimmed(), QString()).chopped(1));
}

QStringList MainWindow::workspaces() const
{
    QSettings settings;
    settings.beginGroup(WorkspacesGroup);
    QStringList names;
    for (const QString &group : settings.childGroups())
        names.append(QUrl::fromPercentEncoding(group.toLatin1()));
    names.sort(Qt::CaseInsensitive);
    return names;
}

void MainWindow::closeChartTabs()
{
    const QList<ChartWindow *> windows = m_chartWindows;
    m_chartWindows.clear();
    for (ChartWindow *window : windows) {
        delete window->release();
        delete window;
    }
    for (int i = m_tabs->count() - 1; i >= 0; --i)
        if (qobject_cast<SymbolChart *>(m_tabs->widget(i)))
            delete m_tabs->widget(i);
}

void MainWindow::fillWorkspaceMenu(QMenu *menu)
{
    menu->clear();
    QAction *save = menu->addAction(tr("Save workspace as…"), this, &MainWindow::chooseWorkspaceName);
    save->setObjectName(u"saveWorkspace"_s);
    const QStringList names = workspaces();
    if (names.isEmpty())
        return;
    menu->addSeparator();
    for (const QString &name : names)
        menu->addAction(name, this, [this, name] { loadWorkspace(name); });
    QMenu *remove = menu->addMenu(tr("Delete workspace"));
    for (const QString &name : names)
        remove->addAction(name, this, [this, name] {
            if (QMessageBox::question(this, tr("Delete workspace"), tr("Delete the workspace “%1”?").arg(name)) ==
                QMessageBox::Yes)
                deleteWorkspace(name);
        });
}

void MainWindow::chooseWorkspaceName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save workspace"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    if (const QString problem = workspaceNameProblem(name); !problem.isEmpty()) {
        QMessageBox::warning(this, tr("Save workspace"), problem);
        return;
    }
    if (workspaces().contains(name.trimmed()) &&
        QMessageBox::question(this, tr("Save workspace"),
                              tr("A workspace “%1” exists. Replace it?").arg(name.trimmed())) != QMessageBox::Yes)
        return;
    saveWorkspace(name);
}

} // namespace Gui
