// SPDX-License-Identifier: MIT
#include "StrategyEditor.h"

#include "ConditionRow.h"
#include "backtest/Strategy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr std::array<const char *, 4> ConditionKeys{"enter_long", "exit_long", "enter_short", "exit_short"};

QDoubleSpinBox *percentBox(QWidget *parent, const QString &none)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 1000);
    box->setDecimals(2);
    box->setSingleStep(0.5);
    box->setSuffix(u" %"_s);
    box->setSpecialValueText(none);
    return box;
}

QWidget *pair(QWidget *a, QWidget *b, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(a);
    layout->addWidget(b);
    layout->addStretch();
    return box;
}

} // namespace

StrategyEditor::StrategyEditor(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_fast(new QSpinBox(this))
    , m_slow(new QSpinBox(this))
    , m_rsi(new QSpinBox(this))
    , m_buyBelow(new QDoubleSpinBox(this))
    , m_sellAbove(new QDoubleSpinBox(this))
    , m_timeframe(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_stopLoss(percentBox(this, tr("none")))
    , m_takeProfit(percentBox(this, tr("none")))
    , m_maxBars(new QSpinBox(this))
    , m_sizeKind(new QComboBox(this))
    , m_size(new QDoubleSpinBox(this))
    , m_wholeShares(new QCheckBox(tr("Whole shares"), this))
    , m_problem(new QLabel(this))
{
    m_name->setObjectName(u"strategyName"_s);
    m_name->setPlaceholderText(tr("Unnamed"));
    m_kind->setObjectName(u"strategyKind"_s);
    m_kind->addItem(tr("Moving-average crossover"), u"ma_cross"_s);
    m_kind->addItem(tr("RSI with trend"), u"rsi_trend"_s);
    m_kind->addItem(tr("Entries and exits of my own"), u"custom"_s);
    m_fast->setObjectName(u"strategyFast"_s);
    m_slow->setObjectName(u"strategySlow"_s);
    for (QSpinBox *box : {m_fast, m_slow, m_rsi})
        box->setRange(1, 1000);
    m_fast->setPrefix(tr("fast SMA "));
    m_slow->setPrefix(tr("slow SMA "));
    m_rsi->setPrefix(tr("RSI "));
    for (QDoubleSpinBox *box : {m_buyBelow, m_sellAbove})
        box->setRange(0, 100);
    m_buyBelow->setPrefix(tr("buy below "));
    m_sellAbove->setPrefix(tr("sell above "));

    auto *cross = new QWidget(this);
    auto *crossLayout = new QFormLayout(cross);
    crossLayout->setContentsMargins(0, 0, 0, 0);
    crossLayout->addRow(tr("Averages:"), pair(m_fast, m_slow, cross));
    auto *crossNote = new QLabel(tr("Buys when the fast SMA crosses above the slow one at a bar's close, sells "
                                    "when it crosses below."),
                                 cross);
    crossNote->setWordWrap(true);
    crossLayout->addRow(crossNote);
    auto *rsi = new QWidget(this);
    auto *rsiLayout = new QFormLayout(rsi);
    rsiLayout->setContentsMargins(0, 0, 0, 0);
    rsiLayout->addRow(tr("RSI:"), m_rsi);
    rsiLayout->addRow(tr("Levels:"), pair(m_buyBelow, m_sellAbove, rsi));
    auto *custom = new QWidget(this);
    auto *customLayout = new QFormLayout(custom);
    customLayout->setContentsMargins(0, 0, 0, 0);
    const QString labels[] = {tr("Buy when:"), tr("Sell when:"), tr("Sell short when:"), tr("Cover when:")};
    for (std::size_t i = 0; i < m_conditions.size(); ++i) {
        m_conditions[i] = new ConditionRow(custom);
        m_conditions[i]->setObjectName(QLatin1StringView(ConditionKeys[i]));
        customLayout->addRow(labels[i], m_conditions[i]);
        connect(m_conditions[i], &ConditionRow::changed, this, [this] { updateFields(); });
    }
    m_pages->addWidget(cross);
    m_pages->addWidget(rsi);
    m_pages->addWidget(custom);

    m_timeframe->setObjectName(u"strategyTimeframe"_s);
    for (const Bars::Timeframe &t : Bars::Timeframe::standard())
        m_timeframe->addItem(t.name(), t.name());
    m_direction->setObjectName(u"strategyDirection"_s);
    m_direction->addItem(tr("Long only"), u"long"_s);
    m_direction->addItem(tr("Short only"), u"short"_s);
    m_direction->addItem(tr("Long and short"), u"both"_s);
    m_stopLoss->setObjectName(u"strategyStopLoss"_s);
    m_takeProfit->setObjectName(u"strategyTakeProfit"_s);
    m_maxBars->setObjectName(u"strategyMaxBars"_s);
    m_maxBars->setRange(0, 1'000'000);
    m_maxBars->setSpecialValueText(tr("no limit"));
    m_maxBars->setSuffix(tr(" bars"));
    m_sizeKind->addItem(tr("% of equity"), u"percent"_s);
    m_sizeKind->addItem(tr("cash"), u"cash"_s);
    m_sizeKind->addItem(tr("shares"), u"shares"_s);
    m_size->setRange(0.000001, 1e12);
    m_size->setDecimals(2);
    m_problem->setObjectName(u"strategyProblem"_s);
    m_problem->setStyleSheet(u"color: #e53935;"_s);
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Strategy:"), m_kind);
    form->addRow(m_pages);
    form->addRow(tr("Timeframe:"), m_timeframe);
    form->addRow(tr("Direction:"), m_direction);
    form->addRow(tr("Stop loss:"), m_stopLoss);
    form->addRow(tr("Take profit:"), m_takeProfit);
    form->addRow(tr("Close after:"), m_maxBars);
    form->addRow(tr("Position:"), pair(m_size, m_sizeKind, this));
    form->addRow(QString(), m_wholeShares);
    form->addRow(m_problem);

    setStrategyJson(Backtest::presetJson(u"ma_cross"_s));
    const auto update = [this] { updateFields(); };
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QString kind = m_kind->currentData().toString();
        if (kind == u"custom"_s && m_previousKind != kind)
            presetToCustom(m_previousKind);
        m_previousKind = kind;
        updateFields();
    });
    connect(m_name, &QLineEdit::textChanged, this, update);
    for (QComboBox *box : {m_timeframe, m_direction, m_sizeKind})
        connect(box, &QComboBox::currentIndexChanged, this, update);
    for (QSpinBox *box : {m_fast, m_slow, m_rsi, m_maxBars})
        connect(box, &QSpinBox::valueChanged, this, update);
    for (QDoubleSpinBox *box : {m_buyBelow, m_sellAbove, m_stopLoss, m_takeProfit, m_size})
        connect(box, &QDoubleSpinBox::valueChanged, this, update);
    connect(m_wholeShares, &QCheckBox::toggled, this, update);
}

