// SPDX-License-Identifier: MIT
#include "AlertDialog.h"

#include "OperandEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace Gui {

namespace {

using Alerts::Operator;
using Alerts::Trigger;

enum RightPage
{
    LevelPage,
    ChannelPage,
    MovingPage,
    LinePage,
};

QWidget *row(std::initializer_list<QWidget *> widgets, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets)
        layout->addWidget(w);
    layout->addStretch();
    return box;
}

} // namespace

AlertDialog::AlertDialog(const Alerts::Definition &alert, bool onLine, QWidget *parent)
    : QDialog(parent)
    , m_original(alert)
    , m_onLine(onLine)
    , m_name(new QLineEdit(this))
    , m_symbols(new QLineEdit(this))
    , m_timeframe(new QComboBox(this))
    , m_left(new OperandEditor(false, this))
    , m_operator(new QComboBox(this))
    , m_right(new QStackedWidget(this))
    , m_level(new OperandEditor(true, this))
    , m_channelLow(new OperandEditor(true, this))
    , m_channelHigh(new OperandEditor(true, this))
    , m_moveBy(new QDoubleSpinBox(this))
    , m_moveBars(new QSpinBox(this))
    , m_trigger(new QComboBox(this))
    , m_cooldown(new QSpinBox(this))
    , m_maxCount(new QSpinBox(this))
    , m_expires(new QCheckBox(tr("Expires"), this))
    , m_expiry(new QDateTimeEdit(this))
    , m_deadBand(new QDoubleSpinBox(this))
    , m_message(new QLineEdit(this))
    , m_enabled(new QCheckBox(tr("Enabled"), this))
    , m_problem(new QLabel(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("alertDialog"));
    setWindowTitle(alert.id > 0 ? tr("Edit alert") : tr("New alert"));
    m_name->setObjectName(QStringLiteral("alertName"));
    m_name->setPlaceholderText(tr("Empty: the condition in words"));
    m_symbols->setObjectName(QStringLiteral("alertSymbols"));
    m_symbols->setPlaceholderText(tr("AAPL, MSFT — or * for every symbol"));
    m_timeframe->setObjectName(QStringLiteral("alertTimeframe"));
    m_timeframe->addItem(tr("Each record"), Bars::Timeframe::record().name());
    for (const Bars::Timeframe &t : Bars::Timeframe::standard())
        if (t.isTime())
            m_timeframe->addItem(t.name(), t.name());
    m_left->setObjectName(QStringLiteral("alertLeft"));
    m_operator->setObjectName(QStringLiteral("alertOperator"));
    const std::pair<Operator, QString> operators[] = {
        {Operator::Crossing, tr("crossing")},
        {Operator::CrossingUp, tr("crossing up")},
        {Operator::CrossingDown, tr("crossing down")},
        {Operator::GreaterThan, tr("greater than")},
        {Operator::LessThan, tr("less than")},
        {Operator::EnteringChannel, tr("entering channel")},
        {Operator::ExitingChannel, tr("exiting channel")},
        {Operator::InsideChannel, tr("inside channel")},
        {Operator::OutsideChannel, tr("outside channel")},
        {Operator::MovingUp, tr("moving up")},
        {Operator::MovingDown, tr("moving down")},
        {Operator::MovingUpPercent, tr("moving up %")},
        {Operator::MovingDownPercent, tr("moving down %")},
    };
    for (const auto &[op, text] : operators)
        if (!onLine || op == Operator::Crossing || op == Operator::CrossingUp || op == Operator::CrossingDown ||
            op == Operator::GreaterThan || op == Operator::LessThan)
            m_operator->addItem(text, int(op));
    m_level->setObjectName(QStringLiteral("alertLevel"));
    m_channelLow->setObjectName(QStringLiteral("alertChannelLow"));
    m_channelHigh->setObjectName(QStringLiteral("alertChannelHigh"));
    m_moveBy->setObjectName(QStringLiteral("alertMoveBy"));
    m_moveBy->setRange(0, std::numeric_limits<double>::max());
    m_moveBy->setDecimals(4);
    m_moveBars->setRange(1, 1000);
    const auto barsSuffix = [this](int bars) { m_moveBars->setSuffix(bars == 1 ? tr(" bar") : tr(" bars")); };
    barsSuffix(1);
    connect(m_moveBars, &QSpinBox::valueChanged, this, barsSuffix);
    m_moveBars->setPrefix(tr("within "));
    auto *channel = new QWidget(this);
    auto *channelLayout = new QFormLayout(channel);
    channelLayout->setContentsMargins(0, 0, 0, 0);
    channelLayout->addRow(tr("Low edge:"), m_channelLow);
    channelLayout->addRow(tr("High edge:"), m_channelHigh);
    m_right->addWidget(m_level);
    m_right->addWidget(channel);
    m_right->addWidget(row({m_moveBy, m_moveBars}, this));
    auto *line = new QLabel(tr("the drawn line (it moves with the line)"), this);
    m_right->addWidget(line);
    m_trigger->setObjectName(QStringLiteral("alertTrigger"));
    m_trigger->addItem(tr("Only once"), int(Trigger::Once));
    m_trigger->addItem(tr("Once per bar"), int(Trigger::OncePerBar));
    m_trigger->addItem(tr("Once per bar close"), int(Trigger::OncePerBarClose));
    m_trigger->addItem(tr("Every time"), int(Trigger::EveryTime));
    m_trigger->setToolTip(tr("Once per bar close decides on closed bars only, so a fire never repaints"));
    m_cooldown->setRange(0, 366 * 86'400);
    m_cooldown->setSuffix(tr(" s"));
    m_cooldown->setPrefix(tr("cool-down "));
    m_maxCount->setRange(0, 1'000'000);
    m_maxCount->setPrefix(tr("at most "));
    m_maxCount->setSpecialValueText(tr("no limit"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_deadBand->setRange(0, std::numeric_limits<double>::max());
    m_deadBand->setDecimals(4);
    m_deadBand->setToolTip(tr("The value must leave this band around the level before the alert can fire "
                              "again, so a price hovering at the level does not fire a storm"));
    m_message->setObjectName(QStringLiteral("alertMessage"));
    m_message->setPlaceholderText(tr("{symbol} {name}: {value} at {time}"));
    m_message->setToolTip(tr("Placeholders: {symbol} {price} {value} {level} {timeframe} {time} {name}"));
    m_problem->setObjectName(QStringLiteral("alertProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #e53935;"));
    m_problem->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("alertSummary"));
    m_summary->setWordWrap(true);

    auto *form = m_form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Symbols:"), m_symbols);
    form->addRow(tr("Timeframe:"), m_timeframe);
    form->addRow(tr("When:"), m_left);
    form->addRow(tr("is:"), m_operator);
    form->addRow(tr("Level:"), m_right);
    form->addRow(tr("Fires:"), row({m_trigger, m_cooldown, m_maxCount}, this));
    form->addRow(QString(), row({m_expires, m_expiry}, this));
    form->addRow(tr("Dead band:"), m_deadBand);
    form->addRow(tr("Message:"), m_message);
    form->addRow(QString(), m_enabled);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AlertDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AlertDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    show(alert);
    const auto update = [this] { updateFields(); };
    for (QLineEdit *edit : {m_name, m_symbols, m_message})
        connect(edit, &QLineEdit::textChanged, this, update);
    for (QComboBox *box : {m_timeframe, m_operator, m_trigger})
        connect(box, &QComboBox::currentIndexChanged, this, update);
    for (OperandEditor *editor : {m_left, m_level, m_channelLow, m_channelHigh})
        connect(editor, &OperandEditor::changed, this, update);
    for (QSpinBox *box : {m_moveBars, m_cooldown, m_maxCount})
        connect(box, &QSpinBox::valueChanged, this, update);
    for (QDoubleSpinBox *box : {m_moveBy, m_deadBand})
        connect(box, &QDoubleSpinBox::valueChanged, this, update);
    connect(m_expires, &QCheckBox::toggled, this, update);
    connect(m_enabled, &QCheckBox::toggled, this, update);
    connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, update);
    updateFields();
}

void AlertDialog::setConditionOnly()
{
    m_conditionOnly = true;
    setWindowTitle(tr("Condition"));
    for (QWidget *field : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_symbols),
                           static_cast<QWidget *>(m_timeframe), m_trigger->parentWidget(), m_expires->parentWidget(),
                           static_cast<QWidget *>(m_message), static_cast<QWidget *>(m_enabled)})
        m_form->setRowVisible(field, false);
    m_trigger->setCurrentIndex(std::max(0, m_trigger->findData(int(Trigger::OncePerBarClose))));
    m_expires->setChecked(false);
    m_enabled->setChecked(true);
    updateFields();
}

