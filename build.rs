//! Compiles the lexicon `.txt` files (the reviewed source of truth) at build time into one
//! sorted table, front-coded, and a table of the closed word classes, so the program carries
//! no comments, no parser and no automaton builder, and at start-up only unpacks the table
//! and indexes it. See `src/lexicon/mod.rs` for the format it writes.
//!
//! # The lists and their tags
//!
//! [`LISTS`] below is the one place a lexicon is declared: its file, the `List` variant it
//! becomes, and the tags its lines may carry after `|`. From it this script generates the
//! `List` enum, the `Tag` enum (one variant per tag word, `Tag::None` for an untagged line)
//! and the table, so a tag that a data file uses but its list does not declare stops the
//! build (with the file and line), and a tag the code names but no list declares does not
//! compile. Two lists carry a canonical name instead of a tag word (`Names`): a short form's
//! `| Full Name` (`AP | Associated Press`), looked up with `lexicon::canonical`.
//!
//! | list | file | tags |
//! |---|---|---|
//! | `Speech` | speech_verbs.txt | `frame` describes rather than says · `think` cognition · `acc` according to · `quoted` passive attribution · `deny` a denial that attributes like speech |
//! | `Title` | titles.txt | `hon` honorific only · `spokes` speaks for someone else · `member` one of a body's people, unnamed |
//! | `Outlet`, `Org` | outlets.txt, organizations.txt | a canonical name |
//! | `Generic` | generic_sources.txt | `outlet` · `org` · `group` (people, anonymous) · `pub` a document |
//! | `TitleCue` | title_cues.txt | `maker` a maker noun after a title (`the “Bang Bang” singer`) |
//! | `Denial` | denial_cues.txt | `denial` · `non_denial` · `no_comment` as they stand · `deny` · `reject` · `false` · `false_headline` · `exist` checked first · `not` never a cue |
//! | `Refusal` | refusal_cues.txt | heads `refuse` · `unable`; adverbs `adv`; acts `act_nc` · `act_nd` · `act_cv` · `act_resp` |
//! | `Unverified` | unverified_cues.txt | `reported` · `anonymous` · `contested` · `speculative` · `unconfirmed` as they stand · `reveal` · `said_to` · `forecast` · `forecast_headline` · `claim` · `modal` · `likely` checked first · `not` never a cue |
//! | `ClaimNoun` | claim_nouns.txt | `claim` · `report` |
//! | `Place` | places.txt | none |
//! | `Words` | words.txt | the word's class: `refusing` · `request` · `headline_says` · `source_noun` · `company` · `irregular_past` · `abbreviation` · `title_abbreviation` · `month` · `weekday` · `time_word` · `desk`, and the word classes that were the detectors' word lists (`be`, `determiner`, `aux`, `not_name_start` …; `words.txt`'s header lists all 42) (a table of their own, never scanned; see [`lexicon::is`]) |
//! | `Furniture` | furniture.txt | `lead` · `label` · `line` · `notice` · `byline` · `credit` (where the phrase must stand) |
//!
//! Each data file's header says what its tags mean in full.

use std::fmt::Write as _;


/// What the lines of a list may carry after `|`.
enum Tags {
    /// Nothing.
    None,
    /// One of these words.
    Words(&'static [&'static str]),
    /// A canonical name (any text).
    Names,
}

