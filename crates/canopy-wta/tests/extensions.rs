//! Each extension changes the answer the way it should (optima worked out by hand).

use canopy_wta::{
    Budget, IlsConfig, IteratedLocalSearch, Problem, ProblemBuilder, Reserve, Shooter, Solution,
    Solver, SolverKind,
};

fn solve(p: &Problem) -> Solution {
    let s = SolverKind::Exact.solve(p, Budget::iterations(100_000));
    assert!(s.proven_optimal);
    s
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// V = [10, 4], p = [[1.0, 0.5], [0.5, 0.9]]. Free: w0→t0, w1→t1 = 0 + 0.4.
/// With (w0, t0) forbidden, whatever its p = 1: w0→t1, w1→t0 = 10·0.5 + 4·0.5 = 7
/// (w1→t0 and w0 idle: 5 + 4 = 9; both on t1: 10 + 0.2 = 10.2).
#[test]
fn forbidden_pair_is_never_chosen() {
    let free =
        ProblemBuilder::new(vec![10.0, 4.0]).single_shooters(vec![vec![1.0, 0.5], vec![0.5, 0.9]]);
    let s = solve(&free.clone().build().unwrap());
    assert_eq!(s.assignment, vec![Some(0), Some(1)]);
    assert!(close(s.objective, 0.4));
    let s = solve(&free.forbid(0, 0).build().unwrap());
    assert_eq!(s.assignment, vec![Some(1), Some(0)]);
    assert!(close(s.objective, 7.0));
}

/// One drone worth 50. Gun: p 0.5, cost 5; missile: p 0.9, cost 4000; λ = 0.01.
/// Without costs both fire (50·0.5·0.1 = 2.5). With costs: gun alone 25 + 0.05 = 25.05,
/// missile alone 5 + 40 = 45, both 2.5 + 40.05 = 42.55, none 50: the gun alone.
/// With the gun forbidden the missile is the last chance: 45 < 50, so it fires.
#[test]
fn costs_keep_expensive_rounds_for_when_they_pay() {
    let gun = Shooter {
        cost_per_round: 5.0,
        ..Shooter::single(vec![0.5])
    };
    let missile = Shooter {
        cost_per_round: 4000.0,
        ..Shooter::single(vec![0.9])
    };
    let base = ProblemBuilder::new(vec![50.0])
        .shooter(gun)
        .shooter(missile);
    let s = solve(&base.clone().cost_weight(0.0).build().unwrap());
    assert_eq!(s.assignment, vec![Some(0), Some(0)]);
    assert!(close(s.objective, 2.5));
    let s = solve(&base.clone().cost_weight(0.01).build().unwrap());
    assert_eq!(s.assignment, vec![Some(0), None]);
    assert!(close(s.objective, 25.05));
    let s = solve(&base.cost_weight(0.01).forbid(0, 0).build().unwrap());
    assert_eq!(s.assignment, vec![None, Some(0)]);
    assert!(close(s.objective, 45.0));
}

/// One shooter, 3 rounds of p = 0.5, V = [8, 1].
/// Salvo 3: all on t0, 8/8 + 1 = 2 (2 + 1 split: 2 + 0.5 = 2.5). Salvo 2: 2 + 0.5 = 2.5.
/// Salvo 1: one round per target, 4 + 0.5 = 4.5, the third round idle.
#[test]
fn salvo_limits_rounds_per_target() {
    let problem = |salvo| {
        let s = Shooter {
            rounds: 3,
            salvo,
            ..Shooter::single(vec![0.5, 0.5])
        };
        ProblemBuilder::new(vec![8.0, 1.0])
            .shooter(s)
            .build()
            .unwrap()
    };
    for (salvo, expect, counts) in [
        (3, 2.0, vec![3, 0]),
        (2, 2.5, vec![2, 1]),
        (1, 4.5, vec![1, 1]),
    ] {
        let p = problem(salvo);
        let s = solve(&p);
        assert!(close(s.objective, expect), "salvo {salvo}: {}", s.objective);
        assert_eq!(s.rounds_per_target(&p, 0), counts);
    }
}

/// V = [10, 10], one shooter with p = 0.8 at both. One round: 2 + 10 = 12.
/// Two identical rounds: one at each, 2 + 2 = 4 (both at one target: 0.4 + 10).
#[test]
fn multiplicity_adds_identical_rounds() {
    let problem = |rounds| {
        let s = Shooter {
            rounds,
            salvo: rounds,
            ..Shooter::single(vec![0.8, 0.8])
        };
        ProblemBuilder::new(vec![10.0, 10.0])
            .shooter(s)
            .build()
            .unwrap()
    };
    let p1 = problem(1);
    assert_eq!(p1.n_units(), 1);
    assert!(close(solve(&p1).objective, 12.0));
    let p2 = problem(2);
    assert_eq!(p2.n_units(), 2);
    let s = solve(&p2);
    assert!(close(s.objective, 4.0));
    assert_eq!(s.rounds_per_target(&p2, 0), vec![1, 1]);
}

/// Two drones (class 0) worth 10 and one ballistic target (class 1) worth `vb`; a battery of
/// 2 rounds, p = 0.9, keeping 1 round for class 1.
/// vb = 0: only one round may go to a drone: 1 + 10 = 11 (without the rule: 1 + 1 = 2).
/// vb = 100: the kept round goes to the ballistic target: 1 + 10 + 10 = 21.
#[test]
fn reserve_keeps_rounds_for_a_class() {
    let problem = |vb, reserve| {
        let s = Shooter {
            rounds: 2,
            reserve,
            ..Shooter::single(vec![0.9, 0.9, 0.9])
        };
        ProblemBuilder::new(vec![10.0, 10.0, vb])
            .target_classes(vec![0, 0, 1])
            .shooter(s)
            .build()
            .unwrap()
    };
    let keep = Some(Reserve {
        class: 1,
        rounds: 1,
    });
    assert!(close(solve(&problem(0.0, None)).objective, 2.0));
    let p = problem(0.0, keep);
    let s = solve(&p);
    assert!(close(s.objective, 11.0));
    assert_eq!(s.rounds_per_target(&p, 0).iter().sum::<u32>(), 1);
    let p = problem(100.0, keep);
    let s = solve(&p);
    assert!(close(s.objective, 21.0));
    assert_eq!(s.rounds_per_target(&p, 0)[2], 1);
    for kind in SolverKind::ALL {
        let s = kind.solve(&p, Budget::iterations(100));
        assert!(p.check(&s.assignment).is_ok(), "{}", kind.name());
    }
}

/// V = [10, 4], p = [[1.0, 0.5], [0.5, 0.9]]: greedy already finds the optimum w0→t0, w1→t1
/// (0.4, see `forbidden_pair_is_never_chosen`), so no iteration improves it and a patience of
/// 5 stops the search after exactly 5 of its 1,000 iterations, with the same answer.
#[test]
fn patience_stops_a_search_that_no_longer_improves() {
    let problem = ProblemBuilder::new(vec![10.0, 4.0])
        .single_shooters(vec![vec![1.0, 0.5], vec![0.5, 0.9]])
        .build()
        .unwrap();
    let mut search = IteratedLocalSearch::new(&problem, IlsConfig::default());
    search.run(Budget::iterations(1000).with_patience(5));
    assert_eq!(search.iterations(), 5);
    assert_eq!(search.best().assignment, vec![Some(0), Some(1)]);
    assert!(close(search.best_objective(), 0.4));
    let mut patient = IteratedLocalSearch::new(&problem, IlsConfig::default());
    patient.run(Budget::iterations(1000));
    assert_eq!(patient.iterations(), 1000);
}
