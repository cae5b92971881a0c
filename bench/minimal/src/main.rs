//! A minimal Yew app with one toggle: what any Yew widget costs at least.
use yew::prelude::*;

#[component]
fn App() -> Html {
    let on = use_state(|| true);
    let onclick = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| on.set(!*on))
    };
    html! {
        <main>
            <button type="button" aria-pressed={on.to_string()} {onclick}>{"Toggle"}</button>
            if *on { <p>{"Shown"}</p> }
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