/// The lexicons in table order (a list's number is its index here): file, `List` variant,
/// the variant's doc line, and the tags its lines may carry.
const LISTS: &[(&str, &str, &str, Tags)] = &[
    ("speech_verbs.txt", "Speech", "Verbs and phrases that introduce speech (`said`, `told`, `according to`).", Tags::Words(&["frame", "think", "acc", "quoted", "deny"])),
    ("titles.txt", "Title", "Titles and roles that precede or stand for a person (`President`, `spokesman`).", Tags::Words(&["hon", "spokes", "member"])),
    ("outlets.txt", "Outlet", "News outlets by name (`Reuters`, `TASS`); a short form carries the full name.", Tags::Names),
    ("organizations.txt", "Org", "Organisations by name (`White House`, `Kremlin`); a short form carries the full name.", Tags::Names),
    ("org_suffixes.txt", "OrgSuffix", "Last words that make a capitalised phrase an organisation (`Ministry`, `Motors`).", Tags::None),
    ("outlet_suffixes.txt", "OutletSuffix", "Last words that make a capitalised phrase an outlet (`Tribune`, `Gazette`).", Tags::None),
    ("generic_sources.txt", "Generic", "Nouns for an outlet or organisation without a name (`news agency`, `the company`).", Tags::Words(&["outlet", "org", "group", "pub"])),
    ("anonymous_sources.txt", "Anonymous", "Phrases for unnamed sources (`people familiar with the matter`).", Tags::None),
    ("title_cues.txt", "TitleCue", "Words before quote marks that make them a title (`book`, `film`, `song`).", Tags::Words(&["maker"])),
    ("denial_cues.txt", "Denial", "Denial, non-denial and no-comment cues; the tag is the subtype or the check to make.", Tags::Words(&["denial", "non_denial", "no_comment", "deny", "reject", "false", "false_headline", "exist", "not"])),
    ("refusal_cues.txt", "Refusal", "Refusal heads (`declined to`) and the acts they withhold (`comment`, `say whether`).", Tags::Words(&["refuse", "unable", "adv", "act_nc", "act_nd", "act_cv", "act_resp"])),
    ("unverified_cues.txt", "Unverified", "Unverified-claim cues; the tag is the subtype or the check to make.", Tags::Words(&["reported", "anonymous", "contested", "speculative", "unconfirmed", "reveal", "said_to", "forecast", "forecast_headline", "claim", "modal", "likely", "not"])),
    ("claim_nouns.txt", "ClaimNoun", "Nouns for a claim or a report (`allegations`, `the report`).", Tags::Words(&["claim", "report"])),
    ("places.txt", "Place", "Countries, US states, capitals and major cities: a place's name is never a person's.", Tags::None),
    ("words.txt", "Words", "Closed word classes the rules test single words against (`declined`, `Jan`, `reporter`); looked up (in a table of their own), never scanned.", Tags::Words(&["refusing", "request", "headline_says", "source_noun", "company", "irregular_past", "abbreviation", "title_abbreviation", "month", "weekday", "time_word", "desk", "aux", "denial_adverb", "object_pronoun", "after_untrue", "untrue_noun", "untrue_degree", "predicating", "subject_aside", "not_denying_after", "clause_word", "not_content", "clause_opener", "be", "determiner", "finite", "before_verb", "introductory", "describing", "phrase_break", "month_before", "fears_noun", "addressee", "subject_pronoun", "forecast_noun", "not_name_start", "name_joiner", "after_name", "verbish", "name_determiner", "referring"])),
    ("furniture.txt", "Furniture", "Page furniture (`Read more`, `Advert`, `By`, `AP Photo`); the tag says where it must stand. Only its `notice` phrases are reported by `scan`.", Tags::Words(&["lead", "label", "line", "notice", "byline", "credit"])),
];

/// Writes `const NAME: &[u8] = b"…";` with its doc line.
fn bytes_const(out: &mut String, name: &str, doc: &str, bytes: &[u8]) {
    write!(out, "/// {doc}\nconst {name}: &[u8] = ").unwrap();
    byte_string(out, bytes);
    out.push_str(";\n");
}

/// Writes `bytes` as a byte-string literal, `b"…"`.
fn byte_string(out: &mut String, bytes: &[u8]) {
    out.push_str("b\"");
    for &b in bytes {
        out.extend(std::ascii::escape_default(b).map(char::from));
    }
    out.push('"');
}

