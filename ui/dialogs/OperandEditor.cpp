// SPDX-License-Identifier: MIT
#include "OperandEditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSpinBox>

#include <limits>

namespace Gui {

namespace {

using Alerts::Field;
using Alerts::Indicator;

constexpr int ConstantItem = -1;
constexpr int IndicatorBase = 100; ///< the item data of an indicator: IndicatorBase + its enum value

bool isMacd(Indicator i)
{
    return i == Indicator::MacdLine || i == Indicator::MacdSignal || i == Indicator::MacdHistogram;
}

bool isBollinger(Indicator i)
{
    return i == Indicator::BollingerUpper || i == Indicator::BollingerMiddle || i == Indicator::BollingerLower;
}

int usualPeriod(Indicator i)
{
    return i == Indicator::Rsi || i == Indicator::Atr ? 14 : 20;
}

QSpinBox *periodBox(const QString &tip, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(1, 1000);
    box->setToolTip(tip);
    return box;
}

} // namespace

OperandEditor::OperandEditor(bool constantAllowed, QWidget *parent)
    : QWidget(parent)
    , m_constantAllowed(constantAllowed)
    , m_kind(new QComboBox(this))
    , m_value(new QDoubleSpinBox(this))
    , m_period(periodBox(tr("Period, in bars"), this))
    , m_fast(periodBox(tr("MACD fast period"), this))
    , m_slow(periodBox(tr("MACD slow period"), this))
    , m_signal(periodBox(tr("MACD signal period"), this))
    , m_deviations(new QDoubleSpinBox(this))
{
    m_kind->setObjectName(QStringLiteral("operandKind"));
    m_value->setObjectName(QStringLiteral("operandValue"));
    m_period->setObjectName(QStringLiteral("operandPeriod"));
    if (constantAllowed)
        m_kind->addItem(tr("Value"), ConstantItem);
    const std::pair<Field, QString> fields[] = {
        {Field::Price, tr("Price (last)")}, {Field::Open, tr("Open")},
        {Field::High, tr("High")},          {Field::Low, tr("Low")},
        {Field::Close, tr("Close")},        {Field::Volume, tr("Volume")},
    };
    for (const auto &[field, text] : fields)
        m_kind->addItem(text, int(field));
    const std::pair<Indicator, QString> indicators[] = {
        {Indicator::Sma, tr("SMA")},
        {Indicator::Ema, tr("EMA")},
        {Indicator::Rsi, tr("RSI")},
        {Indicator::MacdLine, tr("MACD line")},
        {Indicator::MacdSignal, tr("MACD signal")},
        {Indicator::MacdHistogram, tr("MACD histogram")},
        {Indicator::BollingerUpper, tr("Bollinger upper band")},
        {Indicator::BollingerMiddle, tr("Bollinger middle band")},
        {Indicator::BollingerLower, tr("Bollinger lower band")},
        {Indicator::Atr, tr("ATR")},
        {Indicator::Vwap, tr("VWAP")},
    };
    for (const auto &[indicator, text] : indicators)
        m_kind->addItem(text, IndicatorBase + int(indicator));
    m_value->setRange(-std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    m_value->setDecimals(4);
    m_value->setMinimumWidth(110);
    m_deviations->setRange(0.1, 10);
    m_deviations->setSingleStep(0.5);
    m_deviations->setToolTip(tr("Bollinger width, in standard deviations"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_kind, m_value, m_period, m_fast, m_slow, m_signal, m_deviations})
        layout->addWidget(w);
    layout->addStretch();
    setOperand(constantAllowed ? Alerts::Operand::constant(0) : Alerts::Operand::of(Field::Close));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // A new indicator starts at its usual periods.
        const int item = m_kind->currentData().toInt();
        if (item >= IndicatorBase) {
            const QSignalBlocker quiet(m_period);
            m_period->setValue(usualPeriod(Indicator(item - IndicatorBase)));
        }
        updateFields();
        Q_EMIT changed();
    });
    for (QSpinBox *box : {m_period, m_fast, m_slow, m_signal})
        connect(box, &QSpinBox::valueChanged, this, &OperandEditor::changed);
    for (QDoubleSpinBox *box : {m_value, m_deviations})
        connect(box, &QDoubleSpinBox::valueChanged, this, &OperandEditor::changed);
}

void OperandEditor::setOperand(const Alerts::Operand &o)
{
    int item = ConstantItem;
    if (o.kind == Alerts::Operand::Kind::Field)
        item = int(o.field);
    else if (o.kind == Alerts::Operand::Kind::Indicator)
        item = IndicatorBase + int(o.indicator);
    const QSignalBlocker blocker(m_kind);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(item)));
    m_value->setValue(o.value);
    m_period->setValue(o.period > 0 ? o.period : usualPeriod(o.indicator));
    m_fast->setValue(o.fast);
    m_slow->setValue(o.slow);
    m_signal->setValue(o.signal);
    m_deviations->setValue(o.deviations);
    updateFields();
}

Alerts::Operand OperandEditor::operand() const
{
    const int item = m_kind->currentData().toInt();
    if (item == ConstantItem)
        return Alerts::Operand::constant(m_value->value());
    if (item < IndicatorBase)
        return Alerts::Operand::of(Field(item));
    Alerts::Operand o = Alerts::Operand::of(Indicator(item - IndicatorBase), m_period->value());
    o.fast = m_fast->value();
    o.slow = m_slow->value();
    o.signal = m_signal->value();
    o.deviations = m_deviations->value();
    return o;
}

void OperandEditor::updateFields()
{
    const int item = m_kind->currentData().toInt();
    const bool indicator = item >= IndicatorBase;
    const auto which = Indicator(indicator ? item - IndicatorBase : 0);
    m_value->setVisible(item == ConstantItem);
    m_period->setVisible(indicator && !isMacd(which));
    for (QSpinBox *box : {m_fast, m_slow, m_signal})
        box->setVisible(indicator && isMacd(which));
    m_deviations->setVisible(indicator && isBollinger(which));
}

} // namespace Gui
