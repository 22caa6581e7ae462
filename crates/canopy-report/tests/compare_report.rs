//! The comparison report: one dot-and-whisker plot per headline metric, the paired differences
//! in tables, and a link to each option's own report.

use canopy_analysis::compare::{OptionInfo, compare};
use canopy_report::compare_report;
use canopy_sim::RunMetrics;

fn option(name: &str, index: usize) -> OptionInfo {
    OptionInfo {
        name: name.to_string(),
        dir: format!("options/{index:02}"),
        file: "western-shield.toml".to_string(),
        overlays: Vec::new(),
    }
}

/// A night's metrics with `leaked` of 10 entered, 10 - leaked destroyed.
fn night(leaked: u32) -> RunMetrics {
    RunMetrics {
        leaked,
        entered_theatre: 10,
        destroyed: 10 - leaked,
        interceptor_cost_usd: 2.0e6,
        cost_exchange: Some(1.5),
        roe_breaches: 0,
        ..RunMetrics::default()
    }
}

#[test]
fn one_plot_per_metric_and_links_to_each_option() {
    // reference leaks 2, 3, 4; the option leaks one more each night: paired Δ exactly +1
    let metrics = vec![
        vec![night(2), night(3), night(4)],
        vec![night(3), night(4), night(5)],
    ];
    let comparison = compare(
        vec![option("coalition", 1), option("Poland alone", 2)],
        &metrics,
        42,
        3,
    );
    let html = compare_report(&comparison, "coalition vs Poland alone").to_html();
    let sections: Vec<&str> = html.split("<section>").skip(1).collect();
    let titles: Vec<&str> = sections
        .iter()
        .map(|s| &s[s.find("<h2>").unwrap() + 4..s.find("</h2>").unwrap()])
        .collect();
    assert_eq!(
        titles,
        [
            "Leakers per night",
            "Leak rate",
            "Threats destroyed",
            "Interceptor cost",
            "Cost exchange",
            "Spillover share"
        ]
    );
    for section in &sections {
        assert_eq!(section.matches("<svg").count(), 1);
        // one dot per option
        assert_eq!(section.matches(r#"<circle class="estimate""#).count(), 2);
    }
    // leaked: means 3 and 4; the paired difference is +1 with no spread, so its interval is [1, 1]
    assert!(
        sections[0].contains("<td>+1.00 [1.00, 1.00]</td>"),
        "{}",
        sections[0]
    );
    // interceptor cost in million USD
    assert!(
        sections[3].contains("<td>2.00 [2.00, 2.00]</td>"),
        "{}",
        sections[3]
    );
    assert!(html.contains(r#"<a href="options/01/report.html">coalition</a>"#));
    assert!(html.contains(r#"<a href="options/02/report.html">Poland alone</a>"#));
    assert!(!html.contains("<script") && !html.contains("src="));
}