void AlertDialog::show(const Alerts::Definition &a)
{
    m_name->setText(a.name);
    m_symbols->setText(a.symbols.join(QStringLiteral(", ")));
    const int timeframe = m_timeframe->findData(a.timeframe.name());
    if (timeframe < 0)
        m_timeframe->addItem(a.timeframe.name(), a.timeframe.name());
    m_timeframe->setCurrentIndex(timeframe < 0 ? m_timeframe->count() - 1 : timeframe);
    m_left->setOperand(a.left);
    m_operator->setCurrentIndex(std::max(0, m_operator->findData(int(a.op))));
    if (a.channel) {
        m_channelLow->setOperand(a.channel->first);
        m_channelHigh->setOperand(a.channel->second);
    }
    if (a.usesMoving())
        m_moveBy->setValue(a.right.value);
    else if (a.right.kind != Alerts::Operand::Kind::Line)
        m_level->setOperand(a.right);
    m_moveBars->setValue(a.bars);
    m_trigger->setCurrentIndex(std::max(0, m_trigger->findData(int(a.trigger))));
    m_cooldown->setValue(int(a.cooldownSeconds));
    m_maxCount->setValue(a.maxCount);
    m_expires->setChecked(a.expires.has_value());
    m_expiry->setDateTime(a.expires ? QDateTime::fromMSecsSinceEpoch(*a.expires / 1000)
                                    : QDateTime::currentDateTime().addDays(1));
    m_deadBand->setValue(a.deadBand);
    m_message->setText(a.message);
    m_enabled->setChecked(a.enabled);
}

