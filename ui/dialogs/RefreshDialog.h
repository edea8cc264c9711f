// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace History {
class RefreshService;
struct RefreshReport;
struct SymbolOutcome;
} // namespace History

namespace Gui {

/// A history refresh as it goes: each symbol's result as it comes (new, already stored, corrected, or the
/// error), what it waits for (a rate limit, a retry), and Cancel. Not modal: the window stays in use.
class RefreshDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshDialog)

public:
    explicit RefreshDialog(History::RefreshService &service, QWidget *parent = nullptr);

private:
    void onStarted(const QString &what, const QStringList &symbols);
    /// The row of a symbol, added at the end when it has none.
    int rowOf(const QString &symbol);
    void onProgress(const History::SymbolOutcome &outcome, int done, int total);
    void onFinished(const QString &what, const History::RefreshReport &report);

    History::RefreshService &m_service;
    QLabel *m_title;
    QProgressBar *m_progress;
    QTableWidget *m_table;
    QLabel *m_waiting;
    QPushButton *m_cancel;
};

} // namespace Gui
