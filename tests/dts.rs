//! The TypeScript unions in `src/web/types.rs` list exactly the names the Rust enums print:
//! a new kind, subtype, source type or role that the declarations miss fails here (and the
//! `match`es below stop compiling until the new variant is listed).

use claimlens::{Kind, Role, SourceType, Subtype};

fn kind(k: Kind) -> Kind {
    match k {
        Kind::Quote | Kind::Denial | Kind::Unverified | Kind::Reported => k,
    }
}
fn subtype(s: Subtype) -> Subtype {
    use Subtype::*;
    match s {
        Denial | NonDenial | NoComment | Reported | Anonymous | Contested | Speculative | Unconfirmed => s,
    }
}
fn source_type(t: SourceType) -> SourceType {
    use SourceType::*;
    match t {
        Person | Outlet | Organization | Publication | Anonymous => t,
    }
}
fn role(r: Role) -> Role {
    use Role::*;
    match r {
        Headline | Standfirst | Byline | Dateline | Caption | Credit | Boilerplate | Body => r,
    }
}

/// The string literals of `export type NAME = ...;` in the declarations.
fn union(name: &str) -> Vec<String> {
    let src = include_str!("../src/web/types.rs");
    let head = format!("export type {name} =");
    let at = src.find(&head).unwrap_or_else(|| panic!("no union {name}")) + head.len();
    let body = &src[at..at + src[at..].find(';').unwrap()];
    let mut v: Vec<String> = body.split('|').map(|s| s.trim().trim_matches('"').to_string()).filter(|s| !s.is_empty()).collect();
    v.sort();
    v
}

fn sorted(v: impl IntoIterator<Item = &'static str>) -> Vec<String> {
    let mut v: Vec<String> = v.into_iter().map(String::from).collect();
    v.sort();
    v
}

#[test]
fn unions_match_the_enums() {
    use Subtype as S;
    assert_eq!(union("Kind"), sorted([Kind::Quote, Kind::Denial, Kind::Unverified, Kind::Reported].map(|k| kind(k).as_str())));
    let subtypes = [S::Denial, S::NonDenial, S::NoComment, S::Reported, S::Anonymous, S::Contested, S::Speculative, S::Unconfirmed];
    assert_eq!(union("Subtype"), sorted(subtypes.map(|s| subtype(s).as_str())));
    let types = [SourceType::Person, SourceType::Outlet, SourceType::Organization, SourceType::Publication, SourceType::Anonymous];
    assert_eq!(union("SourceType"), sorted(types.map(|t| source_type(t).as_str())));
    let roles = [Role::Headline, Role::Standfirst, Role::Byline, Role::Dateline, Role::Caption, Role::Credit, Role::Boilerplate, Role::Body];
    assert_eq!(union("Role"), sorted(roles.map(|r| role(r).as_str())));
}