Alerts::Definition AlertDialog::alert() const
{
    Alerts::Definition a = m_original;
    a.name = m_name->text().trimmed();
    a.symbols.clear();
    for (const QString &part : m_symbols->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString symbol = part.trimmed().toUpper(); !symbol.isEmpty() && !a.symbols.contains(symbol))
            a.symbols.append(symbol);
    if (const auto timeframe = Bars::Timeframe::parse(m_timeframe->currentData().toString()))
        a.timeframe = *timeframe;
    a.left = m_left->operand();
    a.op = Operator(m_operator->currentData().toInt());
    a.channel.reset();
    if (m_onLine) {
        a.right = m_original.right; // the line's, kept in step with the drawing
    } else if (a.usesChannel()) {
        a.channel = std::pair{m_channelLow->operand(), m_channelHigh->operand()};
    } else if (a.usesMoving()) {
        a.right = Alerts::Operand::constant(m_moveBy->value());
        a.bars = m_moveBars->value();
    } else {
        a.right = m_level->operand();
    }
    a.trigger = Trigger(m_trigger->currentData().toInt());
    a.cooldownSeconds = m_cooldown->value();
    a.maxCount = m_maxCount->value();
    a.expires.reset();
    if (m_expires->isChecked())
        a.expires = m_expiry->dateTime().toMSecsSinceEpoch() * 1000;
    a.deadBand = m_deadBand->value();
    a.message = m_message->text();
    a.enabled = m_enabled->isChecked();
    return a;
}

QString AlertDialog::problem() const
{
    const Util::Status status = Alerts::validate(alert());
    return status ? QString() : status.error();
}

void AlertDialog::updateFields()
{
    // A channel chosen for the first time starts around the level the alert had, not at [0, 0].
    const auto op = Operator(m_operator->currentData().toInt());
    const bool channel = op == Operator::EnteringChannel || op == Operator::ExitingChannel ||
                         op == Operator::InsideChannel || op == Operator::OutsideChannel;
    const Alerts::Operand unset = Alerts::Operand::constant(0);
    if (channel && !m_onLine && m_channelLow->operand() == unset && m_channelHigh->operand() == unset) {
        const Alerts::Operand level = m_level->operand();
        if (level.kind == Alerts::Operand::Kind::Constant && level.value != 0) {
            const double width = std::abs(level.value) * 0.02;
            m_channelLow->setOperand(Alerts::Operand::constant(level.value - width));
            m_channelHigh->setOperand(Alerts::Operand::constant(level.value + width));
        }
    }
    const Alerts::Definition a = alert();
    m_right->setCurrentIndex(m_onLine          ? LinePage
                             : a.usesChannel() ? ChannelPage
                             : a.usesMoving()  ? MovingPage
                                               : LevelPage);
    m_cooldown->setVisible(a.trigger == Trigger::EveryTime);
    m_maxCount->setVisible(a.trigger == Trigger::EveryTime);
    m_expiry->setEnabled(m_expires->isChecked());
    const QString problem = this->problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_summary->setText(problem.isEmpty()
                           ? (m_conditionOnly ? tr("Decides when: %1 (on each closed bar)") : tr("Fires on: %1"))
                                 .arg(Alerts::describe(a))
                           : QString());
    if (auto *ok =
            findChild<QDialogButtonBox *>() ? findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok) : nullptr)
        ok->setEnabled(problem.isEmpty());
}

void AlertDialog::accept()
{
    if (!problem().isEmpty())
        return updateFields();
    QDialog::accept();
}

} // namespace Gui
