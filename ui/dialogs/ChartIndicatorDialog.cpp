// SPDX-License-Identifier: MIT
#include "ChartIndicatorDialog.h"

#include "settings/Settings.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

/// The periods in the order of the form.
constexpr std::array<int Indicators::IndicatorConfig::*, 9> PeriodFields{
    &Indicators::IndicatorConfig::sma,       &Indicators::IndicatorConfig::ema,
    &Indicators::IndicatorConfig::bollinger, &Indicators::IndicatorConfig::vwap,
    &Indicators::IndicatorConfig::rsi,       &Indicators::IndicatorConfig::macdFast,
    &Indicators::IndicatorConfig::macdSlow,  &Indicators::IndicatorConfig::macdSignal,
    &Indicators::IndicatorConfig::atr};
constexpr std::array<QColor ChartIndicatorSettings::*, 5> ColourFields{
    &ChartIndicatorSettings::sma, &ChartIndicatorSettings::ema, &ChartIndicatorSettings::bollinger,
    &ChartIndicatorSettings::vwap, &ChartIndicatorSettings::rsi};

void paintSwatch(QToolButton *button, const QColor &colour)
{
    QPixmap swatch(28, 14);
    swatch.fill(colour);
    button->setIcon(swatch);
    button->setIconSize(swatch.size());
    button->setProperty("colour", colour);
}

} // namespace

ChartIndicatorDialog::ChartIndicatorDialog(const ChartIndicatorSettings &settings,
                                           const Indicators::IndicatorConfig &appPeriods, QWidget *parent)
    : QDialog(parent)
    , m_appPeriods(appPeriods)
    , m_own(new QCheckBox(tr("Own periods for this chart"), this))
    , m_width(new QDoubleSpinBox(this))
    , m_rsiLow(new QDoubleSpinBox(this))
    , m_rsiHigh(new QDoubleSpinBox(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Periods, colours and levels"));
    setObjectName(u"chartIndicatorDialog"_s);
    auto *form = new QFormLayout;
    m_own->setObjectName(u"ownPeriods"_s);
    m_own->setToolTip(tr("Off: the periods of Settings → Indicators, as the engine and the rules use them"));
    form->addRow(m_own);
    const QStringList names{tr("SMA"),       tr("EMA"),       tr("Bollinger bands"), tr("VWAP"), tr("RSI"),
                            tr("MACD fast"), tr("MACD slow"), tr("MACD signal"),     tr("ATR")};
    const QStringList ids{u"sma"_s,      u"ema"_s,      u"bollinger"_s,  u"vwap"_s, u"rsi"_s,
                          u"macdFast"_s, u"macdSlow"_s, u"macdSignal"_s, u"atr"_s};
    for (std::size_t i = 0; i < m_periods.size(); ++i) {
        m_periods[i] = period(ids[qsizetype(i)], 1);
        form->addRow(names[qsizetype(i)], m_periods[i]);
        if (i == 2) {
            m_width->setObjectName(u"bollingerWidth"_s);
            m_width->setRange(0.1, 10);
            m_width->setSingleStep(0.5);
            m_width->setDecimals(1);
            form->addRow(tr("Bollinger width (standard deviations)"), m_width);
        }
    }
    const QStringList colourNames{tr("SMA colour"), tr("EMA colour"), tr("Bollinger colour"), tr("VWAP colour"),
                                  tr("RSI colour")};
    for (std::size_t i = 0; i < m_colours.size(); ++i) {
        m_colours[i] = colour(ids[qsizetype(i)] + u"Colour"_s, settings.*ColourFields[i]); // sma … vwap, rsi
        form->addRow(colourNames[qsizetype(i)], m_colours[i]);
    }
    for (auto [box, name] : {std::pair{m_rsiLow, u"rsiLow"_s}, {m_rsiHigh, u"rsiHigh"_s}}) {
        box->setObjectName(name);
        box->setRange(0, 100);
        box->setDecimals(0);
    }
    form->addRow(tr("RSI lower level"), m_rsiLow);
    form->addRow(tr("RSI upper level"), m_rsiHigh);
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #ef5350"_s);
    m_problem->hide();

    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { show(ChartIndicatorSettings{}, m_appPeriods); });
    connect(m_own, &QCheckBox::toggled, this, [this](bool own) {
        for (QSpinBox *box : m_periods)
            box->setEnabled(own);
        m_width->setEnabled(own);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    show(settings, settings.periods.value_or(appPeriods));
}

QSpinBox *ChartIndicatorDialog::period(const QString &name, int value)
{
    auto *box = new QSpinBox(this);
    box->setObjectName(name);
    box->setRange(1, 1000);
    box->setValue(value);
    return box;
}

QToolButton *ChartIndicatorDialog::colour(const QString &name, const QColor &value)
{
    auto *button = new QToolButton(this);
    button->setObjectName(name);
    paintSwatch(button, value);
    connect(button, &QToolButton::clicked, this, [this, button] {
        const QColor picked = QColorDialog::getColor(button->property("colour").value<QColor>(), this);
        if (picked.isValid())
            paintSwatch(button, picked);
    });
    return button;
}

void ChartIndicatorDialog::show(const ChartIndicatorSettings &settings, const Indicators::IndicatorConfig &periods)
{
    m_own->setChecked(settings.periods.has_value());
    for (std::size_t i = 0; i < m_periods.size(); ++i) {
        m_periods[i]->setValue(periods.*PeriodFields[i]);
        m_periods[i]->setEnabled(m_own->isChecked());
    }
    m_width->setValue(periods.bollingerDeviations);
    m_width->setEnabled(m_own->isChecked());
    for (std::size_t i = 0; i < m_colours.size(); ++i)
        paintSwatch(m_colours[i], settings.*ColourFields[i]);
    m_rsiLow->setValue(settings.rsiLow);
    m_rsiHigh->setValue(settings.rsiHigh);
}

ChartIndicatorSettings ChartIndicatorDialog::settings() const
{
    ChartIndicatorSettings out;
    if (m_own->isChecked()) {
        Indicators::IndicatorConfig periods = m_appPeriods;
        for (std::size_t i = 0; i < m_periods.size(); ++i)
            periods.*PeriodFields[i] = m_periods[i]->value();
        periods.bollingerDeviations = m_width->value();
        out.periods = periods;
    }
    for (std::size_t i = 0; i < m_colours.size(); ++i)
        out.*ColourFields[i] = m_colours[i]->property("colour").value<QColor>();
    out.rsiLow = m_rsiLow->value();
    out.rsiHigh = m_rsiHigh->value();
    return out;
}

QString ChartIndicatorDialog::problem() const
{
    const ChartIndicatorSettings s = settings();
    if (s.periods)
        if (const auto status = Core::Settings::validate(*s.periods); !status)
            return status.error();
    if (!(s.rsiLow < s.rsiHigh))
        return tr("RSI levels: the lower (%1) must be below the upper (%2).").arg(s.rsiLow).arg(s.rsiHigh);
    return {};
}

void ChartIndicatorDialog::accept()
{
    if (const QString why = problem(); !why.isEmpty()) {
        m_problem->setText(why);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace Gui
