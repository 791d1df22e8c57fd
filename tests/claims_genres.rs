//! Denials and unverified claims in short original articles from several genres (sport,
//! health, business, local politics, celebrity, courts), through the public API only.
//!
//! Each article lists what must be found (kind, a phrase the finding must cover, the
//! subtypes accepted, the source's name or surname where it is clear) and near misses that
//! no finding of that kind may cover (`was denied entry`, `reported revenue of`, `in May`).
//! The denials of each article are counted exactly: a stray denial is a failure.

use claimlens::{analyze, Analysis, Annotation, Kind};

/// What one finding must be.
struct Want {
    kind: Kind,
    /// A phrase of the article (its first occurrence) that the finding overlaps.
    at: &'static str,
    /// Accepted subtypes.
    subtypes: &'static [&'static str],
    /// The source's name, or a part of it (a surname); None when not checked.
    source: Option<&'static str>,
}

/// One article with its expectations.
struct Article {
    name: &'static str,
    text: &'static str,
    want: &'static [Want],
    /// (kind, phrase): no finding of that kind may overlap the phrase.
    not: &'static [(Kind, &'static str)],
}

const D: Kind = Kind::Denial;
const U: Kind = Kind::Unverified;

const fn w(kind: Kind, at: &'static str, subtypes: &'static [&'static str], source: Option<&'static str>) -> Want {
    Want { kind, at, subtypes, source }
}

const ARTICLES: &[Article] = &[
    Article {
        name: "football transfer rumour",
        text: "Rovers close in on Brazilian winger, reports say\n\n\
Harlow Rovers are reportedly preparing a £12 million bid for Flamengo winger Caio Mendes. According to the Evening Chronicle, the club's scouts watched him three times in May. Sources close to the player said he would welcome a move to England.\n\n\
Rovers manager Dave Kettering refused to concede that the title race was over after Saturday's defeat. Asked about Mendes, he said: \"We might sign someone, we might not. I don't talk about players at other clubs.\"\n\n\
The club declined to comment on the reports. Mendes's agent, Paulo Lima, denied that any offer had been received, calling the stories \"pure speculation\". Kettering could also lose striker Jon Obi, who is said to be unhappy.\n\n\
Rovers reported revenue of £210 million last season. The board met in May to discuss potential locations for a new training ground.\n",
        want: &[
            w(U, "Rovers close in on Brazilian winger", &["reported"], None),
            w(U, "reportedly preparing", &["reported"], None),
            w(U, "According to the Evening Chronicle", &["reported"], Some("Evening Chronicle")),
            w(U, "Sources close to the player", &["anonymous"], None),
            w(U, "could also lose", &["speculative", "reported"], None),
            w(D, "declined to comment", &["no_comment"], None),
            w(D, "denied that any offer", &["denial"], Some("Lima")),
        ],
        not: &[(D, "refused to concede"), (U, "refused to concede"), (U, "We might sign"), (U, "reported revenue"), (U, "met in May"), (U, "potential locations")],
    },
    Article {
        name: "drug trial result",
        text: "Trial drug cuts migraine days, company says\n\n\
An experimental migraine drug reduced the number of headache days by almost half in a late-stage trial, its maker Corvane Pharma said on Tuesday. The results have not been independently verified and were not published in a journal.\n\n\
Dr Alice Brennan, who led the study, said the drug \"could change how we treat chronic migraine\". Independent experts were more cautious. \"It is possible the effect is smaller in a wider population,\" said Professor Tom Ueda of King's College.\n\n\
The drug is expected to be submitted to regulators next year. Insurance claims for migraine treatment rose 4% last year. About one in seven adults has migraines, according to the World Health Organization.\n\n\
Corvane rejected suggestions that it had hidden side effects, saying all adverse events were reported to the regulator. The company did not say how much the drug would cost.\n",
        want: &[
            w(U, "Trial drug cuts migraine days", &["reported"], None),
            w(U, "have not been independently verified", &["unconfirmed"], None),
            w(U, "is expected to be submitted", &["speculative"], None),
            w(U, "according to the World Health Organization", &["reported"], Some("World Health Organization")),
            w(D, "rejected suggestions", &["denial"], Some("Corvane")),
            // `The company`: the organisation the story is about, not the last one it cited
            w(D, "did not say how much", &["non_denial", "no_comment"], Some("Corvane")),
        ],
        not: &[(U, "could change how we treat"), (U, "It is possible"), (U, "Insurance claims"), (U, "reported to the regulator")],
    },
    Article {
        name: "company earnings and lay-offs",
        text: "Brightwell to cut 800 jobs after profit slump\n\n\
Brightwell Group reported a loss of $45 million for the third quarter and said it would cut 800 jobs, mostly in its Ohio plants. The retailer reported revenue of $1.2 billion, down 6%.\n\n\
People familiar with the plans said the company may also close two distribution centres. Brightwell denied that the cuts were linked to its merger with Holt Stores. Analysts said the merger could be delayed until 2026.\n\n\
Union leader Maria Santos said workers had been denied overtime pay for months. The company declined to respond to her claims. Chief executive Paul Hardy rejects making concessions to the union.\n\n\
Hardy, who was denied a bonus last year, will address staff on Friday. A spokeswoman would neither confirm nor deny that Hardy would step down.\n",
        want: &[
            w(U, "People familiar with the plans", &["anonymous"], None),
            w(D, "denied that the cuts", &["denial"], Some("Brightwell")),
            w(U, "could be delayed", &["speculative"], None),
            w(D, "declined to respond", &["no_comment", "non_denial"], Some("Brightwell")),
            w(D, "neither confirm nor deny", &["non_denial"], Some("Brightwell")),
        ],
        not: &[(U, "reported a loss"), (U, "reported revenue"), (D, "denied overtime pay"), (D, "rejects making concessions"), (D, "was denied a bonus"), (U, "Brightwell to cut 800 jobs")],
    },
    Article {
        name: "council planning dispute",
        text: "Council accused of ignoring residents over bypass plan\n\n\
Councillors in Marston Vale will vote next month on a bypass that could cut through ancient woodland. Campaigners claim the route was chosen to benefit a developer linked to the council leader, Sarah Pike.\n\n\
Pike dismissed the allegations as \"nonsense\" and said the work was going according to plan after three public consultations. The council's planning officer, Raj Mehta, could not be reached for comment.\n\n\
A deal with the landowner was discussed in March, according to minutes seen by the Marston Gazette. The minutes have not been made public. The council hopes to reach a possible agreement with the landowner by May.\n\n\
Residents were denied entry to the meeting on Tuesday. \"There was no consultation worth the name,\" said resident Carol Finch, 71.\n",
        want: &[
            w(U, "Council accused of ignoring", &["contested"], None),
            w(U, "could cut through", &["speculative"], None),
            w(U, "Campaigners claim the route", &["contested"], None),
            w(D, "dismissed the allegations", &["denial"], Some("Pike")),
            w(D, "could not be reached", &["no_comment"], Some("Mehta")),
            w(U, "according to minutes", &["reported"], None),
            w(U, "have not been made public", &["unconfirmed"], None),
            w(D, "There was no consultation", &["denial"], Some("Finch")),
        ],
        not: &[(U, "according to plan"), (U, "possible agreement"), (U, "by May"), (D, "denied entry")],
    },
    Article {
        name: "celebrity rumour denied",
        text: "Singer Lena Moss not pregnant, publicist says\n\n\
Pop star Lena Moss is not expecting a baby, her publicist said on Sunday, after a celebrity website claimed she was five months pregnant. The report, which cited an unnamed friend of the singer, was \"completely false\", publicist Dan Reyes said.\n\n\
Moss, 29, was photographed in Los Angeles last week. Fans had speculated that she might announce the news at her concert. The tour ends in May. Reyes would not say whether Moss was still dating actor Ben Carr.\n\n\
Carr's representatives did not respond to requests for comment. The website stood by its story.\n",
        want: &[
            w(D, "Singer Lena Moss not pregnant", &["denial"], None),
            w(U, "a celebrity website claimed", &["contested"], None),
            w(D, "completely false", &["denial"], Some("Reyes")),
            w(U, "might announce", &["speculative"], None),
            w(D, "would not say whether", &["non_denial"], Some("Reyes")),
            // `Carr's representatives` speak for Ben Carr
            w(D, "did not respond to requests", &["no_comment"], Some("Carr")),
        ],
        not: &[(U, "The tour ends in May"), (D, "stood by its story")],
    },
    Article {
        name: "court case",
        text: "Former mayor denies fraud as trial opens\n\n\
Former mayor Ken Albright pleaded not guilty on Monday to charges that he took bribes from a construction firm. Albright, 64, is accused of accepting $300,000 in cash and gifts between 2015 and 2019.\n\n\
Prosecutors allege that the payments were disguised as consulting fees. Albright's lawyer, Nina Ford, said her client \"categorically denies\" the allegations.\n\n\
The judge denied bail for his co-defendant, businessman Luis Ortega, who refused to concede that the evidence was strong. Ortega's company reported revenue of $40 million last year.\n\n\
The trial is expected to last six weeks. A witness who asked not to be named told the court that envelopes of cash were left in the mayor's office.\n",
        want: &[
            // the headline's `Former mayor` is Ken Albright, named in the next paragraph
            w(D, "denies fraud", &["denial"], Some("Albright")),
            w(U, "is accused of accepting", &["contested"], None),
            w(U, "Prosecutors allege that", &["contested"], None),
            w(D, "categorically denies", &["denial"], None),
            w(U, "is expected to last", &["speculative"], None),
            w(U, "who asked not to be named", &["anonymous"], None),
        ],
        not: &[(D, "denied bail"), (D, "refused to concede"), (U, "reported revenue")],
    },
    Article {
        name: "hospital memo",
        text: "Hospital waiting lists could double, leaked memo suggests\n\n\
Waiting lists at St Anne's Hospital could double by next spring, according to a leaked memo seen by the Northfield Post. The memo, written by a senior manager, purportedly warns of \"unsustainable pressure\" on the emergency department.\n\n\
The hospital trust said the figures were inaccurate and that waiting times had fallen since May. Health minister Joan Avery has previously claimed that the trust was \"turning a corner\".\n\n\
Two nurses, who spoke on condition of anonymity, said staff shortages were likely to worsen over the winter. The trust did not immediately respond to questions about the memo.\n\n\
The trust reported a surplus of £2 million last year. A potential site for a new clinic has been identified.\n",
        want: &[
            w(U, "Hospital waiting lists could double", &["speculative", "reported"], None),
            w(U, "according to a leaked memo", &["speculative", "reported"], None),
            w(U, "purportedly warns", &["contested"], None),
            w(D, "the figures were inaccurate", &["denial"], None),
            w(U, "has previously claimed", &["contested"], Some("Avery")),
            w(U, "who spoke on condition of anonymity", &["anonymous"], None),
            w(D, "did not immediately respond", &["no_comment"], None),
        ],
        not: &[(U, "since May"), (U, "reported a surplus"), (U, "potential site")],
    },
    Article {
        name: "sport denial and injury speculation",
        text: "Obi denies rift with coach after training ground row\n\n\
Striker Jon Obi on Thursday rejected reports of a rift with head coach Marta Lind, saying the pair had \"never been closer\". Obi was denied a penalty in Sunday's draw and later appeared to argue with Lind on the touchline.\n\n\
Club officials said Obi's hamstring injury was not serious, but he may miss the cup tie in May. Lind refused to say whether he would start. The club is said to be weighing a new contract for the striker.\n\n\
Asked about speculation over his future, Obi said: \"I could be here for ten more years.\" The club reported a profit of £4 million.\n",
        want: &[
            w(D, "Obi denies rift", &["denial"], Some("Obi")),
            w(D, "rejected reports of a rift", &["denial"], Some("Obi")),
            w(U, "appeared to argue", &["speculative"], None),
            w(U, "may miss the cup tie", &["speculative"], None),
            w(D, "refused to say whether", &["non_denial"], Some("Lind")),
            w(U, "is said to be weighing", &["reported"], None),
        ],
        not: &[(D, "denied a penalty"), (U, "I could be here"), (U, "reported a profit")],
    },
];

fn overlaps(a: &Annotation, start: usize, end: usize) -> bool {
    a.span.start < end && start < a.span.end
}

fn describe(a: &Analysis, kind: Kind) -> Vec<String> {
    a.annotations
        .iter()
        .filter(|x| x.kind == kind)
        .map(|x| format!("{:?} {:?} cue={:?} who={:?}", a.text_of(x), x.subtype, x.cue.map(|c| c.of(a.text())), a.who(x)))
        .collect()
}

fn check(art: &Article) -> Vec<String> {
    let a = analyze(art.text);
    let mut errors = Vec::new();
    for want in art.want {
        let Some(start) = art.text.find(want.at) else {
            errors.push(format!("{}: phrase not in text: {:?}", art.name, want.at));
            continue;
        };
        let end = start + want.at.len();
        let Some(got) = a.annotations.iter().find(|x| x.kind == want.kind && overlaps(x, start, end)) else {
            errors.push(format!("{}: missed {:?} at {:?}; found {:?}", art.name, want.kind, want.at, describe(&a, want.kind)));
            continue;
        };
        if !got.subtype.is_some_and(|s| want.subtypes.contains(&s.as_str())) {
            errors.push(format!("{}: {:?} at {:?} has subtype {:?}, want {:?}", art.name, want.kind, want.at, got.subtype, want.subtypes));
        }
        if let Some(source) = want.source {
            if !a.who(got).is_some_and(|w| w.contains(source)) {
                errors.push(format!("{}: {:?} at {:?} has source {:?}, want {:?}", art.name, want.kind, want.at, a.who(got), source));
            }
        }
    }
    for &(kind, phrase) in art.not {
        let Some(start) = art.text.find(phrase) else {
            errors.push(format!("{}: phrase not in text: {:?}", art.name, phrase));
            continue;
        };
        if let Some(x) = a.annotations.iter().find(|x| x.kind == kind && overlaps(x, start, start + phrase.len())) {
            errors.push(format!("{}: false {:?} over {:?}: {:?}", art.name, kind, phrase, a.text_of(x)));
        }
    }
    let want_denials = art.want.iter().filter(|w| w.kind == Kind::Denial).count();
    let denials = a.annotations.iter().filter(|x| x.kind == Kind::Denial).count();
    if denials != want_denials {
        errors.push(format!("{}: {} denials, want {}: {:?}", art.name, denials, want_denials, describe(&a, Kind::Denial)));
    }
    errors
}

#[test]
fn genres() {
    let errors: Vec<String> = ARTICLES.iter().flat_map(check).collect();
    assert!(errors.is_empty(), "{} problems:\n{}", errors.len(), errors.join("\n"));
}

#[test]
fn every_prefix_is_safe() {
    // cutting an article anywhere (on a character boundary) never panics
    for art in ARTICLES {
        let text = art.text;
        for (i, _) in text.char_indices().step_by(7) {
            let _ = analyze(&text[..i]);
        }
    }
}
