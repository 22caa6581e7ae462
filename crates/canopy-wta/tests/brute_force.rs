//! The exact solver agrees with brute force on random small problems with every extension;
//! the heuristics are never better than the optimum and never worse than greedy.

mod common;

use canopy_wta::{Budget, Reserve, Shooter, Solver, SolverKind};
use common::Plain;
use proptest::prelude::*;

fn probability() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 1 => Just(1.0), 8 => 0.0..1.0f64]
}

fn plain() -> impl Strategy<Value = Plain> {
    (1usize..=4, 1usize..=3).prop_flat_map(|(t, n_shooters)| {
        let shooter = (
            prop::collection::vec(probability(), t),
            1u32..=2,
            1u32..=2,
            prop_oneof![2 => Just(0.0), 1 => 0.0..30.0f64],
            prop::option::weighted(0.3, (0u32..=1, 1u32..=2)),
        )
            .prop_map(|(pk, rounds, salvo, cost, reserve)| Shooter {
                pk,
                rounds,
                salvo,
                cost_per_round: cost,
                reserve: reserve.map(|(class, r)| Reserve {
                    class,
                    rounds: r.min(rounds),
                }),
            });
        (
            prop::collection::vec(0.0..100.0f64, t),
            prop::collection::vec(0u32..=1, t),
            prop::collection::vec(shooter, n_shooters),
            prop::collection::vec((0..n_shooters, 0..t), 0..3),
            prop_oneof![Just(1.0), 0.0..2.0f64],
        )
            .prop_filter("at most 4 rounds", |(_, _, shooters, _, _)| {
                shooters.iter().map(|s| s.rounds).sum::<u32>() <= 4
            })
            .prop_map(|(values, classes, shooters, forbidden, lambda)| Plain {
                values,
                classes,
                shooters,
                forbidden,
                lambda,
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn exact_matches_brute_force(plain in plain()) {
        let optimum = plain.brute_force();
        let problem = plain.problem();
        let tol = 1e-9 * optimum.abs().max(1.0);
        let exact = SolverKind::Exact.solve(&problem, Budget::iterations(1_000_000));
        prop_assert!(exact.proven_optimal);
        prop_assert!((exact.objective - optimum).abs() <= tol, "{} vs {}", exact.objective, optimum);
        prop_assert!(exact.lower_bound.unwrap() <= optimum + tol);
        let greedy = SolverKind::Greedy.solve(&problem, Budget::iterations(0));
        for kind in SolverKind::ALL {
            let s = kind.solve(&problem, Budget::iterations(50));
            let f = plain.evaluate(&s.assignment);
            prop_assert!(f.is_some(), "{} broke a rule", kind.name());
            let f = f.unwrap();
            prop_assert!((f - s.objective).abs() <= tol);
            prop_assert!(f >= optimum - tol);
            prop_assert!(f <= greedy.objective + tol, "{} worse than greedy", kind.name());
            if let Some(lb) = s.lower_bound {
                prop_assert!(lb <= optimum + tol);
            }
        }
    }
}
