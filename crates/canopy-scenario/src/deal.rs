//! Dealing a raid's threats over its launch places and aim points in proportion to their weights.
//!
//! The deal is a smooth weighted round-robin: at each pick every item earns its weight in
//! credit, the item with the most credit (the first of equals) is taken and pays the total
//! weight. After `n` picks an item of weight `w` out of a total `W` has been taken `n·w/W` times
//! less its credit over `W`, so every prefix of the deal stays within one pick of its share, and
//! equal weights deal in turn (`a, b, c, a, b, c, …`). The deal is fixed: every replication flies
//! the same raid, and the dice are left to the defence.

use crate::model::Weighted;

/// Deals picks over weighted items.
#[derive(Clone, Debug)]
pub struct Dealer {
    weights: Vec<f64>,
    credit: Vec<f64>,
    total: f64,
}

impl Dealer {
    /// A dealer over items of these weights (each above 0).
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Dealer {
        let weights: Vec<f64> = weights.into_iter().collect();
        Dealer {
            credit: vec![0.0; weights.len()],
            total: weights.iter().sum(),
            weights,
        }
    }

    /// The index of the next item dealt.
    pub fn next_index(&mut self) -> usize {
        for (credit, weight) in self.credit.iter_mut().zip(&self.weights) {
            *credit += weight;
        }
        let mut best = 0;
        for index in 1..self.credit.len() {
            if self.credit[index] > self.credit[best] {
                best = index;
            }
        }
        self.credit[best] -= self.total;
        best
    }
}

/// Each of `count` threats' launch place and aim point (indices into `launches` and `targets`):
/// the launch places are dealt by their weights, and each launch place deals its own threats over
/// the aim points by theirs, so every launch place's threats spread over the targets alike.
pub fn deal_raid<L, T>(
    count: u32,
    launches: &[Weighted<L>],
    targets: &[Weighted<T>],
) -> Vec<(usize, usize)> {
    let mut launch_dealer = Dealer::new(launches.iter().map(|launch| launch.weight));
    let mut target_dealers =
        vec![Dealer::new(targets.iter().map(|target| target.weight)); launches.len()];
    (0..count)
        .map(|_| {
            let launch = launch_dealer.next_index();
            (launch, target_dealers[launch].next_index())
        })
        .collect()
}