QJsonObject StrategyEditor::strategyJson() const
{
    QJsonObject json;
    if (!m_name->text().trimmed().isEmpty())
        json.insert(u"name"_s, m_name->text().trimmed());
    const QString kind = m_kind->currentData().toString();
    if (kind == u"ma_cross"_s) {
        json.insert(u"preset"_s, kind);
        json.insert(u"fast"_s, m_fast->value());
        json.insert(u"slow"_s, m_slow->value());
    } else if (kind == u"rsi_trend"_s) {
        json.insert(u"preset"_s, kind);
        json.insert(u"rsi"_s, m_rsi->value());
        json.insert(u"buy_below"_s, m_buyBelow->value());
        json.insert(u"sell_above"_s, m_sellAbove->value());
    } else {
        for (std::size_t i = 0; i < m_conditions.size(); ++i)
            if (const QJsonObject c = m_conditions[i]->json(); !c.isEmpty())
                json.insert(QLatin1StringView(ConditionKeys[i]), c);
    }
    json.insert(u"timeframe"_s, m_timeframe->currentData().toString());
    json.insert(u"direction"_s, m_direction->currentData().toString());
    if (m_stopLoss->value() > 0)
        json.insert(u"stop_loss_percent"_s, m_stopLoss->value());
    if (m_takeProfit->value() > 0)
        json.insert(u"take_profit_percent"_s, m_takeProfit->value());
    if (m_maxBars->value() > 0)
        json.insert(u"max_bars"_s, m_maxBars->value());
    json.insert(u"size"_s, QJsonObject{{m_sizeKind->currentData().toString(), m_size->value()}});
    if (m_wholeShares->isChecked())
        json.insert(u"whole_shares"_s, true);
    return json;
}

