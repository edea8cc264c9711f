// SPDX-License-Identifier: MIT
#pragma once

#include "AlertDefinition.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace Alerts {

enum class Status
{
    Active,
    Fired,   ///< a Once alert that fired, or an EveryTime alert that reached its maximum count
    Expired, ///< past its expiry
    Disabled,
    Error, ///< it cannot be evaluated (the reason is kept with it)
};

/// The operands' values at one moment of a symbol's bar of the alert's timeframe.
struct Sample
{
    Model::TimestampUs barOpen = 0; ///< the bar they belong to
    bool closed = false;            ///< the bar's final values, as it closed
    Model::TimestampUs time = 0;    ///< when: the record's time, or the bar's end for a close
    std::optional<double> left;
    std::optional<double> right;  ///< the single right operand, or the channel's first edge
    std::optional<double> right2; ///< the channel's second edge
    double price = 0;             ///< the last price, for the message
};

/// What a fire says and when.
struct Fire
{
    Model::TimestampUs barOpen = 0;
    Model::TimestampUs time = 0;
    double value = 0; ///< the left operand
    double level = 0; ///< the right operand, or the channel edge that matters
    double price = 0;
};

/// An alert's state for one symbol; kept across restarts.
struct State
{
    Status status = Status::Active;
    int count = 0;
    std::optional<Model::TimestampUs> lastFire;
    std::optional<Model::TimestampUs> lastFireBar;
    /// Crossing operators: which side of the level the value was last seen on (-1 below, 1 above, 0 not
    /// yet); channel operators: inside (1) or outside (-1). Only a move out of the dead band changes it.
    int side = 0;
    std::vector<double> closes; ///< moving operators: the left operand on the last `bars` closed bars

    bool operator==(const State &) const = default;
};

/// Decides when one alert fires for one symbol, sample by sample. Crossings are changes of side: a value
/// that only touches the level, or hovers within the dead band, never crosses. A condition that holds
/// (greater than, inside a channel, moving up…) fires as its trigger allows: once, once a bar, on closed
/// bars only (the default, so that a fire never repaints), or every time at least the cool-down apart.
class Evaluator final
{
public:
    explicit Evaluator(const Definition &alert, State state = {});

    std::optional<Fire> add(const Sample &sample);
    /// Closed bars one after another (a strategy test): what add() of each bar's closed sample would do, in one
    /// tight pass. `left` and `right` hold each bar's values, NaN where absent; with `rightStride` 0 one right
    /// value serves every bar. Sets `bit` in `fired[i]` where bar i fires. Handles an active alert without an
    /// expiry that decides on closed bars and compares two values (crossings, greater or less than): false,
    /// doing nothing, for any other, which add() then takes bar by bar.
    bool addClosedRun(const double *left, const double *right, std::size_t rightStride,
                      const Model::TimestampUs *barOpen, const Model::TimestampUs *barEnd, std::size_t count,
                      std::uint8_t *fired, std::uint8_t bit);
    /// Two crossing alerts on the same values (crossing up and crossing down of one pair: a strategy's entry and
    /// its exit) in one pass: the same as addClosedRun() of each. False, doing nothing, unless both are crossings
    /// that addClosedRun() takes, with the same dead band, standing on the same side.
    static bool addClosedRunPair(Evaluator &a, std::uint8_t bitA, Evaluator &b, std::uint8_t bitB, const double *left,
                                 const double *right, std::size_t rightStride, const Model::TimestampUs *barOpen,
                                 const Model::TimestampUs *barEnd, std::size_t count, std::uint8_t *fired);
    /// The values of the left operand for which add() of a forming bar's sample, the right operand being
    /// `level`, would neither fire nor change the state: a record whose value stays inside needs no look. An
    /// empty range (low > high) when it cannot tell; the whole line when nothing can happen.
    std::pair<double, double> quietRange(double level) const;
    /// Marks the alert expired when `now` is past its expiry (a quiet symbol's alert expires on time too).
    void expireIfDue(Model::TimestampUs now);
    const State &state() const noexcept { return m_state; }

private:
    /// Whether the condition holds (or a crossing happened) at this sample; updates the side.
    bool happens(const Sample &sample, double &level);
    /// Whether addClosedRun() takes this alert; `crossing` says whether it is a crossing.
    bool runnable(bool &crossing) const;
    /// A run's fires into the state: how many, and the last one's bar.
    void fired(int fires, std::ptrdiff_t last, const Model::TimestampUs *barOpen, const Model::TimestampUs *barEnd);
    bool mayFire(const Sample &sample) const;

    /// What deciding needs of the alert, kept small: an engine holds one evaluator per alert and symbol.
    struct Rule
    {
        Operator op = Operator::CrossingUp;
        Trigger trigger = Trigger::OncePerBarClose;
        bool channel = false;
        bool moving = false;
        bool enabled = true;
        int bars = 1;
        int maxCount = 0;
        double deadBand = 0;
        double by = 0; ///< moving operators: how far
        qint64 cooldownUs = 0;
        std::optional<Model::TimestampUs> expires;
        bool usesMoving() const noexcept { return moving; }
        bool usesChannel() const noexcept { return channel; }
    };

    Rule m_alert;
    State m_state;
};

} // namespace Alerts
