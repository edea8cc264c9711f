// SPDX-License-Identifier: MIT
#include "ConditionRow.h"

#include "alerts/AlertDefinition.h"
#include "dialogs/AlertDialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr const char *Condition = "condition";

/// The alert fields a strategy's condition keeps (the rest are the strategy's own, or mean nothing there).
QJsonObject conditionPart(const QJsonObject &alert)
{
    QJsonObject out;
    for (const QString &key : {u"left"_s, u"operator"_s, u"right"_s, u"dead_band"_s})
        if (alert.contains(key))
            out.insert(key, alert.value(key));
    return out;
}

} // namespace

ConditionRow::ConditionRow(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_text(new QLabel(this))
{
    m_kind->addItem(tr("—"), QString());
    m_kind->addItem(tr("RSI with trend: buy signal"), u"rsi_trend buy"_s);
    m_kind->addItem(tr("RSI with trend: sell signal"), u"rsi_trend sell"_s);
    m_kind->addItem(tr("MA crossover: buy signal"), u"ma_cross buy"_s);
    m_kind->addItem(tr("MA crossover: sell signal"), u"ma_cross sell"_s);
    m_kind->addItem(tr("Price move: up"), u"price_move buy"_s);
    m_kind->addItem(tr("Price move: down"), u"price_move sell"_s);
    m_kind->addItem(tr("Condition…"), QLatin1StringView(Condition));
    m_text->setWordWrap(true);
    m_text->setObjectName(u"conditionText"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind);
    layout->addWidget(m_edit);
    layout->addWidget(m_text, 1);
    connect(m_kind, &QComboBox::activated, this, [this] {
        if (m_kind->currentData().toString() == QLatin1StringView(Condition) && m_condition.isEmpty())
            editCondition();
        updateText();
        Q_EMIT changed();
    });
    connect(m_edit, &QPushButton::clicked, this, &ConditionRow::editCondition);
    updateText();
}

QJsonObject ConditionRow::json() const
{
    const QString kind = m_kind->currentData().toString();
    if (kind.isEmpty())
        return {};
    if (kind == QLatin1StringView(Condition))
        return m_condition;
    return QJsonObject{{u"rule"_s, kind.section(u' ', 0, 0)}, {u"side"_s, kind.section(u' ', 1, 1)}};
}

void ConditionRow::setJson(const QJsonObject &json)
{
    if (json.isEmpty()) {
        m_kind->setCurrentIndex(0);
    } else if (json.contains(u"rule"_s)) {
        const int index =
            m_kind->findData(QString(json.value(u"rule"_s).toString() + u' ' + json.value(u"side"_s).toString()));
        m_kind->setCurrentIndex(std::max(0, index));
    } else {
        m_condition = conditionPart(json);
        m_kind->setCurrentIndex(m_kind->findData(QLatin1StringView(Condition)));
    }
    updateText();
}

void ConditionRow::editCondition()
{
    Alerts::Definition alert;
    alert.left = Alerts::Operand::of(Alerts::Field::Close);
    alert.right = Alerts::Operand::of(Alerts::Indicator::Sma, 50);
    if (!m_condition.isEmpty())
        if (auto parsed = Alerts::fromJson(m_condition))
            alert = *parsed;
    alert.timeframe = m_timeframe;
    AlertDialog dialog(alert, false, this);
    dialog.setConditionOnly();
    if (dialog.exec() == QDialog::Accepted)
        m_condition = conditionPart(Alerts::toJson(dialog.alert()));
    if (m_condition.isEmpty())
        m_kind->setCurrentIndex(0);
    else
        m_kind->setCurrentIndex(m_kind->findData(QLatin1StringView(Condition)));
    updateText();
    Q_EMIT changed();
}

void ConditionRow::updateText()
{
    const bool condition = m_kind->currentData().toString() == QLatin1StringView(Condition);
    m_edit->setVisible(condition);
    QString text;
    if (condition)
        if (auto parsed = Alerts::fromJson(m_condition)) {
            parsed->timeframe = m_timeframe;
            text = Alerts::describe(*parsed);
        }
    m_text->setText(text);
}

} // namespace Gui
