//! Easing and timing for counters. Plain Rust, unit-tested natively.

/// Shortest counting animation, in milliseconds.
pub const MIN_DURATION_MS: f64 = 1500.0;
/// Longest counting animation, well under WCAG 2.2.2's 5 seconds.
pub const MAX_DURATION_MS: f64 = 2500.0;

/// Ease-out (cubic): fast start, gentle landing. Monotone; 0 at `t ≤ 0`, exactly 1 at `t ≥ 1`.
pub fn ease_out(t: f64) -> f64 {
    if t.is_nan() || t <= 0.0 {
        0.0
    } else if t >= 1.0 {
        1.0
    } else {
        1.0 - (1.0 - t).powi(3)
    }
}

/// How long a counter with this many distinct steps runs: longer for bigger numbers, within
/// [`MIN_DURATION_MS`, `MAX_DURATION_MS`].
pub fn duration_ms(steps: f64) -> f64 {
    let extra = steps.max(1.0).log10() * 250.0;
    (MIN_DURATION_MS + extra).clamp(MIN_DURATION_MS, MAX_DURATION_MS)
}

/// The value shown `elapsed_ms` into an animation of `duration_ms` towards `target`.
pub fn value_at(target: f64, elapsed_ms: f64, duration_ms: f64) -> f64 {
    if elapsed_ms >= duration_ms {
        target
    } else {
        target * ease_out(elapsed_ms / duration_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ease_out_is_monotone_and_ends_at_exactly_one() {
        assert_eq!(ease_out(0.0), 0.0);
        assert_eq!(ease_out(1.0), 1.0);
        assert_eq!(ease_out(1.5), 1.0);
        assert_eq!(ease_out(-1.0), 0.0);
        assert_eq!(ease_out(f64::NAN), 0.0);
        let mut last = 0.0;
        for i in 1..=10_000 {
            let v = ease_out(f64::from(i) / 10_000.0);
            assert!(v >= last, "not monotone at {i}");
            assert!(v <= 1.0);
            last = v;
        }
        assert!(
            ease_out(0.5) > 0.5,
            "eases out: more than half done at half time"
        );
    }

    #[test]
    fn durations_grow_with_size_and_stay_bounded() {
        assert_eq!(duration_ms(0.0), MIN_DURATION_MS);
        assert_eq!(duration_ms(1.0), MIN_DURATION_MS);
        assert!(duration_ms(212.0) > duration_ms(18.0));
        assert_eq!(duration_ms(1e12), MAX_DURATION_MS);
        for steps in [2.0, 18.0, 212.0, 650.0, 1100.0] {
            let d = duration_ms(steps);
            assert!((MIN_DURATION_MS..=MAX_DURATION_MS).contains(&d));
        }
    }

    #[test]
    fn value_at_lands_exactly_on_the_target() {
        assert_eq!(value_at(21.2, 2000.0, 2000.0), 21.2);
        assert_eq!(value_at(21.2, 1e9, 2000.0), 21.2);
        assert_eq!(value_at(21.2, 0.0, 2000.0), 0.0);
        let mid = value_at(21.2, 1000.0, 2000.0);
        assert!(mid > 10.6 && mid < 21.2);
    }
}
