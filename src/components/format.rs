//! Figures as readers read them.

/// `80000` → `$80,000`.
pub fn usd(amount: u32) -> String {
    let digits = amount.to_string();
    let mut out = String::from("$");
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `part` as a percentage of `whole` with two decimals, for SVG lengths
/// (`"87.50%"`). Integer arithmetic: no float formatting in the wasm.
pub fn percent(part: u32, whole: u32) -> String {
    let hundredths = u64::from(part) * 10_000 / u64::from(whole.max(1));
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

/// `part` as a whole percentage of `whole`, rounded half up (`14`).
pub fn whole_percent(part: u32, whole: u32) -> u64 {
    (u64::from(part) * 100 + u64::from(whole.max(1)) / 2) / u64::from(whole.max(1))
}

/// `1 year`, `4 years`.
pub fn years(n: u8) -> String {
    if n == 1 { "1 year".to_owned() } else { format!("{n} years") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_get_thousands_separators() {
        assert_eq!(usd(80_000), "$80,000");
        assert_eq!(usd(1_000), "$1,000");
        assert_eq!(usd(999), "$999");
        assert_eq!(usd(1_234_567), "$1,234,567");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(70_000, 80_000), "87.50%");
        assert_eq!(percent(2, 11), "18.18%");
        assert_eq!(percent(0, 11), "0.00%");
        assert_eq!(percent(11, 11), "100.00%");
        assert_eq!(percent(1, 0), "100.00%");
        assert_eq!(whole_percent(10_000, 70_000), 14);
        assert_eq!(whole_percent(1, 8), 13);
    }

    #[test]
    fn years_agree_in_number() {
        assert_eq!(years(1), "1 year");
        assert_eq!(years(0), "0 years");
        assert_eq!(years(4), "4 years");
    }
}
