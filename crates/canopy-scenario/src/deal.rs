//! Dealing a raid's threats over its launch places and aim points in proportion to their weights.
//!
//! The deal is a smooth weighted round-robin: at each pick every item earns its weight in
//! credit, the item with the most credit (the first of equals) is taken and pays the total
//! weight. After `n` picks an item of weight `w` out of a total `W` has been taken `n·w/W` times
//! less its credit over `W`, so every prefix of the deal stays within one pick of its share, and
//! equal weights deal in turn (`a, b, c, a, b, c, …`). The deal is fixed: every replication flies
//! the same raid, and the dice are left to the defence.

/// An item with a weight (above 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Weighted<T> {
    /// The item.
    pub item: T,
    /// Its weight.
    pub weight: f64,
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn weighted(weights: &[f64]) -> Vec<Weighted<()>> {
        weights
            .iter()
            .map(|&weight| Weighted { item: (), weight })
            .collect()
    }

    #[test]
    fn equal_weights_deal_in_turn() {
        let mut dealer = Dealer::new([1.0, 1.0, 1.0]);
        let picks: Vec<usize> = (0..7).map(|_| dealer.next_index()).collect();
        assert_eq!(picks, [0, 1, 2, 0, 1, 2, 0]);
    }

    #[test]
    fn every_prefix_stays_within_one_pick_of_its_share() {
        for weights in [
            vec![2.0, 1.0],
            vec![5.0, 3.0, 1.0, 1.0],
            vec![0.3, 0.25, 0.45],
            vec![7.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        ] {
            let total: f64 = weights.iter().sum();
            let mut dealer = Dealer::new(weights.iter().copied());
            let mut picks = vec![0u32; weights.len()];
            for n in 1..=500u32 {
                picks[dealer.next_index()] += 1;
                for (count, weight) in picks.iter().zip(&weights) {
                    let share = f64::from(n) * weight / total;
                    assert!(
                        (f64::from(*count) - share).abs() < 1.0,
                        "{weights:?}: {count} picks after {n}, share {share}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_raid_spreads_over_launch_places_and_each_launch_place_over_targets() {
        // 90 threats, launch places 2 : 1, targets 1 : 2: 60 and 30 launched, and each launch
        // place's threats split 1 : 2 over the targets (20 + 40 and 10 + 20).
        let deal = deal_raid(90, &weighted(&[2.0, 1.0]), &weighted(&[1.0, 2.0]));
        let count = |launch, target| deal.iter().filter(|&&d| d == (launch, target)).count();
        assert_eq!(
            [count(0, 0), count(0, 1), count(1, 0), count(1, 1)],
            [20, 40, 10, 20]
        );
    }
}
