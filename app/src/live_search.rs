//! The browser side of [`crate::islands::LiveSearch`]: fetches search pages
//! and swaps their results region into the current page.
//!
//! The server renders every state (results, facets, pages, "did you mean",
//! nothing found); this code only asks for it. Answers to superseded requests
//! are dropped, so fast typing never shows older results over newer ones.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Document, DomParser, Element, Event, FormData, HtmlElement, HtmlFormElement, MouseEvent,
    Response, SupportedType, UrlSearchParams, Window,
};

/// Quiet time after a keystroke before searching.
const DEBOUNCE_MS: i32 = 250;
/// Quiet time after which what was typed counts as a search (and is logged).
const SETTLED_MS: i32 = 1500;

/// What happens to the address bar after a swap.
#[derive(Clone, Copy, PartialEq)]
enum History {
    /// A new entry (facet, page, sort, submit): Back returns to the previous results.
    Push,
    /// Typing: the address follows without filling the history.
    Replace,
    /// Back or Forward: the address is already right.
    Keep,
}

struct Live {
    window: Window,
    document: Document,
    form: HtmlFormElement,
    results: String,
    count: String,
    /// Bumped by each request; an answer for an older one is dropped.
    generation: Cell<u32>,
    typing: Cell<Option<i32>>,
    settled: Cell<Option<i32>>,
}

pub fn install(form: &str, results: &str, count: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(form) = document
        .get_element_by_id(form)
        .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let live = Rc::new(Live {
        window,
        document,
        form,
        results: results.to_string(),
        count: count.to_string(),
        generation: Cell::new(0),
        typing: Cell::new(None),
        settled: Cell::new(None),
    });
    let l = live.clone();
    listen(live.form.as_ref(), "input", move |ev: Event| {
        let is_text = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|e| e.get_attribute("type").as_deref() == Some("search"));
        if is_text {
            l.typed();
        }
    });
    let l = live.clone();
    listen(live.form.as_ref(), "change", move |ev: Event| {
        let is_select = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|e| e.tag_name().eq_ignore_ascii_case("select"));
        if is_select {
            l.go(l.form_url(), History::Push, None);
        }
    });
    let l = live.clone();
    listen(live.form.as_ref(), "submit", move |ev: Event| {
        ev.prevent_default();
        l.go(l.form_url(), History::Push, None);
    });
    let l = live.clone();
    listen(live.document.as_ref(), "click", move |ev| l.clicked(ev));
    let l = live.clone();
    listen(live.window.as_ref(), "popstate", move |_: Event| {
        if let Ok(href) = l.window.location().href() {
            l.go(href, History::Keep, None);
        }
    });
}

fn listen(target: &web_sys::EventTarget, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // Listeners live as long as the page.
    closure.forget();
}

impl Live {
    /// The address the form would submit to.
    fn form_url(&self) -> String {
        let action = self.form.action();
        let query = FormData::new_with_form(&self.form)
            .and_then(|data| UrlSearchParams::new_with_str_sequence_sequence(&data))
            .map(|params| String::from(params.to_string()))
            .unwrap_or_default();
        format!("{action}?{query}")
    }

    fn typed(self: &Rc<Self>) {
        for timer in [self.typing.take(), self.settled.take()]
            .into_iter()
            .flatten()
        {
            self.window.clear_timeout_with_handle(timer);
        }
        let l = self.clone();
        self.typing.set(self.after(DEBOUNCE_MS, move || {
            let url = l.form_url();
            l.go(url, History::Replace, None);
        }));
        let l = self.clone();
        self.settled.set(self.after(SETTLED_MS, move || {
            // The same address without `prefix`: the server logs it as a search.
            let init = web_sys::RequestInit::new();
            init.set_method("HEAD");
            let _ = l.window.fetch_with_str_and_init(&l.form_url(), &init);
        }));
    }

    fn after(&self, ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
        let closure = Closure::once_into_js(f);
        self.window
            .set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms)
            .ok()
    }

    /// Links in the results (facets, pages, suggestions) are followed in place.
    fn clicked(self: &Rc<Self>, ev: Event) {
        let Some(mouse) = ev.dyn_ref::<MouseEvent>() else {
            return;
        };
        if mouse.button() != 0
            || mouse.ctrl_key()
            || mouse.meta_key()
            || mouse.shift_key()
            || mouse.alt_key()
        {
            return;
        }
        let selector = format!("#{} a[href]", self.results);
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .filter(|a| a.matches(&selector).unwrap_or(false))
        else {
            return;
        };
        let Some(href) = link.get_attribute("href") else {
            return;
        };
        // Only other searches: a result's own page opens normally.
        let search_path = self.form.get_attribute("action").unwrap_or_default();
        if !href.starts_with(&format!("{search_path}?")) && href != search_path {
            return;
        }
        ev.prevent_default();
        let q = self
            .form
            .query_selector("input[type=search]")
            .ok()
            .flatten();
        let params = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
        if let (Some(input), Ok(p)) = (q, UrlSearchParams::new_with_str(params))
            && let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>()
        {
            input.set_value(&p.get("q").unwrap_or_default());
        }
        self.go(href, History::Push, link.get_attribute("data-key"));
    }

    /// Fetches `url`'s page and swaps its results in; `focus` is the facet
    /// to give the focus back to (the clicked link is replaced).
    fn go(self: &Rc<Self>, url: String, history: History, focus: Option<String>) {
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        let fetch_url = match history {
            History::Replace => format!("{url}&prefix=1"),
            _ => url.clone(),
        };
        let l = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let Some(html) = l.fetch(&fetch_url).await else {
                // The server could not be reached: a normal visit shows why.
                if history != History::Replace {
                    let _ = l.window.location().set_href(&url);
                }
                return;
            };
            if l.generation.get() != generation {
                return;
            }
            l.swap(&html, &url, history, focus);
        });
    }

    async fn fetch(&self, url: &str) -> Option<String> {
        let response = JsFuture::from(self.window.fetch_with_str(url)).await.ok()?;
        let response: Response = response.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        let text = JsFuture::from(response.text().ok()?).await.ok()?;
        text.as_string()
    }

    fn swap(&self, html: &str, url: &str, history: History, focus: Option<String>) {
        let Some(fresh) = DomParser::new()
            .ok()
            .and_then(|p| p.parse_from_string(html, SupportedType::TextHtml).ok())
        else {
            return;
        };
        let pair = |id: &str| {
            Some((
                self.document.get_element_by_id(id)?,
                fresh.get_element_by_id(id)?,
            ))
        };
        if let Some((now, new)) = pair(&self.results) {
            now.set_inner_html(&new.inner_html());
        }
        if let Some((now, new)) = pair(&self.count) {
            now.set_text_content(new.text_content().as_deref());
        }
        self.document.set_title(&fresh.title());
        let state = wasm_bindgen::JsValue::NULL;
        let _ = match history {
            History::Push => self
                .window
                .history()
                .and_then(|h| h.push_state_with_url(&state, "", Some(url))),
            History::Replace => self
                .window
                .history()
                .and_then(|h| h.replace_state_with_url(&state, "", Some(url))),
            History::Keep => Ok(()),
        };
        if let Some(key) = focus {
            let selector = format!(
                "#{} a[data-key=\"{}\"]",
                self.results,
                key.replace(['"', '\\'], "")
            );
            if let Some(link) = self.document.query_selector(&selector).ok().flatten()
                && let Some(link) = link.dyn_ref::<HtmlElement>()
            {
                let _ = link.focus();
            }
        }
    }
}
