//! Entry points: how the widget gets onto a page.

pub mod page;
