//! What a page logged, as the tests read it: the console warnings and errors
//! (uncaught errors and unhandled rejections among them) and the CSP
//! violations the recorder ([`crate::webdriver::RECORDER`]) kept.

use crate::Browser;

/// The page's record ([`Browser::console`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Console {
    pub warnings: Vec<String>,
    pub errors: Vec<String>,
    pub csp: Vec<String>,
}

impl Console {
    /// Panics, listing all three, unless the page logged nothing at all.
    pub fn assert_clean(&self) {
        assert!(
            self.warnings.is_empty() && self.errors.is_empty() && self.csp.is_empty(),
            "warnings {:?}, errors {:?}, CSP {:?}",
            self.warnings,
            self.errors,
            self.csp
        );
    }

    /// Panics, listing them, unless the page logged no warning and no error.
    pub fn assert_quiet(&self) {
        assert!(
            self.warnings.is_empty() && self.errors.is_empty(),
            "warnings {:?}, errors {:?}",
            self.warnings,
            self.errors
        );
    }
}

impl Browser {
    /// What the page (or the frame WebDriver is in) has logged so far; empty
    /// lists where no recorder ran.
    pub fn console(&self) -> Console {
        let r = self.recorded();
        let list = |k: &str| serde_json::from_value::<Vec<String>>(r[k].clone()).unwrap_or_default();
        Console { warnings: list("warnings"), errors: list("errors"), csp: list("csp") }
    }

    /// The one error a failed start logs, once it has: it begins
    /// `role-compare:` and it is the only error (no uncaught error, no
    /// unhandled rejection, no second message a task and a frame later).
    pub fn one_start_error(&self) -> String {
        self.wait_for("window.__rc && window.__rc.errors.length > 0");
        self.eval_async("setTimeout(() => requestAnimationFrame(() => arguments[0]()), 50);", serde_json::json!([]));
        let errors = self.console().errors;
        assert_eq!(errors.len(), 1, "exactly one console.error: {errors:#?}");
        assert!(errors[0].starts_with("role-compare: "), "{}", errors[0]);
        errors[0].clone()
    }

    /// Waits two frames after a short task, so effects and logs have landed.
    pub fn settle(&self) {
        self.eval_async(
            "setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => arguments[0]())), 50);",
            serde_json::json!([]),
        );
    }
}
