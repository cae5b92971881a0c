//! A widget on a page, as a test reads and works it (a page object): what it
//! shows (title, roles, sections, pressed toggles, theme, notice) and what a
//! reader does (toggle a category, click a control, pick a role). Every query
//! is one script of [`WIDGET_JS`] called with arguments, never JavaScript
//! built from strings; a test's own one-off query is a constant script too,
//! given the widget's root ([`Widget::eval`], [`Widget::wait_until`]).

use serde_json::{json, Value};

use crate::webdriver::args_list;
use crate::Browser;

/// The widget's queries and actions: `arguments` are the host element's CSS
/// selector (`null`: the widget's own page, in the document), the operation
/// and its arguments. Without a root (no such element, or no shadow root
/// yet) every query is null.
const WIDGET_JS: &str = r#"
const [host, op, arg, value] = arguments;
const el = host === null ? null : document.querySelector(host);
const root = host === null ? document : el && el.shadowRoot;
if (!root) return null;
const all = (s) => [...root.querySelectorAll(s)];
const one = (s) => root.querySelector(s);
const toggle = (c) => one(`.rc-toggle[data-category="${CSS.escape(c)}"]`);
const shown = () => all('section.rc-section:not([hidden])').map((s) => s.dataset.category);
switch (op) {
  case 'live': return !!(one('.rc.rc-live .rc-toggle') && !one('.rc-toggle').disabled);
  case 'title': return one('.rc-title') ? one('.rc-title').textContent : null;
  case 'roles': return all('.rc-facts-head .rc-fact').map((c) => c.dataset.role);
  case 'sections': return shown();
  case 'sections-are': return JSON.stringify(shown()) === JSON.stringify(arg);
  case 'section-count-is': return shown().length === arg;
  case 'pressed': return Object.fromEntries(all('.rc-toggle').map((t) => [t.dataset.category, t.getAttribute('aria-pressed')]));
  case 'pressed-is': return toggle(arg).getAttribute('aria-pressed') === String(value);
  case 'content-is': return !!one(`#rc-sec-${CSS.escape(arg)} .rc-cell`) === value;
  case 'classes': return one('.rc') ? [...one('.rc').classList] : null;
  case 'class-is': return one('.rc').classList.contains(arg) === value;
  case 'count': return all(arg).length;
  case 'attribute': { const e = one(arg); return e ? e.getAttribute(value) : null; }
  case 'text': return one('.rc') ? one('.rc').textContent : root.textContent;
  case 'notice': return one('.rc-unavailable') ? one('.rc-unavailable').textContent : null;
  case 'key': { const s = one(`section[data-category="${CSS.escape(arg)}"] .rc-key`); return s ? s.textContent : null; }
  case 'toggle': toggle(arg).click(); return null;
  case 'click': one(arg).click(); return null;
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
  case 'announced-is': return !!one('[aria-live]') && one('[aria-live]').textContent === arg;
}
throw new Error('unknown widget operation ' + op);
"#;

