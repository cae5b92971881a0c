use yew::prelude::*;

use super::{heading_tag, AtAGlance, CategorySection, FitView, Footer, HeadingLevel, QuickFacts, Toolbar};
use crate::data::ui::{ANNOUNCE_HIDDEN, ANNOUNCE_SHOWN};
use crate::data::{text_language, Dataset, DatasetRef, Msg};
use crate::state::{Action, Change, Settings, ViewState};

/// How long the view must stay unchanged before it is written to the URL.
pub const URL_DELAY_MS: u32 = 250;

#[derive(Properties, PartialEq, Clone)]
pub struct RoleCompareProps {
    /// The dataset shown; by default the one baked into the binary.
    #[prop_or_else(|| crate::data::baked().into())]
    pub dataset: DatasetRef,
    /// Settings from the embedding (attributes, query string): the first
    /// render already shows their view, so nothing moves when it appears.
    #[prop_or_default]
    pub settings: Settings,
    /// Keep the view in the page's URL fragment.
    #[prop_or_default]
    pub sync_url: bool,
    /// Called with every view the widget shows: the reader's changes (their
    /// `last` is `Some`) and views loaded from outside (settings, URL).
    #[prop_or_default]
    pub on_change: Callback<ViewState>,
    /// Heading level of the widget's title, 1 to 4: 2 (`<h2>`) by default, so
    /// the custom element fits under a host page's own `<h1>`; 1 on the
    /// widget's own page, where the title is the page's one `<h1>`. The
    /// widget's other headings follow one and two levels below.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Each role column has a picker of the catalogue's roles (or of
    /// `picker_roles`): the reader chooses what to compare.
    #[prop_or_default]
    pub picker: bool,
    /// The roles the picker offers (catalogue indices); `None`: all.
    #[prop_or_default]
    pub picker_roles: Option<Vec<crate::data::RoleIx>>,
}

impl RoleCompareProps {
    /// The widget's default view of `dataset` as the custom element shows
    /// it (its title an `<h2>`, no URL sync, no picker); change what differs
    /// with struct update syntax.
    pub fn of(dataset: &'static Dataset) -> Self {
        RoleCompareProps {
            dataset: dataset.into(),
            settings: Settings::default(),
            sync_url: false,
            on_change: Callback::noop(),
            heading_level: 2,
            picker: false,
            picker_roles: None,
        }
    }
}