void StrategyEditor::setStrategyJson(const QJsonObject &json)
{
    const QSignalBlocker blockKind(m_kind);
    m_name->setText(json.value(u"name"_s).toString());
    const QString preset = json.value(u"preset"_s).toString();
    const bool custom = preset.isEmpty() || json.contains(u"enter_long"_s) || json.contains(u"enter_short"_s);
    m_previousKind = custom ? u"custom"_s : preset;
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(m_previousKind)));
    m_fast->setValue(json.value(u"fast"_s).toInt(10));
    m_slow->setValue(json.value(u"slow"_s).toInt(30));
    m_rsi->setValue(json.value(u"rsi"_s).toInt(14));
    m_buyBelow->setValue(json.value(u"buy_below"_s).toDouble(30));
    m_sellAbove->setValue(json.value(u"sell_above"_s).toDouble(70));
    if (custom && !preset.isEmpty())
        presetToCustom(preset); // a preset with some of its own conditions: all of them shown as conditions
    for (std::size_t i = 0; i < m_conditions.size(); ++i)
        if (json.contains(QLatin1StringView(ConditionKeys[i])) || !custom)
            m_conditions[i]->setJson(json.value(QLatin1StringView(ConditionKeys[i])).toObject());
    const QString timeframe = json.value(u"timeframe"_s).toString(u"1D"_s);
    if (m_timeframe->findData(timeframe) < 0)
        m_timeframe->addItem(timeframe, timeframe);
    m_timeframe->setCurrentIndex(m_timeframe->findData(timeframe));
    m_direction->setCurrentIndex(std::max(0, m_direction->findData(json.value(u"direction"_s).toString(u"long"_s))));
    m_stopLoss->setValue(json.value(u"stop_loss_percent"_s).toDouble(0));
    m_takeProfit->setValue(json.value(u"take_profit_percent"_s).toDouble(0));
    m_maxBars->setValue(json.value(u"max_bars"_s).toInt(0));
    const QJsonObject size = json.value(u"size"_s).toObject();
    m_sizeKind->setCurrentIndex(0);
    m_size->setValue(100);
    for (const QString &kind : {u"percent"_s, u"cash"_s, u"shares"_s})
        if (size.contains(kind)) {
            m_sizeKind->setCurrentIndex(m_sizeKind->findData(kind));
            m_size->setValue(size.value(kind).toDouble());
        }
    m_wholeShares->setChecked(json.value(u"whole_shares"_s).toBool());
    updateFields();
}

void StrategyEditor::presetToCustom(const QString &preset)
{
    QJsonObject json = Backtest::presetJson(preset);
    for (const QString &key : {u"fast"_s, u"slow"_s})
        json.insert(key, key == u"fast"_s ? m_fast->value() : m_slow->value());
    const auto strategy = Backtest::strategyFromJson(json);
    if (!strategy)
        return;
    const std::array<const std::optional<Backtest::Condition> *, 4> conditions{
        &strategy->enterLong, &strategy->exitLong, &strategy->enterShort, &strategy->exitShort};
    for (std::size_t i = 0; i < m_conditions.size(); ++i) {
        const auto &c = *conditions[i];
        if (!c)
            m_conditions[i]->setJson({});
        else if (c->kind == Backtest::Condition::Kind::Alert)
            m_conditions[i]->setJson(Alerts::toJson(c->alert));
        else
            m_conditions[i]->setJson(QJsonObject{{u"rule"_s, QLatin1StringView(Signals::RuleEngine::ruleId(c->rule))},
                                                 {u"side"_s, QLatin1StringView(Model::sideName(c->side))}});
    }
}

QString StrategyEditor::problem() const
{
    const auto strategy = Backtest::strategyFromJson(strategyJson());
    return strategy ? QString() : strategy.error();
}

void StrategyEditor::updateFields()
{
    const QString kind = m_kind->currentData().toString();
    m_pages->setCurrentIndex(m_kind->currentIndex());
    if (const auto timeframe = Bars::Timeframe::parse(m_timeframe->currentData().toString()))
        for (ConditionRow *row : m_conditions)
            row->setTimeframe(*timeframe);
    const bool shorts = m_direction->currentData().toString() != u"long"_s;
    const bool longs = m_direction->currentData().toString() != u"short"_s;
    if (auto *form = qobject_cast<QFormLayout *>(m_conditions[0]->parentWidget()->layout())) {
        form->setRowVisible(m_conditions[0], longs);
        form->setRowVisible(m_conditions[1], longs);
        form->setRowVisible(m_conditions[2], shorts);
        form->setRowVisible(m_conditions[3], shorts);
    }
    m_size->setSuffix(m_sizeKind->currentData().toString() == u"percent"_s ? u" %"_s : QString());
    const QString problem = this->problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    Q_EMIT changed();
}

} // namespace Gui
