// SPDX-License-Identifier: MIT
#include "MetadataRateOptions.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace App {

namespace {

struct RateOption
{
    const char *name;
    const char *help;
    double Sim::MetadataRates::*field;
};

constexpr RateOption Rates[] = {
    {"news-rate", QT_TRANSLATE_NOOP("CommandLine", "News sentiment records per second."), &Sim::MetadataRates::news},
    {"order-book-rate", QT_TRANSLATE_NOOP("CommandLine", "Order book records per second."),
     &Sim::MetadataRates::orderBook},
    {"market-data-rate", QT_TRANSLATE_NOOP("CommandLine", "Market data records per second."),
     &Sim::MetadataRates::marketData},
    {"economic-rate", QT_TRANSLATE_NOOP("CommandLine", "Economic indicator records per second."),
     &Sim::MetadataRates::economic},
};

} // namespace

void addMetadataRateOptions(QCommandLineParser &parser)
{
    for (const RateOption &r : Rates)
        parser.addOption({QString::fromLatin1(r.name), QCoreApplication::translate("CommandLine", r.help), u"N"_s});
}

bool parseMetadataRates(const QCommandLineParser &parser, Sim::MetadataRates &rates, QString &error)
{
    for (const RateOption &r : Rates) {
        const QString name = QString::fromLatin1(r.name);
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const double value = parser.value(name).toDouble(&ok);
        if (!ok || value < 0 || value > 100000) {
            error =
                u"--%1: \"%2\" is not a number of records per second from 0 to 100000"_s.arg(name, parser.value(name));
            return false;
        }
        rates.*r.field = value;
    }
    return true;
}

} // namespace App