/// The widget rendered natively to HTML (yew `ssr`, not hydratable): what
/// the prerendered pages and fallbacks hold, and what native tests read.
#[cfg(feature = "ssr")]
pub fn render_html(props: RoleCompareProps) -> String {
    let renderer = yew::LocalServerRenderer::<RoleCompare>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// What the polite live region says after a reader's change, in the
/// dataset's language ("Salary hidden").
pub fn announcement(dataset: &Dataset, change: Change) -> String {
    let ui = dataset.ui();
    match change {
        Change::Category(ix, on) => {
            // The section after the categories: the fit view.
            let (title, gender) = match dataset.categories.get(ix) {
                Some(category) => (category.title.as_ref(), category.gender),
                None => (ui.text(Msg::FitTitle), None),
            };
            let msg = ui.gendered(if on { ANNOUNCE_SHOWN } else { ANNOUNCE_HIDDEN }, gender);
            ui.fill(msg, &[("category", title)])
        }
        // The tally's own live region speaks.
        Change::Answer => String::new(),
        Change::All(on) => ui.text(if on { Msg::AnnounceAllShown } else { Msg::AnnounceAllHidden }).to_owned(),
        Change::Highlight(on) => {
            ui.text(if on { Msg::AnnounceHighlightOn } else { Msg::AnnounceHighlightOff }).to_owned()
        }
        Change::Roles => ui.fill(Msg::AnnounceRoles, &[("title", &dataset.title)]),
    }
}

/// The whole widget: provides the dataset, holds the view state.
#[component]
pub fn RoleCompare(props: &RoleCompareProps) -> Html {
    // The embedding's comparison; the view may show other roles (`view.dataset`).
    let dataset: &'static Dataset = props.dataset.0;
    // The first render already shows the view asked for (the fragment's too,
    // when synced): nothing moves when the live render follows.
    let view = use_reducer(|| {
        let fragment = props
            .sync_url
            .then(|| super::url_sync::peek_fragment(dataset, &props.settings))
            .flatten()
            .unwrap_or_default();
        ViewState::from_settings(&props.settings.overridden_by(fragment), dataset)
    });
    // False in the prerendered page and the first render: the controls stay
    // disabled until the wasm can work them.
    let live = use_state(|| false);
    {
        let live = live.clone();
        use_effect_with((), move |_| live.set(true));
    }
    let dispatch = {
        let view = view.dispatcher();
        Callback::from(move |action| view.dispatch(action))
    };

    // Another language (its comparison) from the embedding: the same roles in it.
    {
        let view = view.dispatcher();
        use_effect_with(props.dataset, move |home| view.dispatch(Action::Home(*home)));
    }
    // Settings from the embedding, and from the URL fragment when synced. At
    // start (or when URL sync is switched) the view is loaded whole; when an
    // attribute changes later, only what it changed moves.
    let previous = use_mut_ref(|| None::<(Settings, bool)>);
    // The URL write waiting for the reader to pause (see below).
    let pending_url = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    {
        let view = view.dispatcher();
        let pending_url = pending_url.clone();
        use_effect_with((props.settings.clone(), props.sync_url), move |(settings, sync_url)| {
            // URL sync switched off: a write still waiting must not touch the URL.
            if !*sync_url {
                pending_url.borrow_mut().take();
            }
            let listener = sync_url.then(|| super::url_sync::follow_fragment(dataset, settings.clone(), view.clone()));
            let fragment = || super::url_sync::read_fragment(dataset, settings).filter(|f| *f != Settings::default());
            match previous.borrow_mut().replace((settings.clone(), *sync_url)) {
                Some((before, synced)) => {
                    view.dispatch(Action::Patch { before, after: settings.clone() });
                    // URL sync just switched on: a view in the URL wins.
                    if *sync_url && !synced {
                        if let Some(fragment) = fragment() {
                            view.dispatch(Action::Load(settings.overridden_by(fragment)));
                        }
                    }
                }
                None => view.dispatch(Action::Load(match sync_url {
                    true => settings.overridden_by(fragment().unwrap_or_default()),
                    false => settings.clone(),
                })),
            }
            move || drop(listener)
        });
    }
    // Tell the embedding, and the URL, about the reader's changes. The URL is
    // written once the reader pauses: one history entry for a burst of clicks,
    // and no history work on the click's own path.
    {
        let on_change = props.on_change.clone();
        let sync_url = props.sync_url;
        // The view the page starts with: the fragment records what differs from it.
        let base = ViewState::from_settings(&props.settings, dataset);
        use_effect_with((*view).clone(), move |view| {
            if view.last.is_none() {
                // A view loaded from outside (URL, attributes) cancels a write
                // still pending for the reader's previous view.
                pending_url.borrow_mut().take();
            } else {
                if sync_url {
                    let fragment = view.to_fragment(view.dataset.0, &base);
                    *pending_url.borrow_mut() = Some(gloo::timers::callback::Timeout::new(URL_DELAY_MS, move || {
                        super::url_sync::write_fragment(&fragment)
                    }));
                }
            }
            on_change.emit(view.clone());
        });
    }

    // What the reader sees: the roles of the view, which the picker changes.
    let dataset: &'static Dataset = view.dataset.0;
    let announcement = view.last.map(|change| announcement(dataset, change));
    let picker = props.picker.then(|| {
        let all = || (0..dataset.catalogue.roles.len()).collect();
        let mut offered: Vec<_> = props.picker_roles.clone().unwrap_or_else(all);
        // A shown role is always offered: its select shows what is shown.
        for id in view.role_ids() {
            if let Some(r) = dataset.catalogue.role_ix(id).filter(|r| !offered.contains(r)) {
                offered.push(r);
            }
        }
        offered
    });
    let on_pick = {
        let dispatch = dispatch.clone();
        Callback::from(move |(column, role)| dispatch.emit(Action::Pick { column, role }))
    };
    // `rc-live` once the wasm has taken over: until then the view asked for by
    // the URL or the attributes is shown by CSS alone (the first-paint mark,
    // xtask/src/first_paint.rs), which stops applying in the very render that
    // applies that view to the markup.
    let class = classes!(
        "rc",
        format!("rc-theme-{}", view.theme.as_str()),
        view.highlight.then_some("rc-highlight"),
        live.then_some("rc-live")
    );
    let language = text_language(dataset);
    let level = props.heading_level.clamp(1, 4);
    // Asked for what the build lacks: a notice (the embedding logged the
    // error), never another comparison.
    if props.settings.unknown.is_some() {
        return html! {
            <div class="rc rc-live" part="root" lang={language.lang} dir={language.dir}>
                <p class="rc-unavailable" role="note">{dataset.ui().text(Msg::Unavailable).to_owned()}</p>
            </div>
        };
    }

    html! {
        <ContextProvider<DatasetRef> context={view.dataset}>
        <ContextProvider<HeadingLevel> context={HeadingLevel(level)}>
            <div class={class} part="root" lang={language.lang} dir={language.dir}>
                <header class="rc-header">
                    <@{heading_tag(level, 0)} class="rc-title" part="title">{dataset.title.clone()}</@>
                    <p class="rc-lede">{dataset.description.clone()}</p>
                </header>
                <QuickFacts roles={view.role_order.clone()} picker={picker} on_pick={on_pick} live={*live} />
                <Toolbar view={(*view).clone()} dispatch={dispatch.clone()} live={*live} />
                <AtAGlance view={(*view).clone()} />
                <div class="rc-roles" part="roles" aria-hidden="true">
                    { for view.role_order.iter().map(|&r| html! {
                        <div class="rc-role-head" key={dataset.roles[r].id.as_ref()} data-role={dataset.roles[r].id.clone()}>{dataset.roles[r].name.clone()}</div>
                    }) }
                </div>
                <div class="rc-sections">
                    { for (0..dataset.categories.len()).map(|ix| html! {
                        <CategorySection key={ix} category={ix} shown={view.is_shown(ix)}
                            roles={view.role_order.clone()} />
                    }) }
                    if !dataset.fit.is_empty() {
                        <FitView shown={view.is_shown(dataset.categories.len())} answers={view.answers.clone()}
                            dispatch={dispatch.clone()} live={*live} />
                    }
                </div>
                // Always in the markup, so a first paint that hides every
                // category (a copied link) can show it by CSS alone.
                <p class="rc-empty" hidden={!view.shown_ids().is_empty()}>{dataset.ui().text(Msg::Empty).to_owned()}</p>
                <Footer />
                <div class="rc-sr-only" aria-live="polite" aria-atomic="true">{announcement.unwrap_or_default()}</div>
            </div>
        </ContextProvider<HeadingLevel>>
        </ContextProvider<DatasetRef>>
    }
}
