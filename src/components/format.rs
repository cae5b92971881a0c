//! Chart arithmetic: bar lengths and shares. What readers read (money,
//! numbers, years) is formatted by the language's table: `crate::data::Ui`.

/// `part` as a percentage of `whole` with two decimals, for SVG lengths
/// (`"87.50%"`). Integer arithmetic: no float formatting in the wasm.
pub fn percent(part: u32, whole: u32) -> String {
    let hundredths = u64::from(part) * 10_000 / u64::from(whole.max(1));
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

pub use crate::data::ui::whole_percent;

#[cfg(test)]
mod tests {
    use super::*;

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
}
