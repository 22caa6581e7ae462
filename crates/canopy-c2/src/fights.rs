//! The independent fights of a planning cycle: the (shooter, munition) pairs split into groups
//! that may engage no track in common, so that each group's assignment is solved on its own.
//!
//! The assignment's objective is a sum over tracks, and a pair's rounds can only go to the tracks
//! it may engage, so groups that share no track are independent problems: solving them apart
//! gives the same optimum, and the solver's effort grows with the size of each fight (the Kyiv
//! belt's, Odesa's) rather than with the whole country's.

/// Groups of `pairs` (indices into the caller's pairs) linked by a track that both may engage,
/// directly or through other pairs: each group in pair order, the groups in the order of their
/// first pair. `tracks_of(pair)` lists the tracks a pair may engage.
pub fn independent_groups<I: IntoIterator<Item = usize>>(
    pairs: &[usize],
    tracks_of: impl Fn(usize) -> I,
) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..pairs.len()).collect();
    let mut first_pair_of_track: std::collections::BTreeMap<usize, usize> =
        std::collections::BTreeMap::new();
    for (position, &pair) in pairs.iter().enumerate() {
        for track in tracks_of(pair) {
            let other = *first_pair_of_track.entry(track).or_insert(position);
            let (a, b) = (root(&mut parent, position), root(&mut parent, other));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: std::collections::BTreeMap<usize, usize> =
        std::collections::BTreeMap::new();
    for (position, &pair) in pairs.iter().enumerate() {
        let group = *group_of_root
            .entry(root(&mut parent, position))
            .or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
        groups[group].push(pair);
    }
    groups
}

/// The root of a union-find forest, with the path halved on the way.
fn root(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_sharing_a_track_directly_or_through_others_fight_together() {
        // Pairs 0 and 2 share track 5; pair 4 shares track 7 with pair 2; pair 1 fights alone;
        // pair 3 may engage nothing and is a group of its own.
        let options: [&[usize]; 5] = [&[5], &[9], &[5, 7], &[], &[7, 8]];
        let groups = independent_groups(&[0, 1, 2, 3, 4], |pair| options[pair].iter().copied());
        assert_eq!(groups, [vec![0, 2, 4], vec![1], vec![3]]);
    }

    #[test]
    fn groups_keep_the_callers_pair_numbers() {
        let options: [&[usize]; 7] = [&[], &[], &[1], &[], &[], &[2], &[1]];
        let groups = independent_groups(&[2, 5, 6], |pair| options[pair].iter().copied());
        assert_eq!(groups, [vec![2, 6], vec![5]]);
    }
}
