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
    fn years_agree_in_number() {
        assert_eq!(years(1), "1 year");
        assert_eq!(years(0), "0 years");
        assert_eq!(years(4), "4 years");
    }
}
