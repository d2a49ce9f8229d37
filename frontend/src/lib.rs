//! The browser entry point: hydrates the islands found on the page.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Link the islands into this bundle.
    #[allow(unused_imports)]
    use app::islands::*;
    leptos::mount::hydrate_islands();
}
