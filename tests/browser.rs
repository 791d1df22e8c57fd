//! Browser tests of the WebAssembly edge, run by
//! `wasm-pack test --headless --chrome|--firefox --mode no-install`.
//!
//! They drive the real release package (`www/pkg`, built by `scripts/build-wasm.sh` first, as
//! `scripts/test.sh` does) through its JavaScript API — `analyze`, `mount`, the handle — on
//! DOM articles built in the test page.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/www/pkg/claimlens.js")]
extern "C" {
    #[wasm_bindgen(js_name = initSync)]
    fn init_sync(opts: &JsValue) -> JsValue;
    #[wasm_bindgen(catch, js_name = analyze)]
    fn cl_analyze(text: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = toW3C)]
    fn cl_to_w3c(text: &JsValue, source: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = mount)]
    fn cl_mount(el: &JsValue, opts: &JsValue) -> Result<JsValue, JsValue>;
}

static WASM: &[u8] = include_bytes!("../www/pkg/claimlens_bg.wasm");

thread_local!(static EXPORTS: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) });

/// Instantiates the package once; returns its exports (`memory` among them).
fn init() -> JsValue {
    if let Some(e) = EXPORTS.with(|x| x.borrow().clone()) {
        return e;
    }
    let o = Object::new();
    Reflect::set(&o, &"module".into(), &Uint8Array::from(WASM)).unwrap();
    let e = init_sync(&o);
    EXPORTS.with(|x| *x.borrow_mut() = Some(e.clone()));
    e
}

const FIXTURE: &str = r##"
<h2>Court ruling</h2>
<p>“We will <a href="#x">appeal</a> this <em>ruling</em> and <strong>w<span><span>in</span></span></strong>,” Jane Doe said.</p>
<div><p>The ministry declined to <b>comment</b>.</p></div>
<p>The company is <em>reportedly</em> for sale, according to Reuters.</p>
<p>one</p><p>two<br>three</p>
<script type="text/plain">“not read,” said Nobody.</script><style>p{}</style>
"##;

const FIXTURE_TEXT: &str = "Court ruling\n“We will appeal this ruling and win,” Jane Doe said.\n\
The ministry declined to comment.\nThe company is reportedly for sale, according to Reuters.\none\ntwo\nthree";

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn article(html: &str) -> Element {
    let d = doc();
    let a = d.create_element("article").unwrap();
    a.set_inner_html(html);
    d.body().unwrap().append_child(&a).unwrap();
    a
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap()
}

fn call(o: &JsValue, name: &str, args: &[JsValue]) -> JsValue {
    let f: Function = get(o, name).dyn_into().unwrap();
    Reflect::apply(&f, o, &args.iter().collect::<Array>()).unwrap()
}