/// Front-codes sorted `(phrase, meta)` entries: per entry, the length of the prefix its phrase
/// shares with the one before (one byte each, in the first vector), and the rest of the phrase
/// followed by its meta bytes (the first of them under 0x20, so it ends the phrase).
fn front_code<'a>(entries: impl Iterator<Item = (&'a [u8], Vec<u8>)>) -> (Vec<u8>, Vec<u8>) {
    let (mut prefixes, mut rest) = (Vec::new(), Vec::new());
    let mut prev: &[u8] = &[];
    for (phrase, meta) in entries {
        let k = phrase.iter().zip(prev).take_while(|(a, b)| a == b).count();
        assert!(k < 256, "a phrase over 255 bytes");
        assert!(meta[0] < 0x20, "a meta byte that does not end the phrase");
        prefixes.push(k as u8);
        rest.extend_from_slice(&phrase[k..]);
        rest.extend_from_slice(&meta);
        prev = phrase;
    }
    (prefixes, rest)
}

/// The code-point windows where `src/chars.rs`'s classes are exactly the standard library's
/// (`char::is_alphanumeric`, `char::is_numeric`, from the Unicode tables of the compiler that
/// runs this script): U+0080–U+07FF (Latin-1, Latin Extended-A and -B, IPA, Greek, Cyrillic,
/// Armenian, Hebrew, Arabic, Syriac, Thaana, NKo), U+2000–U+303F (general punctuation,
/// super- and subscripts, currency, letterlike and number forms, arrows, mathematical and
/// technical symbols, box drawing, shapes, dingbats, Glagolitic, Coptic, Tifinagh, CJK
/// punctuation), U+E000–U+F8FF (private use), U+FE00–U+FFFF (variation selectors, small and
/// fullwidth forms, specials), U+1F000–U+1FBFF (emoji and other symbols) and U+E0000–U+E007F
/// (the tag characters of flag emoji). Outside them a character past ASCII counts as a letter
/// unless it is white space: the scripts there (Indic, South-East Asian, Georgian, Hangul,
/// Ethiopic, Latin Extended Additional, Greek Extended, kana, CJK ideographs, …) are letters
/// and marks but for a few punctuation marks and their own digits.
const EXACT_CHARS: [(u32, u32); 6] = [(0x80, 0x800), (0x2000, 0x3040), (0xE000, 0xF900), (0xFE00, 0x1_0000), (0x1_F000, 0x1_FC00), (0xE_0000, 0xE_0080)];

/// One character class inside one window `lo..hi` of [`EXACT_CHARS`]: the code points where it
/// switches, on at the first, each as its distance from the one before (from `lo` for the
/// first), in LEB128.
fn char_runs(class: fn(char) -> bool, (lo, hi): (u32, u32)) -> Vec<u8> {
    let (mut out, mut on, mut last) = (Vec::new(), false, lo);
    for c in (lo..hi).filter_map(char::from_u32) {
        if class(c) != on {
            let mut d = c as u32 - last;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                out.push(if d == 0 { b } else { b | 0x80 });
                if d == 0 {
                    break;
                }
            }
            (on, last) = (!on, c as u32);
        }
    }
    out
}

/// Writes `const {name}: [&[u8]; N]`, one table of [`char_runs`] per window.
fn runs_const(out: &mut String, name: &str, doc: &str, class: fn(char) -> bool) {
    write!(out, "/// {doc}\nconst {name}: [&[u8]; {}] = [", EXACT_CHARS.len()).unwrap();
    for w in EXACT_CHARS {
        byte_string(out, &char_runs(class, w));
        out.push_str(", ");
    }
    out.push_str("];\n");
}

