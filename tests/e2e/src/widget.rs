//! A widget on a page, as a test reads and works it (a page object): what it
//! shows (title, roles, sections, pressed toggles, notice) and what a reader
//! does (toggle a category, pick a role). Every query is one script of
//! [`WIDGET_JS`] called with arguments, never JavaScript built from strings.

use serde_json::{json, Value};

use crate::Browser;

/// The widget's queries and actions: `arguments` are the host element's CSS
/// selector (`null`: the widget's own page, in the document), the operation
/// and its arguments.
const WIDGET_JS: &str = r#"
const [host, op, arg, value] = arguments;
const el = host === null ? null : document.querySelector(host);
const root = host === null ? document : el && el.shadowRoot;
if (!root) return null;
const all = (s) => [...root.querySelectorAll(s)];
const one = (s) => root.querySelector(s);
switch (op) {
  case 'live': return !!(one('.rc.rc-live .rc-toggle') && !one('.rc-toggle').disabled);
  case 'title': return one('.rc-title') ? one('.rc-title').textContent : null;
  case 'roles': return all('.rc-facts-head .rc-fact').map((c) => c.dataset.role);
  case 'sections': return all('section.rc-section:not([hidden])').map((s) => s.dataset.category);
  case 'pressed': return Object.fromEntries(all('.rc-toggle').map((t) => [t.dataset.category, t.getAttribute('aria-pressed')]));
  case 'text': return one('.rc') ? one('.rc').textContent : root.textContent;
  case 'notice': return one('.rc-unavailable') ? one('.rc-unavailable').textContent : null;
  case 'key': { const s = one(`section[data-category="${CSS.escape(arg)}"] .rc-key`); return s ? s.textContent : null; }
  case 'toggle': one(`.rc-toggle[data-category="${CSS.escape(arg)}"]`).click(); return null;
  case 'pick': {
    const select = all('.rc-pick-select')[arg];
    select.focus();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return null;
  }
  case 'select-top': { const s = all('.rc-pick-select')[arg]; return s ? s.getBoundingClientRect().top + window.scrollY : null; }
  case 'focused-select': {
    const active = root.activeElement || document.activeElement;
    return all('.rc-pick-select').indexOf(active);
  }
  case 'announced': return one('[aria-live]') ? one('[aria-live]').textContent : null;
}
throw new Error('unknown widget operation ' + op);
"#;

/// A `<role-compare>` (by CSS selector) or the widget of the page.
pub struct Widget<'b> {
    browser: &'b Browser,
    host: Option<String>,
}

impl<'b> Widget<'b> {
    /// The element `selector` matches (`#a`, `role-compare[comparison=x]`).
    pub fn element(browser: &'b Browser, selector: &str) -> Self {
        Widget { browser, host: Some(selector.to_owned()) }
    }

    /// The widget of its own page (`dist/index.html` and the comparison pages).
    pub fn page(browser: &'b Browser) -> Self {
        Widget { browser, host: None }
    }

    fn call(&self, op: &str, arg: Value, value: Value) -> Value {
        self.browser.eval(WIDGET_JS, json!([self.host, op, arg, value]))
    }

    fn strings(&self, op: &str) -> Vec<String> {
        serde_json::from_value(self.call(op, Value::Null, Value::Null)).unwrap_or_default()
    }

    /// Waits until it is live (the wasm took over).
    pub fn wait_live(&self) -> &Self {
        let host = serde_json::to_string(&self.host).expect("json");
        let expression = format!("(function () {{ {WIDGET_JS} }}).call(null, {host}, 'live')");
        self.browser.wait_for(&expression);
        self
    }

    pub fn title(&self) -> String {
        self.call("title", Value::Null, Value::Null).as_str().unwrap_or_default().to_owned()
    }

    /// The role ids of its columns, in order.
    pub fn roles(&self) -> Vec<String> {
        self.strings("roles")
    }

    /// The ids of the categories with content.
    pub fn sections(&self) -> Vec<String> {
        self.strings("sections")
    }

    /// `aria-pressed` of each toggle by category id.
    pub fn pressed(&self) -> Value {
        self.call("pressed", Value::Null, Value::Null)
    }

    /// Its whole text.
    pub fn text(&self) -> String {
        self.call("text", Value::Null, Value::Null).as_str().unwrap_or_default().to_owned()
    }

    /// The one-line notice shown instead of a comparison the build lacks.
    pub fn notice(&self) -> Option<String> {
        self.call("notice", Value::Null, Value::Null).as_str().map(str::to_owned)
    }

    /// A category's key-difference line, if it has one.
    pub fn key_difference(&self, category: &str) -> Option<String> {
        self.call("key", json!(category), Value::Null).as_str().map(str::to_owned)
    }

    /// The live region's text.
    pub fn announced(&self) -> String {
        self.call("announced", Value::Null, Value::Null).as_str().unwrap_or_default().to_owned()
    }

    /// Clicks a category's toggle.
    pub fn toggle(&self, category: &str) {
        self.call("toggle", json!(category), Value::Null);
    }

    /// Picks `role` in column `column`'s select, as a reader does (focus,
    /// choose, `change`).
    pub fn pick(&self, column: usize, role: &str) {
        self.call("pick", json!(column), json!(role));
    }

    /// The page offset of column `column`'s select.
    pub fn select_top(&self, column: usize) -> f64 {
        self.call("select-top", json!(column), Value::Null).as_f64().expect("the select exists")
    }

    /// Which select has focus (-1: none).
    pub fn focused_select(&self) -> i64 {
        self.call("focused-select", Value::Null, Value::Null).as_i64().unwrap_or(-1)
    }
}