fn opts(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn mount(el: &Element, o: JsValue) -> JsValue {
    init();
    cl_mount(el, &o).unwrap()
}

/// The text a highlight's range covers: a `StaticRange` (what the highlights hold) has no
/// `toString`, so a live `Range` of its document is set to its bounds.
fn range_text(r: &JsValue) -> String {
    let node = |k: &str| get(r, k).unchecked_into::<web_sys::Node>();
    let off = |k: &str| get(r, k).as_f64().unwrap() as u32;
    let live = node("startContainer").owner_document().unwrap().create_range().unwrap();
    live.set_start(&node("startContainer"), off("startOffset")).unwrap();
    live.set_end(&node("endContainer"), off("endOffset")).unwrap();
    live.to_string().as_string().unwrap()
}

/// Texts of a kind's CSS highlight ranges.
fn highlighted(kind: &str) -> Vec<String> {
    let reg = get(&get(&js_sys::global(), "CSS"), "highlights");
    let h = call(&reg, "get", &[format!("claimlens-{kind}").into()]);
    if h.is_undefined() {
        return vec![];
    }
    Array::from(&h).iter().map(|r| range_text(&r)).collect()
}

/// Texts of each annotation's marks (pieces joined), by kind.
fn marked(el: &Element, kind: &str) -> Vec<String> {
    let list = el.query_selector_all(&format!("mark[data-claimlens-kind={kind}]")).unwrap();
    let mut out: Vec<(String, String)> = Vec::new();
    for i in 0..list.length() {
        let m: Element = list.item(i).unwrap().unchecked_into();
        let id = m.get_attribute("data-claimlens-id").unwrap();
        let t = m.text_content().unwrap();
        match out.iter_mut().find(|(x, _)| *x == id) {
            Some((_, s)) => s.push_str(&t),
            None => out.push((id, t)),
        }
    }
    out.into_iter().map(|(_, t)| t).collect()
}

fn sidebar_names() -> Vec<String> {
    let Some(host) = doc().query_selector("[data-claimlens-sidebar]").unwrap() else { return vec![] };
    let root = host.shadow_root().expect("open shadow root");
    let list = root.query_selector_all("summary .name").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
}

fn traces() -> (u32, u32, u32, u32) {
    let d = doc();
    let reg = get(&get(&js_sys::global(), "CSS"), "highlights");
    let n_hl = Array::from(&call(&reg, "keys", &[])).length();
    let n_ui = d.query_selector_all("[data-claimlens-sidebar],[data-claimlens-ui],[data-claimlens-theme]").unwrap().length();
    let n_sheets = Array::from(&get(&d, "adoptedStyleSheets")).length();
    let n_marks = d.query_selector_all("mark").unwrap().length();
    (n_hl, n_ui, n_sheets, n_marks)
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |res, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&res, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Opens every source in the sidebar and waits for the `toggle` events that list what each
/// said (entries are built on first open). Returns how many entries there were before.
async fn open_sources(root: &web_sys::ShadowRoot) -> u32 {
    let before = root.query_selector_all("[data-claimlens-entry]").unwrap().length();
    let d = root.query_selector_all("details").unwrap();
    for i in 0..d.length() {
        d.item(i).unwrap().unchecked_into::<Element>().set_attribute("open", "").unwrap();
    }
    sleep(30).await;
    before
}

#[wasm_bindgen_test]
fn analyze_returns_the_cli_json() {
    init();
    let a = cl_analyze(&"“We will appeal,” said Jane Doe, the mayor.".into()).unwrap();
    let first = Array::from(&get(&a, "annotations")).get(0);
    assert_eq!(get(&first, "kind"), "quote");
    assert_eq!(get(&first, "speaker"), "Jane Doe");
    assert_eq!(get(&first, "start").as_f64(), Some(0.0));
    assert_eq!(get(&first, "text"), "“We will appeal,”");
    let e = cl_analyze(&JsValue::from(42)).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn to_w3c_counts_code_points() {
    init();
    // the emoji is one code point and two UTF-16 units: the positions count code points
    let p = cl_to_w3c(&"🎬 “We will appeal,” said Jane Doe.".into(), &"https://example.org/a".into()).unwrap();
    assert_eq!(get(&p, "type"), "AnnotationPage");
    let first = Array::from(&get(&p, "items")).get(0);
    let sel = Array::from(&get(&get(&first, "target"), "selector"));
    assert_eq!(get(&sel.get(0), "exact"), "“We will appeal,”");
    assert_eq!(get(&sel.get(1), "start").as_f64(), Some(2.0));
    assert_eq!(get(&get(&first, "target"), "source"), "https://example.org/a");
    assert!(cl_to_w3c(&"text".into(), &JsValue::from(3)).unwrap_err().is_instance_of::<js_sys::TypeError>());
    assert!(cl_to_w3c(&"“Yes,” she said.".into(), &JsValue::UNDEFINED).is_ok());
}

#[wasm_bindgen_test]
fn bad_arguments_are_clear_errors_and_leave_nothing() {
    init();
    let before = traces();
    let el = article(FIXTURE);
    let html = el.inner_html();
    for (o, needle) in [
        (opts(&[("highlight", "x".into())]), "options.highlight"),
        (opts(&[("sidebar", 3.into())]), "options.sidebar"),
        (opts(&[("kinds", Array::of1(&"quotes".into()).into())]), "options.kinds"),
        (opts(&[("theme", "blue".into())]), "options.theme"),
        ("nope".into(), "options must be an object"),
    ] {
        let e = cl_mount(&el, &o).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>());
        let msg = get(&e, "message").as_string().unwrap();
        assert!(msg.contains(needle), "{msg}");
    }
    let e = cl_mount(&"not an element".into(), &JsValue::UNDEFINED).unwrap_err();
    assert!(e.is_instance_of::<js_sys::TypeError>());
    assert_eq!(el.inner_html(), html);
    assert_eq!(traces(), before);
    el.remove();
}

#[wasm_bindgen_test]
fn text_model_separates_blocks_and_skips_scripts() {
    let el = article(FIXTURE);
    let h = mount(&el, opts(&[("sidebar", false.into())]));
    assert_eq!(get(&h, "text"), FIXTURE_TEXT);
    call(&h, "unmount", &[]);
    el.remove();
}

#[wasm_bindgen_test]
fn highlights_tier_crosses_inline_elements_and_unmounts_cleanly() {
    let before = traces();
    let el = article(FIXTURE);
    let html = el.inner_html();
    let h = mount(&el, JsValue::UNDEFINED);
    assert_eq!(get(&h, "tier"), "highlights");
    assert_eq!(highlighted("quote"), ["“We will appeal this ruling and win,”"]);
    assert_eq!(highlighted("denial"), ["declined to comment"]);
    assert_eq!(highlighted("unverified"), ["The company is reportedly for sale, according to Reuters"]);
    // static ranges: a live Range would be updated on every DOM change of the page
    let reg = get(&get(&js_sys::global(), "CSS"), "highlights");
    let quote = Array::from(&call(&reg, "get", &["claimlens-quote".into()])).get(0);
    assert!(quote.is_instance_of::<web_sys::StaticRange>() && !quote.is_instance_of::<web_sys::Range>());
    assert_eq!(el.inner_html(), html, "the highlight tier does not touch the article");
    let names = sidebar_names();
    assert!(names.iter().any(|n| n == "Jane Doe"), "{names:?}");
    assert!(names.iter().any(|n| n == "Reuters"), "{names:?}");
    // the sidebar host sits right after the article
    let next = el.next_element_sibling().unwrap();
    assert!(next.has_attribute("data-claimlens-sidebar"));
    // mounting twice is an error; unmount is idempotent
    assert!(cl_mount(&el, &JsValue::UNDEFINED).is_err());
    call(&h, "unmount", &[]);
    call(&h, "unmount", &[]);
    assert_eq!(get(&h, "mounted"), false);
    assert_eq!(el.inner_html(), html);
    assert_eq!(traces(), before);
    el.remove();
}

#[wasm_bindgen_test]
fn marks_tier_wraps_exactly_and_restores_byte_identical() {
    let before = traces();
    let el = article(FIXTURE);
    let html = el.inner_html();
    let text_nodes = |e: &Element| {
        let w = doc().create_tree_walker_with_what_to_show(e, 4).unwrap();
        let mut n = 0;
        while w.next_node().unwrap().is_some() {
            n += 1;
        }
        n
    };
    let nodes_before = text_nodes(&el);
    let h = mount(&el, opts(&[("highlight", "marks".into())]));
    assert_eq!(get(&h, "tier"), "marks");
    assert_eq!(marked(&el, "quote"), ["“We will appeal this ruling and win,”"]);
    assert_eq!(marked(&el, "denial"), ["declined to comment"]);
    assert_eq!(marked(&el, "unverified"), ["The company is reportedly for sale, according to Reuters"]);
    assert!(highlighted("quote").is_empty());
    call(&h, "unmount", &[]);
    assert_eq!(el.inner_html(), html);
    assert_eq!(text_nodes(&el), nodes_before, "split text nodes are joined again");
    assert_eq!(traces(), before);
    el.remove();
}

#[wasm_bindgen_test]
async fn sidebar_click_marks_the_span_and_legend_toggles_a_kind() {
    let el = article(FIXTURE);
    let h = mount(&el, opts(&[("highlight", "marks".into())]));
    let root = doc().query_selector("[data-claimlens-sidebar]").unwrap().unwrap().shadow_root().unwrap();
    // what a source said is listed when it first opens
    assert_eq!(open_sources(&root).await, 0, "no entry before a source opens");
    let entry: HtmlElement = root.query_selector("[data-claimlens-entry]").unwrap().unwrap().unchecked_into();
    let id = entry.get_attribute("data-claimlens-entry").unwrap();
    entry.click();
    let active = el.query_selector_all("mark[data-claimlens-active]").unwrap();
    assert!(active.length() > 0);
    let m: Element = active.item(0).unwrap().unchecked_into();
    assert_eq!(m.get_attribute("data-claimlens-id").unwrap(), id);
    let live = root.query_selector("[aria-live]").unwrap().unwrap().text_content().unwrap();
    assert!(live.starts_with("Marked"), "{live}");
    let tip = doc().query_selector("[data-claimlens-ui=tooltip]").unwrap().unwrap();
    assert_eq!(tip.unchecked_ref::<HtmlElement>().style().get_property_value("display").unwrap(), "block");
    let toggle: HtmlElement = root.query_selector("button[data-kind=quote]").unwrap().unwrap().unchecked_into();
    toggle.click();
    assert!(marked(&el, "quote").is_empty());
    assert_eq!(toggle.get_attribute("aria-pressed").unwrap(), "false");
    assert_eq!(marked(&el, "denial"), ["declined to comment"]);
    toggle.click();
    assert_eq!(marked(&el, "quote").len(), 1);
    // Escape closes the tooltip
    let ctor: Function = get(&js_sys::global(), "KeyboardEvent").dyn_into().unwrap();
    let ev = Reflect::construct(&ctor, &Array::of2(&"keydown".into(), &opts(&[("key", "Escape".into())]))).unwrap();
    doc().dispatch_event(ev.unchecked_ref()).unwrap();
    assert_eq!(tip.unchecked_ref::<HtmlElement>().style().get_property_value("display").unwrap(), "none");
    call(&h, "unmount", &[]);
    el.remove();
}

/// A denial holding a quote, a refusal, reported speech, a quote, and three outlets that are
/// only mentioned (the Guardian, the BBC, Reuters).
const WORDS: &str = "<p>The ministry denied that “we never sent troops,” as the minister put it.</p>\
<p>The Ministry of Defence declined to comment.</p><p>Petrov said the army had left the region by Friday.</p>\
<p>The story was first published by The Guardian and picked up by the BBC.</p>\
<p>“It is a great day,” said Tom Reyes, speaking to Reuters.</p>";

/// The sidebar's shadow root.
fn sidebar_root() -> web_sys::ShadowRoot {
    doc().query_selector("[data-claimlens-sidebar]").unwrap().unwrap().shadow_root().unwrap()
}

fn text_of(root: &web_sys::ShadowRoot, sel: &str) -> String {
    root.query_selector(sel).unwrap().unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
async fn plain_words_counts_of_speaking_sources_and_nested_highlights() {
    for tier in ["auto", "marks"] {
        let el = article(WORDS);
        let html = el.inner_html();
        let h = mount(&el, opts(&[("highlight", tier.into())]));
        let root = sidebar_root();
        // the counts are of sources with a statement; the mentioned ones are still listed
        assert!(live().ends_with("; 3 sources."), "{tier}: {}", live());
        assert_eq!(text_of(&root, "h2"), "Sources (3)", "{tier}");
        assert_eq!(text_of(&root, "p.sum"), "5 highlights from 3 sources · 3 more mentioned", "{tier}");
        let names = sidebar_names();
        for n in ["Ministry of Defence", "Tom Reyes", "Guardian", "BBC", "Reuters"] {
            assert!(names.iter().any(|x| x == n), "{tier}: {n} in {names:?}");
        }
        let badges = root.query_selector_all("summary .badge").unwrap();
        let mentioned = (0..badges.length()).filter(|&i| badges.item(i).unwrap().text_content().unwrap() == "mentioned").count();
        assert_eq!(mentioned, 3, "{tier}");
        // each entry's verb, and its tooltip's title: plain words, no word twice
        open_sources(&root).await;
        let entries = root.query_selector_all("[data-claimlens-entry]").unwrap();
        assert_eq!(entries.length(), 5, "{tier}: one entry per highlight");
        let mut seen = Vec::new();
        for i in 0..entries.length() {
            let e: HtmlElement = entries.item(i).unwrap().unchecked_into();
            let verb = e.query_selector(".verb").unwrap().unwrap().text_content().unwrap();
            let text = e.text_content().unwrap();
            e.click();
            let (head, _) = tooltip().expect("tooltip shown");
            let words: Vec<String> = head.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
            for (j, w) in words.iter().enumerate() {
                // "Denial · denied" counts as a repeat too: the first four letters
                let stem = |x: &str| x.get(..4).unwrap_or(x).to_owned();
                assert!(!words[..j].iter().any(|x| stem(x) == stem(w)), "{tier}: repeated word in the title {head:?}");
            }
            if tier == "auto" {
                let reg = get(&get(&js_sys::global(), "CSS"), "highlights");
                let prio = |n: &str| get(&call(&reg, "get", &[n.into()]), "priority").as_f64().unwrap();
                assert!(prio("claimlens-focus") > prio("claimlens-quote-1"), "the marked span paints above all");
            }
            seen.push((verb, head, text));
        }
        let find = |needle: &str| seen.iter().find(|(_, _, t)| t.contains(needle)).unwrap_or_else(|| panic!("{tier}: {needle} in {seen:?}"));
        assert_eq!(find("Petrov said").0, "reported", "{tier}: reported speech");
        assert_eq!(find("Petrov said").1, "Reported speech");
        let refusal = seen.iter().find(|(_, _, t)| t.ends_with("declined to comment")).expect("the refusal's entry");
        assert_eq!((refusal.0.as_str(), refusal.1.as_str()), ("declined to comment", "Declined to comment"), "{tier}");
        assert_eq!(find("denied that").0, "denied");
        assert_eq!(find("denied that").1, "Denial", "{tier}: not \"Denial · denial\"");
        assert_eq!(find("great day").0, "said");
        assert_eq!(find("great day").1, "Quote");
        key(&doc().into(), "Escape", false);
        // the quote inside the denial keeps its own colour: painted above the denial
        if tier == "marks" {
            let inner = el.query_selector("mark[data-claimlens-kind=denial] mark[data-claimlens-kind=quote]").unwrap();
            assert_eq!(inner.and_then(|m| m.text_content()).as_deref(), Some("“we never sent troops,”"));
            let q = el.query_selector("mark[data-claimlens-kind=quote]").unwrap().unwrap();
            let st = web_sys::window().unwrap().get_computed_style(&q).unwrap().unwrap();
            let bg = st.get_property_value("background-color").unwrap();
            let outer = el.query_selector("mark[data-claimlens-kind=denial]").unwrap().unwrap();
            let obg = web_sys::window().unwrap().get_computed_style(&outer).unwrap().unwrap().get_property_value("background-color").unwrap();
            assert_ne!(bg, obg, "two colours");
        } else {
            assert_eq!(highlighted("quote-1"), ["“we never sent troops,”"], "the nested quote has a highlight of its own");
            assert_eq!(highlighted("quote"), ["“It is a great day,”"]);
            let reg = get(&get(&js_sys::global(), "CSS"), "highlights");
            let prio = |n: &str| get(&call(&reg, "get", &[n.into()]), "priority").as_f64().unwrap();
            assert!(prio("claimlens-quote-1") > prio("claimlens-denial"), "the nested quote paints above the denial");
        }
        call(&h, "unmount", &[]);
        assert_eq!(el.inner_html(), html, "{tier}");
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn markup_like_text_stays_text() {
    let before_imgs = doc().query_selector_all("img").unwrap().length();
    let el = article("");
    let p = doc().create_element("p").unwrap();
    p.set_text_content(Some("“<img src=x onerror=alert(1)>,” said Eve Hacker."));
    el.append_child(&p).unwrap();
    for tier in ["auto", "marks"] {
        let h = mount(&el, opts(&[("highlight", tier.into())]));
        let root = doc().query_selector("[data-claimlens-sidebar]").unwrap().unwrap().shadow_root().unwrap();
        open_sources(&root).await;
        let entry = root.query_selector("[data-claimlens-entry]").unwrap().unwrap();
        entry.unchecked_ref::<HtmlElement>().click();
        assert!(entry.text_content().unwrap().contains("<img src=x onerror=alert(1)>"));
        assert_eq!(root.query_selector_all("img").unwrap().length(), 0);
        assert_eq!(el.query_selector_all("img").unwrap().length(), 0);
        assert_eq!(doc().query_selector_all("img").unwrap().length(), before_imgs);
        let tip = doc().query_selector("[data-claimlens-ui=tooltip]").unwrap().unwrap();
        assert_eq!(tip.shadow_root().unwrap().query_selector_all("img").unwrap().length(), 0);
        call(&h, "unmount", &[]);
    }
    assert_eq!(el.inner_html(), "<p>“&lt;img src=x onerror=alert(1)&gt;,” said Eve Hacker.</p>");
    el.remove();
}

/// A page's furniture, marked up as real pages mark it: none of it is highlighted or listed.
const FURNITURE: &str = r##"
<nav><a href="/">Home</a> <a href="/world">Jane Doe said World</a></nav>
<header><h1>Council closes library</h1><address>By Sam Writer, Reuters</address></header>
<figure><img alt=""><figcaption>The library on Main Street, closed since May. Photo: John Roe</figcaption></figure>
<p>“We will appeal this ruling,” Jane Doe said on Tuesday after the vote at the town hall.</p>
<aside><h2>Related</h2><ul><li>Mayor reportedly denies cuts, sources say</li></ul></aside>
<form><p>Leave a comment. Your email address will not be published.</p><p>The editor declined to comment, Bob Smith said.</p></form>
<footer>Share this story, said Ann Lee. © 2026 Reuters</footer>
"##;

#[wasm_bindgen_test]
fn page_furniture_yields_no_highlight_and_no_source() {
    for tier in ["highlights", "marks"] {
        let el = article(FURNITURE);
        let html = el.inner_html();
        let h = mount(&el, opts(&[("highlight", if tier == "marks" { "marks" } else { "auto" }.into())]));
        let found = |kind: &str| if tier == "marks" { marked(&el, kind) } else { highlighted(kind) };
        assert_eq!(found("quote"), ["“We will appeal this ruling,”"], "{tier}");
        assert_eq!(found("denial"), Vec::<String>::new(), "{tier}: the comment form's refusal is furniture");
        assert_eq!(found("unverified"), Vec::<String>::new(), "{tier}: the aside's teaser is furniture");
        let a = call(&h, "analysis", &[]);
        let names: Vec<String> = Array::from(&get(&a, "sources")).iter().map(|s| get(&s, "name").as_string().unwrap()).collect();
        for furniture in ["Sam Writer", "Reuters", "John Roe", "Bob Smith", "Ann Lee"] {
            assert!(!names.iter().any(|n| n == furniture), "{tier}: {furniture} listed: {names:?}");
        }
        assert!(names.iter().any(|n| n == "Jane Doe"), "{tier}: {names:?}");
        // the roles the markup gave are in the analysis
        let roles: Vec<String> = Array::from(&get(&a, "blocks")).iter().map(|b| get(&b, "role").as_string().unwrap()).collect();
        for role in ["boilerplate", "headline", "byline", "body"] {
            assert!(roles.iter().any(|r| r == role), "{tier}: no {role} in {roles:?}");
        }
        call(&h, "unmount", &[]);
        assert_eq!(el.inner_html(), html, "{tier}: restored byte for byte");
        el.remove();
    }
}

fn rgb(s: &str) -> [f64; 3] {
    let inner = s.trim_start_matches("rgba(").trim_start_matches("rgb(").trim_end_matches(')');
    let v: Vec<f64> = inner.split(',').take(3).map(|x| x.trim().parse().unwrap()).collect();
    [v[0], v[1], v[2]]
}

fn luminance(c: [f64; 3]) -> f64 {
    let f = |x: f64| {
        let x = x / 255.0;
        if x <= 0.03928 { x / 12.92 } else { ((x + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2])
}

fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[wasm_bindgen_test]
fn palette_contrast_is_at_least_4_5_in_both_themes() {
    let el = article(FIXTURE);
    let h = mount(&el, opts(&[("highlight", "marks".into()), ("sidebar", false.into())]));
    let win = web_sys::window().unwrap();
    for theme in ["light", "dark"] {
        let probe = doc().create_element("div").unwrap();
        probe.set_attribute("data-claimlens-theme", theme).unwrap();
        for kind in ["quote", "denial", "unverified", "reported"] {
            let m = doc().create_element("mark").unwrap();
            m.set_attribute("data-claimlens-kind", kind).unwrap();
            m.set_text_content(Some("sample"));
            probe.append_child(&m).unwrap();
        }
        doc().body().unwrap().append_child(&probe).unwrap();
        let marks = probe.children();
        for i in 0..marks.length() {
            let m = marks.item(i).unwrap();
            let st = win.get_computed_style(&m).unwrap().unwrap();
            let fg = rgb(&st.get_property_value("color").unwrap());
            let bg = rgb(&st.get_property_value("background-color").unwrap());
            let c = contrast(fg, bg);
            let kind = m.get_attribute("data-claimlens-kind").unwrap();
            assert!(c >= 4.5, "{theme} {kind}: {fg:?} on {bg:?} is {c:.2}:1");
            // never colour alone: every kind has an underline of its own style
            let line = st.get_property_value("text-decoration-style").unwrap();
            let expected = match kind.as_str() { "quote" => "solid", "denial" => "double", "unverified" => "wavy", _ => "dotted" };
            assert_eq!(line, expected, "{kind}");
        }
        probe.remove();
    }
    call(&h, "unmount", &[]);
    el.remove();
}

async fn reanalysis(tier: &str) {
    let el = article(FIXTURE);
    let h = mount(&el, opts(&[("highlight", tier.into())]));
    let count = |el: &Element| if tier == "marks" { marked(el, "quote").len() } else { highlighted("quote").len() };
    assert_eq!(count(&el), 1);
    assert_eq!(get(&h, "refreshes").as_f64(), Some(0.0));
    let p = doc().create_element("p").unwrap();
    p.set_text_content(Some("“Second quote here,” said Bob Smith."));
    el.append_child(&p).unwrap();
    sleep(400).await;
    assert_eq!(get(&h, "refreshes").as_f64(), Some(1.0));
    assert_eq!(count(&el), 2);
    assert!(sidebar_names().iter().any(|n| n == "Bob Smith"));
    sleep(500).await;
    assert_eq!(get(&h, "refreshes").as_f64(), Some(1.0), "no re-analysis loop");
    call(&h, "unmount", &[]);
    el.remove();
}

#[wasm_bindgen_test]
async fn reanalyses_after_a_paragraph_is_added_without_looping_highlights() {
    reanalysis("auto").await;
}

#[wasm_bindgen_test]
async fn reanalyses_after_a_paragraph_is_added_without_looping_marks() {
    reanalysis("marks").await;
}

/// Changes the page makes to its article, applied the same way to a mounted article and to an
/// unmounted copy.
fn page_changes(el: &Element) {
    let p = doc().create_element("p").unwrap();
    p.set_text_content(Some("“A late addition,” said Ann Lee."));
    el.append_child(&p).unwrap();
    // rewrite the paragraph holding the denial, and drop the "reportedly" paragraph
    let ps = el.query_selector_all("p").unwrap();
    ps.item(1).unwrap().set_text_content(Some("The ministry changed its mind."));
    ps.item(2).unwrap().unchecked_into::<Element>().remove();
    let em = el.query_selector("em").unwrap().unwrap();
    em.set_attribute("class", "x").unwrap();
}

async fn page_changes_survive(tier: &str, wait: bool) {
    let reference = article(FIXTURE);
    page_changes(&reference);
    let expected = reference.inner_html();
    reference.remove();
    let el = article(FIXTURE);
    let h = mount(&el, opts(&[("highlight", tier.into())]));
    page_changes(&el);
    if wait {
        sleep(400).await;
        assert_eq!(get(&h, "refreshes").as_f64(), Some(1.0));
    }
    call(&h, "unmount", &[]);
    assert_eq!(el.inner_html(), expected, "{tier}, waited: {wait}");
    el.remove();
}

#[wasm_bindgen_test]
async fn unmount_keeps_exactly_the_pages_changes() {
    for tier in ["marks", "auto"] {
        for wait in [false, true] {
            page_changes_survive(tier, wait).await;
        }
    }
}

/// Dispatches a bubbling `keydown` of `key` (with Alt when `alt`) on `target`.
fn key(target: &web_sys::EventTarget, k: &str, alt: bool) {
    let ctor: Function = get(&js_sys::global(), "KeyboardEvent").dyn_into().unwrap();
    let init = opts(&[("key", k.into()), ("altKey", alt.into()), ("bubbles", true.into()), ("cancelable", true.into())]);
    let ev: web_sys::Event = Reflect::construct(&ctor, &Array::of2(&"keydown".into(), &init)).unwrap().unchecked_into();
    target.dispatch_event(&ev).unwrap();
    assert!(ev.default_prevented() == (alt && k.starts_with("Arrow")), "{k}: default prevented only for the step keys");
}

/// The tooltip's heading and text, or None when hidden.
fn tooltip() -> Option<(String, String)> {
    let host: HtmlElement = doc().query_selector("[data-claimlens-ui=tooltip]").unwrap()?.unchecked_into();
    if host.style().get_property_value("display").unwrap() != "block" {
        return None;
    }
    let root = host.shadow_root().unwrap();
    let head = root.query_selector(".item .head").unwrap().unwrap().text_content().unwrap();
    Some((head, root.query_selector(".tip").unwrap().unwrap().text_content().unwrap()))
}

/// The text of the active highlight: the `claimlens-focus` range, or the active marks.
fn active(el: &Element, marks: bool) -> String {
    if marks {
        let list = el.query_selector_all("mark[data-claimlens-active]").unwrap();
        let ids: Vec<String> = (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into::<Element>().get_attribute("data-claimlens-id").unwrap()).collect();
        assert!(ids.windows(2).all(|w| w[0] == w[1]), "one active annotation: {ids:?}");
        // the outermost active marks hold the span's pieces
        (0..list.length())
            .map(|i| list.item(i).unwrap())
            .filter(|m| !m.parent_element().is_some_and(|p| p.has_attribute("data-claimlens-active")))
            .map(|m| m.text_content().unwrap())
            .collect()
    } else {
        highlighted("focus").concat()
    }
}

fn live() -> String {
    let root = doc().query_selector("[data-claimlens-sidebar]").unwrap().unwrap().shadow_root().unwrap();
    root.query_selector("[aria-live]").unwrap().unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
fn keyboard_steps_through_highlights_with_tooltip_and_restores_the_article() {
    const QUOTE: &str = "“We will appeal this ruling and win,”";
    const DENIAL: &str = "declined to comment";
    const UNVERIFIED: &str = "The company is reportedly for sale, according to Reuters";
    for tier in ["auto", "marks"] {
        let marks = tier == "marks";
        let before = traces();
        let el = article(FIXTURE);
        let (html, outer) = (el.inner_html(), el.outer_html());
        let h = mount(&el, opts(&[("highlight", tier.into())]));
        assert_eq!(el.get_attribute("tabindex").as_deref(), Some("0"), "{tier}: the article is made focusable");
        el.unchecked_ref::<HtmlElement>().focus().unwrap();
        // keys pressed on a descendant of the article (the <em> inside the quote) bubble up
        let inner: web_sys::EventTarget = el.query_selector("em").unwrap().unwrap().into();
        assert_eq!(tooltip(), None);
        key(&inner, "ArrowDown", false);
        assert_eq!(tooltip(), None, "plain arrows do nothing");
        key(&inner, "ArrowDown", true);
        assert_eq!(active(&el, marks), QUOTE, "{tier}");
        let (head, text) = tooltip().expect("tooltip shown");
        assert!(head.starts_with("Quote"), "{head}");
        assert!(text.contains("Said by") && text.contains("Jane Doe"), "{text}");
        assert!(live().starts_with("Marked quote (Jane Doe), 1 of "), "{}", live());
        key(&el, "ArrowDown", true);
        assert_eq!(active(&el, marks), DENIAL, "{tier}");
        assert_eq!(tooltip().unwrap().0, "Declined to comment", "a refusal in plain words");
        assert!(live().starts_with("Marked declined to comment"), "{}", live());
        key(&el, "ArrowDown", true);
        assert_eq!(active(&el, marks), UNVERIFIED, "{tier}");
        assert_eq!(tooltip().unwrap().0, "Unverified — reportedly", "a claim resting on a report");
        key(&el, "ArrowUp", true);
        assert_eq!(active(&el, marks), DENIAL, "{tier}: back");
        // Escape closes the tooltip
        key(&doc().into(), "Escape", false);
        assert_eq!(tooltip(), None);
        // the legend's toggles are respected: with quotes hidden, stepping never lands on one
        let root = doc().query_selector("[data-claimlens-sidebar]").unwrap().unwrap().shadow_root().unwrap();
        let toggle: HtmlElement = root.query_selector("button[data-kind=quote]").unwrap().unwrap().unchecked_into();
        toggle.click();
        for _ in 0..6 {
            key(&el, "ArrowUp", true);
            assert_ne!(active(&el, marks), QUOTE);
            assert!(!tooltip().unwrap().0.starts_with("Quote"));
        }
        toggle.click();
        call(&h, "unmount", &[]);
        assert_eq!(tooltip(), None);
        assert_eq!(el.inner_html(), html, "{tier}");
        assert_eq!(el.outer_html(), outer, "{tier}: tabindex and the other attributes are removed");
        assert_eq!(traces(), before);
        // the listeners are gone
        key(&el, "ArrowDown", false);
        let ctor: Function = get(&js_sys::global(), "KeyboardEvent").dyn_into().unwrap();
        let init = opts(&[("key", "ArrowDown".into()), ("altKey", true.into()), ("bubbles", true.into()), ("cancelable", true.into())]);
        let ev: web_sys::Event = Reflect::construct(&ctor, &Array::of2(&"keydown".into(), &init)).unwrap().unchecked_into();
        el.dispatch_event(&ev).unwrap();
        assert!(!ev.default_prevented(), "{tier}: no key listener after unmount");
        el.remove();
    }
    // an article that is already focusable keeps its own tabindex
    let el = article(FIXTURE);
    el.set_attribute("tabindex", "-1").unwrap();
    let outer = el.outer_html();
    let h = mount(&el, opts(&[("sidebar", false.into())]));
    assert_eq!(el.get_attribute("tabindex").as_deref(), Some("-1"));
    key(&el, "ArrowDown", true);
    assert_eq!(active(&el, false), QUOTE);
    call(&h, "unmount", &[]);
    assert_eq!(el.outer_html(), outer);
    el.remove();
}

// ---- hostile pages (issue 13): bad elements, exceptions, re-entrant calls, other documents,
// shadow roots, the input limit. After each: analyze, mount and unmount still work and the
// article is restored byte for byte.

/// A JavaScript function of `args` (comma-separated names) with `body`.
fn js(args: &str, body: &str) -> Function {
    Function::new_with_args(args, body)
}

/// Mounts a fresh article of the main document in both tiers, checks its highlights, and
/// unmounts it: the article is byte-identical and no trace is left; `analyze` still works.
fn still_works() {
    init();
    let a = cl_analyze(&"“Fine,” said Jane Doe.".into()).unwrap();
    assert_eq!(Array::from(&get(&a, "annotations")).length(), 1);
    for tier in ["auto", "marks"] {
        let before = traces();
        let el = article(FIXTURE);
        let outer = el.outer_html();
        let h = mount(&el, opts(&[("highlight", tier.into())]));
        let quotes = if tier == "marks" { marked(&el, "quote") } else { highlighted("quote") };
        assert_eq!(quotes, ["“We will appeal this ruling and win,”"], "{tier}");
        call(&h, "unmount", &[]);
        assert_eq!(el.outer_html(), outer, "{tier}");
        assert_eq!(traces(), before, "{tier}");
        el.remove();
    }
}

fn message(e: &JsValue) -> String {
    get(e, "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_fake_element_or_a_throwing_page_method_breaks_nothing() {
    init();
    let before = traces();
    let el = article(FIXTURE);
    let outer = el.outer_html();
    let h = mount(&el, opts(&[("highlight", "marks".into())]));
    // a plain object faking an element: a TypeError, while a mount is live
    let fake = js("", "return { nodeType: 1, attachShadow() {}, isSameNode() { throw new TypeError('fake'); }, contains() { throw new TypeError('fake'); } };")
        .call0(&JsValue::NULL)
        .unwrap();
    for o in [JsValue::UNDEFINED, Object::new().into()] {
        let e = cl_mount(&fake, &o).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>());
        assert!(message(&e).contains("expected an Element"), "{}", message(&e));
    }
    let e = cl_mount(&article("<p>x</p>"), &opts(&[("sidebar", fake.clone())])).unwrap_err();
    assert!(message(&e).contains("options.sidebar"), "{}", message(&e));
    doc().body().unwrap().last_element_child().unwrap().remove();
    for v in [JsValue::NULL, 1.into(), "p".into(), doc().create_text_node("t").into(), doc().into()] {
        assert!(cl_mount(&v, &JsValue::UNDEFINED).unwrap_err().is_instance_of::<js_sys::TypeError>());
    }
    // the element again, or one inside it: clear errors
    assert!(message(&cl_mount(&el, &JsValue::UNDEFINED).unwrap_err()).contains("already mounted"));
    let p = el.query_selector("p").unwrap().unwrap();
    assert!(message(&cl_mount(&p, &JsValue::UNDEFINED).unwrap_err()).contains("inside or contains"));
    // the live mount still works and goes cleanly
    call(&h, "refresh", &[]);
    assert_eq!(marked(&el, "quote"), ["“We will appeal this ruling and win,”"]);
    call(&h, "unmount", &[]);
    assert_eq!(el.outer_html(), outer);
    assert_eq!(traces(), before);

    // a page method that throws in the middle of a mount: the exception passes through,
    // nothing is left behind, and after the current task the element can be mounted again
    let boom = js("", "throw new Error('boom');");
    Reflect::set(&el, &"getAttribute".into(), &boom).unwrap();
    let e = cl_mount(&el, &JsValue::UNDEFINED).unwrap_err();
    assert_eq!(message(&e), "boom");
    Reflect::delete_property(el.unchecked_ref::<Object>(), &"getAttribute".into()).unwrap();
    sleep(0).await;
    assert_eq!(el.outer_html(), outer);
    assert_eq!(traces(), before);
    let h = mount(&el, JsValue::UNDEFINED);
    call(&h, "unmount", &[]);
    assert_eq!(el.outer_html(), outer);
    el.remove();
    still_works();
}

#[wasm_bindgen_test]
fn a_reentrant_mount_from_a_custom_element_callback_is_refused() {
    init();
    // mount(this) from attributeChangedCallback (tabindex): mounting sets tabindex, unmounting
    // removes it, so both run page code that calls mount() again
    let mount_fn = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(|e, o| cl_mount(&e, &o));
    js(
        "mount",
        "customElements.define('x-reentrant', class extends HTMLElement {
           static observedAttributes = ['tabindex'];
           constructor() { super(); this.handles = []; this.errors = []; }
           attributeChangedCallback() {
             try { this.handles.push(mount(this, { highlight: this.dataset.tier })); }
             catch (e) { this.errors.push(e.message); }
           }
         });",
    )
    .call1(&JsValue::NULL, mount_fn.as_ref())
    .unwrap();
    mount_fn.forget(); // the element class keeps it
    for tier in ["auto", "marks"] {
        let before = traces();
        let el = doc().create_element("x-reentrant").unwrap();
        el.set_attribute("data-tier", tier).unwrap();
        el.set_inner_html(FIXTURE);
        doc().body().unwrap().append_child(&el).unwrap();
        let outer = el.outer_html();
        let h = mount(&el, opts(&[("highlight", tier.into())]));
        let errors = || Array::from(&get(&el, "errors")).iter().map(|e| e.as_string().unwrap()).collect::<Vec<_>>();
        assert_eq!(Array::from(&get(&el, "handles")).length(), 0, "{tier}");
        assert_eq!(errors().len(), 1, "{tier}");
        assert!(errors()[0].contains("re-entrant"), "{:?}", errors());
        assert_eq!(doc().query_selector_all("[data-claimlens-sidebar]").unwrap().length(), 1, "{tier}: one sidebar");
        let quotes = if tier == "marks" { marked(&el, "quote") } else { highlighted("quote") };
        assert_eq!(quotes, ["“We will appeal this ruling and win,”"], "{tier}: painted once");
        call(&h, "unmount", &[]);
        assert_eq!(errors().len(), 2, "{tier}: the mount() from inside unmount is refused too");
        assert_eq!(el.outer_html(), outer, "{tier}");
        assert_eq!(traces(), before, "{tier}: no stray data-claimlens-theme");
        el.remove();
    }
    still_works();
}

#[wasm_bindgen_test]
fn unmount_and_refresh_from_inside_the_mounts_own_work_are_deferred_and_refused() {
    init();
    // page code that runs inside a refresh: a page-replaced method of a node in the article
    // (the text model asks each element for `hidden`)
    let hook = js(
        "p",
        "p.hasAttribute = function (n) {
           const h = window.__claimlensHandle;
           if (h) {
             window.__claimlensHandle = null;
             try { h.refresh(); } catch (e) { window.__claimlensError = e.message; }
             h.unmount();
             window.__claimlensMountedInside = h.mounted;
           }
           return Element.prototype.hasAttribute.call(this, n);
         };",
    );
    let g = js_sys::global();
    for tier in ["auto", "marks"] {
        let before = traces();
        let el = article(FIXTURE);
        let outer = el.outer_html();
        let p = el.query_selector("p").unwrap().unwrap();
        hook.call1(&JsValue::NULL, &p).unwrap();
        let h = mount(&el, opts(&[("highlight", tier.into())]));
        Reflect::set(&g, &"__claimlensHandle".into(), &h).unwrap();
        call(&h, "refresh", &[]);
        assert!(get(&g, "__claimlensError").as_string().unwrap().contains("busy"), "{tier}");
        assert_eq!(get(&g, "__claimlensMountedInside"), false, "{tier}");
        assert_eq!(get(&h, "mounted"), false, "{tier}: the unmount took effect when the refresh ended");
        Reflect::delete_property(p.unchecked_ref::<Object>(), &"hasAttribute".into()).unwrap();
        assert_eq!(el.outer_html(), outer, "{tier}");
        assert_eq!(traces(), before, "{tier}");
        el.remove();
    }
    still_works();
}

/// Mounts an article of `d` (a document other than the test page's) in both tiers; `tier`
/// is what "auto" gives there. Checks the highlights, one page sheet (or `<style>`) per
/// document, and that unmounting restores the article and removes everything.
fn mounts_in(d: &Document, auto_tier: &str) {
    let body = d.body().unwrap();
    for tier in ["auto", "marks"] {
        let outer_doc = d.document_element().unwrap().outer_html();
        let el = d.create_element("article").unwrap();
        el.set_inner_html(FIXTURE);
        body.append_child(&el).unwrap();
        let outer = el.outer_html();
        let h = mount(&el, opts(&[("highlight", tier.into())]));
        let expect = if tier == "marks" { "marks" } else { auto_tier };
        assert_eq!(get(&h, "tier"), expect);
        if expect == "marks" {
            assert_eq!(marked(&el, "quote"), ["“We will appeal this ruling and win,”"]);
        } else {
            let win = get(d, "defaultView");
            let reg = get(&get(&win, "CSS"), "highlights");
            let hl = call(&reg, "get", &["claimlens-quote".into()]);
            let texts: Vec<String> = Array::from(&hl).iter().map(|r| range_text(&r)).collect();
            assert_eq!(texts, ["“We will appeal this ruling and win,”"]);
            assert!(highlighted("quote").is_empty(), "not in the test page's registry");
        }
        assert_eq!(d.query_selector_all("[data-claimlens-sidebar]").unwrap().length(), 1);
        let sheets = Array::from(&get(d, "adoptedStyleSheets")).length();
        let styles = d.query_selector_all("head style[data-claimlens-ui]").unwrap().length();
        assert_eq!(sheets + styles, 1, "one page sheet in the document");
        // a second article of the same document shares it
        let el2 = d.create_element("article").unwrap();
        el2.set_inner_html("<p>“Yes,” said Ann Lee.</p>");
        body.append_child(&el2).unwrap();
        let h2 = mount(&el2, opts(&[("highlight", tier.into()), ("sidebar", false.into())]));
        let sheets2 = Array::from(&get(d, "adoptedStyleSheets")).length();
        let styles2 = d.query_selector_all("head style[data-claimlens-ui]").unwrap().length();
        assert_eq!(sheets2 + styles2, 1, "still one page sheet");
        call(&h2, "unmount", &[]);
        el2.remove();
        call(&h, "unmount", &[]);
        assert_eq!(el.outer_html(), outer, "{tier}");
        el.remove();
        assert_eq!(d.document_element().unwrap().outer_html(), outer_doc, "{tier}: the document is as before");
        assert_eq!(Array::from(&get(d, "adoptedStyleSheets")).length(), 0);
        let win = get(d, "defaultView");
        if win.is_object() {
            let reg = get(&get(&win, "CSS"), "highlights");
            assert_eq!(get(&reg, "size").as_f64(), Some(0.0));
        }
    }
}

#[wasm_bindgen_test]
fn mounts_in_an_iframe_and_in_documents_without_a_window() {
    init();
    let before = traces();
    // an iframe: its own window, highlight registry and CSSStyleSheet
    let frame = doc().create_element("iframe").unwrap();
    doc().body().unwrap().append_child(&frame).unwrap();
    let fdoc: Document = get(&frame, "contentDocument").unchecked_into();
    mounts_in(&fdoc, "highlights");
    frame.remove();
    // createHTMLDocument and DOMParser: no window, so no CSS.highlights: the <mark> tier
    let hdoc: Document = call(&get(&doc(), "implementation"), "createHTMLDocument", &["t".into()]).unchecked_into();
    mounts_in(&hdoc, "marks");
    let ctor: Function = get(&js_sys::global(), "DOMParser").dyn_into().unwrap();
    let parser = Reflect::construct(&ctor, &Array::new()).unwrap();
    let pdoc: Document =
        call(&parser, "parseFromString", &["<!doctype html><title>t</title><p>x</p>".into(), "text/html".into()]).unchecked_into();
    mounts_in(&pdoc, "marks");
    assert_eq!(traces(), before);
    still_works();
}

#[wasm_bindgen_test]
fn mounts_inside_a_shadow_root_with_the_styles_adopted_there() {
    init();
    let before = traces();
    let host = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    for tier in ["auto", "marks"] {
        let el = doc().create_element("article").unwrap();
        el.set_inner_html(FIXTURE);
        root.append_child(&el).unwrap();
        let outer = el.outer_html();
        let h = mount(&el, opts(&[("highlight", tier.into()), ("theme", "light".into())]));
        assert_eq!(Array::from(&get(&root, "adoptedStyleSheets")).length(), 1, "{tier}: the sheet is in the shadow root");
        assert_eq!(traces().2, before.2, "{tier}: and not in the document");
        if tier == "marks" {
            let m = root.query_selector("mark[data-claimlens-kind=quote]").unwrap().unwrap();
            let st = web_sys::window().unwrap().get_computed_style(&m).unwrap().unwrap();
            // the light quote tint (#cce8f8), not the browser's default yellow
            assert_eq!(st.get_property_value("background-color").unwrap(), "rgb(204, 232, 248)");
        } else {
            assert_eq!(highlighted("quote"), ["“We will appeal this ruling and win,”"]);
        }
        call(&h, "unmount", &[]);
        assert_eq!(Array::from(&get(&root, "adoptedStyleSheets")).length(), 0, "{tier}");
        assert_eq!(el.outer_html(), outer, "{tier}");
        assert_eq!(root.query_selector_all("mark,[data-claimlens-sidebar]").unwrap().length(), 0);
        el.remove();
    }
    host.remove();
    assert_eq!(traces(), before);
    still_works();
}

#[wasm_bindgen_test]
fn input_over_64_mib_is_a_range_error_before_wasm_memory_grows() {
    const LIMIT: u32 = 64 << 20;
    let exports = init();
    let mem = || get(&get(&get(&exports, "memory"), "buffer"), "byteLength").as_f64().unwrap();
    for v in [JsValue::NULL, JsValue::UNDEFINED, 42.into(), Object::new().into(), js_sys::JsString::from("x").into()] {
        // a String object is not a string either
        let v = if v.is_string() { Reflect::construct(&get(&js_sys::global(), "String").unchecked_into::<Function>(), &Array::of1(&v)).unwrap() } else { v };
        let e = cl_analyze(&v).unwrap_err();
        assert!(e.is_instance_of::<js_sys::TypeError>());
    }
    let big: JsValue = js_sys::JsString::from("a").repeat((LIMIT + 1) as i32).into();
    let before = mem();
    let e = cl_analyze(&big).unwrap_err();
    assert!(e.is_instance_of::<js_sys::RangeError>());
    assert!(message(&e).contains("67108864 bytes (64 MiB)"), "{}", message(&e));
    assert_eq!(mem(), before, "rejected before anything was copied into wasm memory");
    // under the limit in UTF-16 units, over it in UTF-8 bytes: rejected after the copy
    let wide: JsValue = js_sys::JsString::from("é").repeat((LIMIT / 2 + 1) as i32).into();
    assert!(cl_analyze(&wide).unwrap_err().is_instance_of::<js_sys::RangeError>());
    // mount() of an article over the limit: a RangeError, nothing left behind
    let t0 = traces();
    let el = article("");
    let p = doc().create_element("p").unwrap();
    p.append_child(&doc().create_text_node("“Hi,” said Jane Doe. ")).unwrap();
    p.append_child(&doc().create_text_node(&big.as_string().unwrap())).unwrap();
    el.append_child(&p).unwrap();
    let outer_len = el.outer_html().len();
    let before = mem();
    let e = cl_mount(&el, &JsValue::UNDEFINED).unwrap_err();
    assert!(e.is_instance_of::<js_sys::RangeError>());
    assert!(message(&e).contains("claimlens.mount") && message(&e).contains("64 MiB"), "{}", message(&e));
    assert_eq!(mem(), before);
    assert_eq!(el.outer_html().len(), outer_len);
    assert_eq!(traces(), t0);
    el.remove();
    still_works();
}