/// `act_nc` → `ActNc`.
fn camel(word: &str) -> String {
    word.split('_').map(|p| p[..1].to_ascii_uppercase() + &p[1..]).collect()
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // tag ids: 0 = none, then every tag word once (in declaration order), then the names
    let mut words: Vec<&str> = Vec::new();
    for (_, _, _, tags) in LISTS {
        if let Tags::Words(ws) = tags {
            for w in *ws {
                if !words.contains(w) {
                    words.push(w);
                }
            }
        }
    }
    let mut names: Vec<String> = Vec::new();
    // (normalised phrase, list, line order, tag id): sorted so equal phrases sit together in
    // list then file order, which is the order `scan` reports cues of one span in.
    let mut entries: Vec<(Vec<u8>, u8, usize, u8)> = Vec::new();
    for (list, (name, _, _, tags)) in LISTS.iter().enumerate() {
        let path = format!("src/lexicon/{name}");
        println!("cargo:rerun-if-changed={path}");
        let full = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join(&path);
        let file = std::fs::read_to_string(full).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (n, line) in file.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (phrase, tag) = match line.split_once('|') {
                Some((p, t)) => (p.trim(), t.trim()),
                None => (line, ""),
            };
            let at = format!("{path}:{}", n + 1);
            let tag_id = match (tags, tag) {
                (_, "") => 0,
                (Tags::Words(ws), t) if ws.contains(&t) => 1 + words.iter().position(|w| *w == t).unwrap(),
                (Tags::Names, t) => {
                    let i = names.iter().position(|x| x == t).unwrap_or_else(|| {
                        names.push(t.to_string());
                        names.len() - 1
                    });
                    1 + words.len() + i
                }
                (Tags::Words(ws), t) => panic!("{at}: unknown tag `{t}` (this list's tags: {})", ws.join(", ")),
                (Tags::None, t) => panic!("{at}: tag `{t}` on a list that takes none"),
            };
            assert!(tag_id < 256, "{path}: more than 255 distinct tags and names");
            // one space between words, ASCII lower case, and ’ written as '
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ").to_ascii_lowercase().replace('\u{2019}', "'");
            assert!(!phrase.is_empty(), "{at}: empty phrase");
            assert!(phrase.matches('\'').count() <= 1, "{at}: at most one apostrophe per phrase");
            assert!(phrase.bytes().all(|b| b >= 0x20), "{at}: control character");
            entries.push((phrase.into_bytes(), list as u8, entries.len(), tag_id as u8));
        }
    }
    entries.sort();
    // the closed word classes go to a table of their own: they are looked up by hash, never
    // scanned, and in the scanned table they would lengthen its walk from every function word
    let words_list = LISTS.iter().position(|l| l.1 == "Words").unwrap() as u8;
    let (word_entries, entries): (Vec<_>, Vec<_>) = entries.into_iter().partition(|e| e.1 == words_list);
    // `src/lexicon/mod.rs` keeps a word's classes as a bit per tag id in a `u128`
    assert!(words.len() < 128, "more than 127 tag words");
    // `src/lexicon/mod.rs` indexes the table and its entries with `u16`s
    assert!(entries.len() < 1 << 16, "more than 65,535 lexicon entries");
    // the table: each entry its phrase's bytes, its list (a byte under 0x20: ends the phrase)
    // and its tag id; shipped front-coded: per entry, the length of the prefix it shares with
    // the entry before (sorted, they share much: 33.5 KB -> 22.8 KB), all these lengths first
    // (`PREFIXES`), then each entry's rest (`PACKED`): a column of lengths compresses better
    // than lengths among the letters (0.7 KB less gzip with the words below); `lexicon::index`
    // writes the tables out again when the program starts
    let (prefixes, packed) = front_code(entries.iter().map(|(phrase, list, _, tag)| (phrase.as_slice(), vec![*list, *tag])));
    // each word once (sorted), then how many classes it is in (a byte under 0x20) and their
    // tag ids: a word in several classes is written once; front-coded as the table
    let mut words_table: Vec<(&[u8], Vec<u8>)> = Vec::new();
    let mut i = 0;
    while i < word_entries.len() {
        let phrase = &word_entries[i].0;
        let n = word_entries[i..].iter().take_while(|e| &e.0 == phrase).count();
        assert!(n < 0x20, "{}: in {n} classes", String::from_utf8_lossy(phrase));
        let mut meta = vec![n as u8];
        meta.extend(word_entries[i..i + n].iter().map(|e| e.3));
        words_table.push((phrase, meta));
        i += n;
    }
    let words_len: usize = words_table.iter().map(|(p, m)| p.len() + m.len()).sum();
    let (word_prefixes, words_packed) = front_code(words_table.into_iter());
    let table_len: usize = entries.iter().map(|e| e.0.len() + 2).sum();
    assert!(table_len.max(words_len) < 1 << 16, "a lexicon table is over 64 KiB");
    let mut out = String::new();
    writeln!(out, "/// Which lexicon a cue came from (`build.rs` declares the lists).").unwrap();
    writeln!(out, "#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]\n#[repr(u8)]\npub(crate) enum List {{").unwrap();
    for (file, variant, doc, _) in LISTS {
        writeln!(out, "    /// {doc} (`{file}`)\n    {variant},").unwrap();
    }
    writeln!(out, "}}\n\n/// How many lists there are.\npub(crate) const LIST_COUNT: usize = {};", LISTS.len()).unwrap();
    writeln!(out, "/// Every list by its number in the table.\nconst LISTS: [List; LIST_COUNT] = [{}];", LISTS.iter().map(|l| format!("List::{}", l.1)).collect::<Vec<_>>().join(", ")).unwrap();
    writeln!(out, "/// The tag after `|` on a lexicon line (`build.rs` declares which list takes which).").unwrap();
    writeln!(out, "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n#[repr(u8)]\npub(crate) enum Tag {{\n    /// An untagged line, or a line carrying a canonical name.\n    None = 0,").unwrap();
    for (i, w) in words.iter().enumerate() {
        let lists: Vec<&str> = LISTS.iter().filter(|l| matches!(l.3, Tags::Words(ws) if ws.contains(w))).map(|l| l.0).collect();
        writeln!(out, "    /// `{w}` ({})\n    {} = {},", lists.join(", "), camel(w), i + 1).unwrap();
    }
    writeln!(out, "}}\n\n/// Tags by id (ids past the last tag word are names).").unwrap();
    writeln!(out, "const TAG_BY_ID: [Tag; {}] = [Tag::None, {}];", words.len() + 1, words.iter().map(|w| format!("Tag::{}", camel(w))).collect::<Vec<_>>().join(", ")).unwrap();
    writeln!(out, "/// Canonical names; id `TAG_BY_ID.len() + i` is `NAMES[i]`.").unwrap();
    writeln!(out, "const NAMES: [&str; {}] = {:?};", names.len(), names).unwrap();
    writeln!(out, "/// Number of entries in the table.").unwrap();
    writeln!(out, "const ENTRIES: usize = {};", entries.len()).unwrap();
    writeln!(out, "/// Bytes in the table `PREFIXES` and `PACKED` unpack to: entries sorted by phrase, each its phrase's bytes, a list byte, a tag id byte.").unwrap();
    writeln!(out, "const TABLE_LEN: usize = {table_len};").unwrap();
    writeln!(out, "/// Bytes in the table `WORD_PREFIXES` and `WORDS` unpack to: the words, sorted, each followed by the number of its classes (a byte under 0x20) and their tag ids.").unwrap();
    writeln!(out, "const WORDS_LEN: usize = {words_len};").unwrap();
    bytes_const(&mut out, "PREFIXES", "Per entry of the table, the length of the prefix it shares with the entry before.", &prefixes);
    bytes_const(&mut out, "PACKED", "Per entry of the table, the rest of it after that prefix.", &packed);
    bytes_const(&mut out, "WORD_PREFIXES", "Per word of `WORDS`, the length of the prefix it shares with the word before.", &word_prefixes);
    bytes_const(&mut out, "WORDS", "Per word of `List::Words` (sorted), the rest of it after that prefix, the number of its classes (a byte under 0x20) and their tag ids.", &words_packed);
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("lexicon.rs");
    std::fs::write(dest, out).unwrap();

    // the character classes of src/chars.rs
    let mut out = String::from("// Generated by build.rs from the standard library's Unicode tables; see src/chars.rs.\n");
    writeln!(out, "/// The windows where the classes are exactly the standard library's (`build.rs`'s `EXACT_CHARS`).\nconst EXACT: [(u32, u32); {}] = {:?};", EXACT_CHARS.len(), EXACT_CHARS).unwrap();
    runs_const(&mut out, "ALNUM_RUNS", "Per window, where its letters and digits start and stop (see `build.rs`'s `char_runs`).", char::is_alphanumeric);
    runs_const(&mut out, "NUM_RUNS", "Per window, where its digits and other numeric characters start and stop.", char::is_numeric);
    std::fs::write(std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("chars.rs"), out).unwrap();
}