/// What [`Widget::eval`] and [`Widget::wait_until`] put before a test's
/// script: its `arguments` are the widget's root (`document` on the widget's
/// own page; null while the element or its shadow root is missing), then the
/// test's arguments.
const WITH_ROOT_HEAD: &str = "const [host, args] = arguments;
const el = host === null ? null : document.querySelector(host);
const root = host === null ? document : el && el.shadowRoot;
return (function () {\n";
const WITH_ROOT_TAIL: &str = "\n}).apply(this, [root, ...args]);";

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

    /// The element with the id `id` (`<role-compare id="widget">`).
    pub fn id(browser: &'b Browser, id: &str) -> Self {
        Widget::element(browser, &format!("#{id}"))
    }

    /// The widget of its own page (`dist/index.html`, the comparison pages,
    /// the stand-alone file, the iframe's page once WebDriver is in the frame).
    pub fn page(browser: &'b Browser) -> Self {
        Widget { browser, host: None }
    }

    fn call(&self, op: &str, arg: Value, value: Value) -> Value {
        self.browser.eval(WIDGET_JS, json!([self.host, op, arg, value]))
    }

    /// Waits until the operation's answer is truthy.
    fn wait(&self, op: &str, arg: Value, value: Value) -> Value {
        self.browser.wait_until(WIDGET_JS, json!([self.host, op, arg, value]))
    }

    fn strings(&self, op: &str) -> Vec<String> {
        serde_json::from_value(self.call(op, Value::Null, Value::Null)).unwrap_or_default()
    }

    /// Runs `script`, a constant function body whose `arguments` are the
    /// widget's root and then `args`, and returns its value: a test's one-off
    /// query (`const [root, selector] = arguments; …`).
    pub fn eval(&self, script: &str, args: Value) -> Value {
        self.browser.eval(&[WITH_ROOT_HEAD, script, WITH_ROOT_TAIL].concat(), json!([self.host, args_list(args)]))
    }

    /// Like [`eval`](Self::eval), polled until truthy ([`Browser::wait_until`]).
    pub fn wait_until(&self, script: &str, args: Value) -> Value {
        self.browser.wait_until(&[WITH_ROOT_HEAD, script, WITH_ROOT_TAIL].concat(), json!([self.host, args_list(args)]))
    }

    /// Waits until it is live (the wasm took over).
    pub fn wait_live(&self) -> &Self {
        self.wait("live", Value::Null, Value::Null);
        self
    }

    /// Waits until it shows the one-line notice of a comparison the build lacks.
    pub fn wait_notice(&self) -> String {
        self.wait("notice", Value::Null, Value::Null).as_str().unwrap_or_default().to_owned()
    }

    pub fn title(&self) -> String {
        self.call("title", Value::Null, Value::Null).as_str().unwrap_or_default().to_owned()
    }

    /// The role ids of its columns, in order.
    pub fn roles(&self) -> Vec<String> {
        self.strings("roles")
    }

    /// The ids of the categories with content, in order.
    pub fn sections(&self) -> Vec<String> {
        self.strings("sections")
    }

    /// Waits until the categories with content are `ids`, in this order.
    pub fn wait_sections(&self, ids: &[impl AsRef<str>]) {
        let ids: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
        self.wait("sections-are", json!(ids), Value::Null);
    }

    /// Waits until `n` categories have content.
    pub fn wait_section_count(&self, n: usize) {
        self.wait("section-count-is", json!(n), Value::Null);
    }

    /// `aria-pressed` of each toggle by category id.
    pub fn pressed(&self) -> Value {
        self.call("pressed", Value::Null, Value::Null)
    }

    /// Waits until a category's toggle is pressed (`true`) or not.
    pub fn wait_pressed(&self, category: &str, pressed: bool) {
        self.wait("pressed-is", json!(category), json!(pressed));
    }

    /// Waits until a category's section has content (`true`) or has none.
    pub fn wait_content(&self, category: &str, content: bool) {
        self.wait("content-is", json!(category), json!(content));
    }

    /// The classes of its `.rc` root element.
    pub fn classes(&self) -> Vec<String> {
        self.strings("classes")
    }

    /// Its theme, as its class says (`rc-theme-dark` → `dark`).
    pub fn theme(&self) -> Option<String> {
        self.classes().iter().find_map(|c| c.strip_prefix("rc-theme-").map(str::to_owned))
    }

    /// Whether highlighting is on (`rc-highlight`).
    pub fn highlighted(&self) -> bool {
        self.classes().iter().any(|c| c == "rc-highlight")
    }

    /// Waits until its theme is `theme` (`light`, `dark`, `auto`).
    pub fn wait_theme(&self, theme: &str) {
        self.wait("class-is", json!(format!("rc-theme-{theme}")), json!(true));
    }

    /// Waits until highlighting is on (`true`) or off.
    pub fn wait_highlighted(&self, on: bool) {
        self.wait("class-is", json!("rc-highlight"), json!(on));
    }

    /// How many elements under its root `selector` matches.
    pub fn count(&self, selector: &str) -> usize {
        self.call("count", json!(selector), Value::Null).as_u64().unwrap_or(0) as usize
    }

    /// An attribute of the first element under its root `selector` matches.
    pub fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.call("attribute", json!(selector), json!(name)).as_str().map(str::to_owned)
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

    /// Waits until the live region says `text`.
    pub fn wait_announced(&self, text: &str) {
        self.wait("announced-is", json!(text), Value::Null);
    }

    /// Clicks a category's toggle.
    pub fn toggle(&self, category: &str) {
        self.call("toggle", json!(category), Value::Null);
    }

    /// Clicks the first element under its root that `selector` matches
    /// (`button[data-action=show-all]`).
    pub fn click(&self, selector: &str) {
        self.call("click", json!(selector), Value::Null);
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
