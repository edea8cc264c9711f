// SPDX-License-Identifier: MIT
#pragma once

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace Gui {

/// Runs `work` on the thread pool (where it may wait on storage), then `done` with its result on `context`'s
/// thread; nothing is done when `context` is gone by then.
template<typename Result>
void inBackground(QObject *context, std::function<Result()> work, std::function<void(Result)> done)
{
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace Gui
