// SPDX-License-Identifier: MIT
#pragma once

#include "model/TradeSignal.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Text {

/// `{"type":"signal","id":...,"symbol":...,"timestamp":...,"time":...,"side":...,"rule":...,"timeframe":...,
/// "reason":...,"price":...,"indicators":{...}}`: as the stream sends a signal and a webhook posts it.
QByteArray signalJson(const Model::TradeSignal &signal);
/// `{"type":"alert","id":...,"symbol":...,"timestamp":...,"time":...,"name":...,"timeframe":...,"reason":...,
/// "price":...,"alert_id":...,"value":...,"level":...}`: a fire of a trader's alert (a signal of side alert).
QByteArray alertJson(const Model::TradeSignal &fire);
/// A signal or an alert fire back from either message above (as another node published it): its id is the
/// sender's. Empty, with the reason in `error`, when the message is not one of them.
std::optional<Model::TradeSignal> signalFromJson(QByteArrayView json, QString *error = nullptr);

} // namespace Text
