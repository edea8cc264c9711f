// SPDX-License-Identifier: MIT
#pragma once

#include "sim/MarketGenerator.h"

#include <QCommandLineParser>

namespace App {

/// --news-rate, --order-book-rate, --market-data-rate, --economic-rate: for the
/// in-process simulator and for `tickdesk simulate` alike.
void addMetadataRateOptions(QCommandLineParser &parser);
/// Reads those that are set into `rates`; false with the reason in `error`.
bool parseMetadataRates(const QCommandLineParser &parser, Sim::MetadataRates &rates, QString &error);

} // namespace App
