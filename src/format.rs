//! Chinese number formatting: 万 and 亿 scales with fixed decimals, and fixed-width intermediate
//! values for counters. Plain Rust, unit-tested natively.
//!
//! `Intl.NumberFormat`'s compact notation is not used on purpose: it rounds 21.2 to "21" and
//! 1.95e9 to "20亿".

/// U+2007 FIGURE SPACE: as wide as a tabular digit, and no line break opportunity.
pub const FIGURE_SPACE: char = '\u{2007}';

/// The scale a number is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Plain units.
    One,
    /// 万 (10⁴).
    Wan,
    /// 亿 (10⁸).
    Yi,
}

impl Scale {
    /// The scale the article would print this value in: 亿 from 10⁸, 万 from 10⁴.
    pub fn for_value(value: f64) -> Self {
        if value >= 1e8 {
            Scale::Yi
        } else if value >= 1e4 {
            Scale::Wan
        } else {
            Scale::One
        }
    }

    fn divisor(self) -> f64 {
        match self {
            Scale::One => 1.0,
            Scale::Wan => 1e4,
            Scale::Yi => 1e8,
        }
    }

    /// The character written after the digits ("", "万", "亿").
    pub fn suffix(self) -> &'static str {
        match self {
            Scale::One => "",
            Scale::Wan => crate::ui_text::WAN,
            Scale::Yi => crate::ui_text::YI,
        }
    }
}

/// How one counter shows its values: the final value's scale and decimals, kept for every
/// intermediate value so the shape never changes while it counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberFormat {
    /// 万/亿 scale of the final value.
    pub scale: Scale,
    /// Decimals shown.
    pub decimals: u8,
    /// The final value, plain units.
    pub target: f64,
}

impl NumberFormat {
    /// The format of a counter that ends on `target`.
    pub fn new(target: f64, decimals: u8) -> Self {
        Self {
            scale: Scale::for_value(target),
            decimals,
            target,
        }
    }

    /// Digits of `value` in this format, rounded half away from zero: "21.2", "6.5", "20".
    pub fn digits(&self, value: f64) -> String {
        let factor = 10_i64.pow(u32::from(self.decimals));
        // Work on a scaled integer so no float noise ("21.20000001") can show.
        let scaled = (value / self.scale.divisor() * factor as f64).round() as i64;
        let (whole, frac) = (scaled / factor, scaled % factor);
        if self.decimals == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{frac:0width$}", width = usize::from(self.decimals))
        }
    }

    /// The final value's digits.
    pub fn final_digits(&self) -> String {
        self.digits(self.target)
    }

    /// How many distinct values the counter shows on its way: 212 for 21.2 with one decimal.
    pub fn steps(&self) -> f64 {
        (self.target / self.scale.divisor() * 10f64.powi(i32::from(self.decimals))).round()
    }

    /// Digits of an intermediate value, padded on the left with figure spaces to the final's width,
    /// so the counter's width never changes (`" 0.0"` → `"21.2"`).
    pub fn padded_digits(&self, value: f64) -> String {
        // `max`/`min`, not `clamp`: `f64::clamp` checks its bounds and would bring the whole float
        // formatter into the wasm for that panic message.
        let digits = self.digits(value.max(0.0).min(self.target));
        let width = self.final_digits().chars().count();
        let pad = width.saturating_sub(digits.chars().count());
        std::iter::repeat_n(FIGURE_SPACE, pad)
            .chain(digits.chars())
            .collect()
    }
}

/// A value as the article prints it, with its 万/亿 scale: `format_cn(1.95e9, 1)` = "19.5亿".
pub fn format_cn(value: f64, decimals: u8) -> String {
    let format = NumberFormat::new(value, decimals);
    format!("{}{}", format.digits(value), format.scale.suffix())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_values() {
        assert_eq!(format_cn(0.0, 0), "0");
        assert_eq!(format_cn(0.0, 1), "0.0");
        assert_eq!(format_cn(21.2, 1), "21.2");
        assert_eq!(format_cn(3.0, 0), "3");
        assert_eq!(format_cn(1100.0, 0), "1100");
        assert_eq!(format_cn(9999.0, 0), "9999");
    }

    #[test]
    fn wan_and_yi() {
        assert_eq!(format_cn(65_000.0, 1), "6.5万");
        assert_eq!(format_cn(200_000.0, 0), "20万");
        assert_eq!(format_cn(10_000.0, 0), "1万");
        assert_eq!(format_cn(1.95e9, 1), "19.5亿");
        assert_eq!(format_cn(1.95e9, 2), "19.50亿");
        assert_eq!(format_cn(2e9, 0), "20亿");
        assert_eq!(format_cn(8e9, 0), "80亿");
        assert_eq!(format_cn(1.2e9, 0), "12亿");
        assert_eq!(format_cn(1e8, 0), "1亿");
    }

    #[test]
    fn rounding_edges() {
        assert_eq!(format_cn(1.95e9, 0), "20亿");
        assert_eq!(format_cn(0.049, 1), "0.0");
        assert_eq!(format_cn(0.05, 1), "0.1");
        assert_eq!(format_cn(9.96, 1), "10.0");
        assert_eq!(format_cn(21.25, 1), "21.3");
        assert_eq!(format_cn(99_995.0, 1), "10.0万");
        assert_eq!(format_cn(99_449.0, 1), "9.9万");
        // Float noise never shows.
        assert_eq!(format_cn(0.1 + 0.2, 1), "0.3");
        assert_eq!(format_cn(21.2 * 3.0 / 3.0, 1), "21.2");
    }

    #[test]
    fn intermediate_values_keep_the_final_shape() {
        let f = NumberFormat::new(21.2, 1);
        assert_eq!(f.padded_digits(0.0), "\u{2007}0.0");
        assert_eq!(f.padded_digits(5.04), "\u{2007}5.0");
        assert_eq!(f.padded_digits(21.0), "21.0");
        assert_eq!(f.padded_digits(21.2), "21.2");
        assert_eq!(f.padded_digits(30.0), "21.2", "never past the final");
        let trees = NumberFormat::new(65_000.0, 1);
        assert_eq!(trees.padded_digits(12_345.0), "1.2");
        assert_eq!(trees.scale.suffix(), "万");
        let funds = NumberFormat::new(2e9, 0);
        assert_eq!(funds.padded_digits(5e7), "\u{2007}1");
        assert_eq!(funds.padded_digits(4e7), "\u{2007}0");
        assert_eq!(funds.scale.suffix(), "亿");
        assert_eq!(f.steps(), 212.0);
        assert_eq!(trees.steps(), 65.0);
        assert_eq!(funds.steps(), 20.0);
    }

    #[test]
    fn every_intermediate_width_equals_the_final() {
        for (target, decimals) in [
            (21.2, 1),
            (65_000.0, 1),
            (2e9, 0),
            (8e9, 0),
            (179.0, 0),
            (98.0, 0),
            (1100.0, 0),
        ] {
            let f = NumberFormat::new(target, decimals);
            let width = f.final_digits().chars().count();
            for step in 0..=1000 {
                let v = target * f64::from(step) / 1000.0;
                assert_eq!(f.padded_digits(v).chars().count(), width, "{target} at {v}");
            }
        }
    }
}
