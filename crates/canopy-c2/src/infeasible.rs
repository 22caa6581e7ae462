//! Why an engagement is not possible: the reasons feasibility checks and planners give.

use serde::{Deserialize, Serialize};

/// Why an engagement is not possible, ordered from the first check to the last. Written in
/// files by its [`Infeasible::as_str`] name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Infeasible {
    /// No shooter is within reach of the track.
    NoShooterInReach,
    /// The shooter is off station or has no free fire channel.
    ShooterUnavailable,
    /// The munition has no rounds left.
    NoRounds,
    /// The munition has no kill chance against this class.
    NoKillChance,
    /// The nation's rules do not allow engaging this class, or the track's class is not
    /// identified well enough for a nation that leaves some class out.
    ClassNotAllowed,
    /// The interceptor is too slow to catch the target.
    CannotCatch,
    /// The intercept point is outside the munition's range band.
    OutOfRange,
    /// A vectored fighter would leave its patrol sector or its combat radius from base.
    BeyondCombatRadius,
    /// A vectored fighter would not have the fuel for the dash and the flight home.
    ShortOfFuel,
    /// The intercept point is outside the munition's altitude band.
    OutOfAltitude,
    /// The intercept point is outside the nation's engagement zones or inside a no-fire zone.
    OutsideZone,
    /// The intercept point is closer to a named country than the nation's rules allow.
    TooCloseToBorder,
    /// The debris footprint touches NATO territory and the rules forbid it.
    DebrisOverNato,
    /// The engagement would be feasible at once, but not after waiting for approval.
    AwaitingApproval,
    /// Approval was asked for and refused.
    ApprovalRefused,
    /// Feasible, but the planner judged no shot worth its cost (expected value saved below the
    /// interceptor's cost).
    NotCostEffective,
    /// Feasible only with rounds held in reserve for missiles.
    HeldInReserve,
    /// C2 recognised the track as a decoy's and does not engage it (scenario `[c2]`).
    RecognisedDecoy,
    /// The planner waits for one more look at the track: what it would learn is worth more than
    /// a shot now, and the track leaves time for later layers.
    Deferred,
}

impl Infeasible {
    /// A stable snake_case name, used in metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            Infeasible::NoShooterInReach => "no_shooter_in_reach",
            Infeasible::ShooterUnavailable => "shooter_unavailable",
            Infeasible::NoRounds => "no_rounds",
            Infeasible::NoKillChance => "no_kill_chance",
            Infeasible::ClassNotAllowed => "class_not_allowed",
            Infeasible::CannotCatch => "cannot_catch",
            Infeasible::OutOfRange => "out_of_range",
            Infeasible::BeyondCombatRadius => "beyond_combat_radius",
            Infeasible::ShortOfFuel => "short_of_fuel",
            Infeasible::OutOfAltitude => "out_of_altitude",
            Infeasible::OutsideZone => "outside_zone",
            Infeasible::TooCloseToBorder => "too_close_to_border",
            Infeasible::DebrisOverNato => "debris_over_nato",
            Infeasible::AwaitingApproval => "awaiting_approval",
            Infeasible::ApprovalRefused => "approval_refused",
            Infeasible::NotCostEffective => "not_cost_effective",
            Infeasible::HeldInReserve => "held_in_reserve",
            Infeasible::RecognisedDecoy => "recognised_decoy",
            Infeasible::Deferred => "deferred",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Infeasible::{self, *};

    /// Every reason. The match below stops compiling when a reason is added and not listed.
    const EVERY_REASON: [Infeasible; 19] = [
        NoShooterInReach,
        ShooterUnavailable,
        NoRounds,
        NoKillChance,
        ClassNotAllowed,
        CannotCatch,
        OutOfRange,
        BeyondCombatRadius,
        ShortOfFuel,
        OutOfAltitude,
        OutsideZone,
        TooCloseToBorder,
        DebrisOverNato,
        AwaitingApproval,
        ApprovalRefused,
        NotCostEffective,
        HeldInReserve,
        RecognisedDecoy,
        Deferred,
    ];

    #[test]
    fn files_hold_each_reason_by_its_name() {
        for reason in EVERY_REASON {
            match reason {
                NoShooterInReach | ShooterUnavailable | NoRounds | NoKillChance
                | ClassNotAllowed | CannotCatch | OutOfRange | BeyondCombatRadius | ShortOfFuel
                | OutOfAltitude | OutsideZone | TooCloseToBorder | DebrisOverNato
                | AwaitingApproval | ApprovalRefused | NotCostEffective | HeldInReserve
                | RecognisedDecoy | Deferred => {}
            }
            let json = serde_json::to_string(&reason).unwrap();
            assert_eq!(json, format!("\"{}\"", reason.as_str()));
            assert_eq!(serde_json::from_str::<Infeasible>(&json).unwrap(), reason);
        }
    }
}
