//! The figures a Monte Carlo derives from its runs, named once: the proportions of `summary.json`
//! and its per-night distributions, with the formulas that make them from one night's numbers.
//! The summary, the comparison, the report and the command line all name them from here.

use canopy_sim::RunMetrics;
use canopy_sim::metrics::Metric;

/// A proportion of `summary.json` (`proportions`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SummaryProportion {
    /// Threats that leaked over threats that entered the theatre, pooled over nights.
    LeakProbability,
    /// Nights with a leaker.
    AnyLeakerProbability,
    /// Nights with anything in NATO territory.
    SpilloverProbability,
    /// Nights with an engagement outside the shooter nation's rules.
    RoeBreachProbability,
}

impl SummaryProportion {
    /// Every one, in the order of the summary's description.
    pub const ALL: [SummaryProportion; 4] = [
        SummaryProportion::LeakProbability,
        SummaryProportion::AnyLeakerProbability,
        SummaryProportion::SpilloverProbability,
        SummaryProportion::RoeBreachProbability,
    ];

    /// The headline ones: what `canopy mc` prints and the report shows first.
    pub const HEADLINE: [SummaryProportion; 3] = [
        SummaryProportion::LeakProbability,
        SummaryProportion::AnyLeakerProbability,
        SummaryProportion::SpilloverProbability,
    ];

    /// Its name in `summary.json`.
    pub const fn name(self) -> &'static str {
        match self {
            SummaryProportion::LeakProbability => "leak_probability",
            SummaryProportion::AnyLeakerProbability => "any_leaker_probability",
            SummaryProportion::SpilloverProbability => "spillover_probability",
            SummaryProportion::RoeBreachProbability => "roe_breach_probability",
        }
    }

    /// For a share of nights, the column of the nights that count (those where it is above
    /// zero, see [`counts_night`]); `None` for the leak probability, which pools threats.
    pub const fn night_column(self) -> Option<Metric> {
        match self {
            SummaryProportion::LeakProbability => None,
            SummaryProportion::AnyLeakerProbability => Some(Metric::Leaked),
            SummaryProportion::SpilloverProbability => Some(Metric::SpilloverCount),
            SummaryProportion::RoeBreachProbability => Some(Metric::RoeBreaches),
        }
    }

    /// For a share of nights, whether one night counts, as 1 or 0 (`None` for the leak
    /// probability, or where the night lacks the value).
    pub fn night_value(self, metrics: &RunMetrics) -> Option<f64> {
        let value = self.night_column()?.value(metrics)?;
        Some(if counts_night(value) { 1.0 } else { 0.0 })
    }
}

/// The name of the leak probability of one threat type: `leak_probability.{threat_type}`.
pub fn leak_probability_of(threat_type: &str) -> String {
    format!(
        "{}.{threat_type}",
        SummaryProportion::LeakProbability.name()
    )
}

/// Whether a night's value of a night share's column makes it count (above zero).
pub fn counts_night(value: f64) -> bool {
    value > 0.0
}

/// A per-night distribution of `summary.json` (`per_night`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PerNight {
    /// Leakers.
    Leaked,
    /// Leakers over threats that entered the theatre, on nights where some entered.
    LeakRate,
    /// Interceptor and flight-hour cost, USD.
    CostUsd,
}

impl PerNight {
    /// Its name in `summary.json`.
    pub const fn name(self) -> &'static str {
        match self {
            PerNight::Leaked => "leaked",
            PerNight::LeakRate => "leak_rate",
            PerNight::CostUsd => "cost_usd",
        }
    }

    /// Its value in one night (`None` where undefined: the leak rate of a night where nothing
    /// entered).
    pub fn value(self, metrics: &RunMetrics) -> Option<f64> {
        match self {
            PerNight::Leaked => Metric::Leaked.value(metrics),
            PerNight::LeakRate => leak_rate(
                Metric::Leaked.value(metrics)?,
                Metric::EnteredTheatre.value(metrics)?,
            ),
            PerNight::CostUsd => Some(night_cost(
                Metric::InterceptorCostUsd.value(metrics)?,
                Metric::FlightCostUsd.value(metrics)?,
            )),
        }
    }
}

/// A night's leak rate: leakers over threats that entered the theatre; `None` when none entered.
pub fn leak_rate(leaked: f64, entered: f64) -> Option<f64> {
    (entered > 0.0).then(|| leaked / entered)
}

/// A night's cost: interceptors and flight hours, USD.
pub fn night_cost(interceptor_cost_usd: f64, flight_cost_usd: f64) -> f64 {
    interceptor_cost_usd + flight_cost_usd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn night_figures_by_hand() {
        let night = RunMetrics {
            leaked: 3,
            entered_theatre: 12,
            interceptor_cost_usd: 100.0,
            flight_cost_usd: 50.0,
            roe_breaches: 0,
            ..RunMetrics::default()
        };
        assert_eq!(PerNight::Leaked.value(&night), Some(3.0));
        assert_eq!(PerNight::LeakRate.value(&night), Some(0.25));
        assert_eq!(PerNight::CostUsd.value(&night), Some(150.0));
        let quiet = RunMetrics::default();
        assert_eq!(PerNight::LeakRate.value(&quiet), None);
        assert_eq!(
            SummaryProportion::AnyLeakerProbability.night_value(&night),
            Some(1.0)
        );
        assert_eq!(
            SummaryProportion::RoeBreachProbability.night_value(&night),
            Some(0.0)
        );
        assert_eq!(SummaryProportion::LeakProbability.night_value(&night), None);
        assert_eq!(leak_probability_of("kh-101"), "leak_probability.kh-101");
    }
}
