//! Mending the parse errors that cost events most often, before the coder reads the tree.
//!
//! A greedy parser trained on web text misreads news sentences in a few recurring ways, each
//! of which leaves a structure no well-formed UD tree has: a possessive hanging off a verb, a
//! finite verb conjoined to a noun, a "passive" verb with a direct object and no auxiliary.
//! Each rule here looks for one such structure and moves or relabels the one token that makes
//! it impossible. The rules do not fire on well-formed sentences, so gold parses pass unchanged;
//! the one exception is a headline made of a noun and its participle ("Talks held in Istanbul"),
//! which [`Heads::verb_read_as_participle`] reads as a clause.

use petrel_text::Sentence;

use crate::calendar;
use crate::mended::Repaired;
use crate::roles::SPEECH_VERBS;

/// Words that open a clause as well as a phrase ("*after* the talks", "*after* Iran
/// agreed"), which taggers read as prepositions before a clause's subject.
const SUBORDINATORS: &[&str] = &["as", "after", "before", "since", "until", "while", "when"];

/// The sentence with its impossible structures mended; borrowed unchanged when it has none
/// (most sentences).
pub fn repaired(sentence: &Sentence) -> Repaired<'_> {
    let fixes = Heads::of(sentence).fixes();
    if fixes.is_empty() {
        return Repaired::Given(sentence);
    }
    let mut mended = Repaired::copy(sentence);
    for Fix {
        token,
        head,
        deprel,
    } in fixes
    {
        let t = &mut mended.tokens[token];
        match head {
            Some(NewHead::Token(head)) => t.head = head + 1,
            Some(NewHead::Root) => t.head = 0,
            None => {}
        }
        if let Some(deprel) = deprel {
            t.deprel = deprel.to_string();
        }
    }
    Repaired::Mended(mended)
}

/// One mended token: a new head, a new relation, or both.
struct Fix {
    token: usize,
    head: Option<NewHead>,
    deprel: Option<&'static str>,
}

/// Where a mended token hangs.
enum NewHead {
    /// The token of this (0-based) index.
    Token(usize),
    /// Nowhere: it becomes the sentence's root.
    Root,
}

/// The sentence's heads and relations, as the rules read them.
struct Heads<'s> {
    sentence: &'s Sentence,
    heads: Vec<Option<usize>>,
}

impl<'s> Heads<'s> {
    fn of(sentence: &'s Sentence) -> Heads<'s> {
        let n = sentence.tokens.len();
        let heads = sentence
            .tokens
            .iter()
            .map(|t| t.head.checked_sub(1).filter(|&h| h < n))
            .collect();
        Heads { sentence, heads }
    }

    fn upos(&self, i: usize) -> &str {
        &self.sentence.tokens[i].upos
    }

    fn deprel(&self, i: usize) -> &str {
        &self.sentence.tokens[i].deprel
    }

    fn is_nominal(&self, i: usize) -> bool {
        matches!(self.upos(i), "NOUN" | "PROPN")
    }

    fn is_verb(&self, i: usize) -> bool {
        self.upos(i) == "VERB"
    }

    /// Whether `i` is a verb in a past form, tense or participle ("fired", "held").
    fn is_past_form(&self, i: usize) -> bool {
        self.is_verb(i) && matches!(self.sentence.tokens[i].xpos.as_str(), "VBD" | "VBN")
    }

    /// Whether `i` is a verb that reports speech ("said", "announced").
    fn is_speech_verb(&self, i: usize) -> bool {
        let lemma = &self.sentence.tokens[i].lemma;
        self.is_verb(i) && SPEECH_VERBS.iter().any(|w| w.eq_ignore_ascii_case(lemma))
    }

    fn children(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.heads.len()).filter(move |&c| self.heads[c] == Some(h))
    }

    fn has_child(&self, h: usize, rel: &str) -> bool {
        self.children(h).any(|c| self.deprel(c) == rel)
    }

    /// Whether `i` has a `case` child with this lemma ("of").
    fn has_case(&self, i: usize, lemma: &str) -> bool {
        self.children(i).any(|k| {
            self.deprel(k) == "case" && self.sentence.tokens[k].lemma.eq_ignore_ascii_case(lemma)
        })
    }

    fn has_subject(&self, h: usize) -> bool {
        self.children(h)
            .any(|c| matches!(self.deprel(c), "nsubj" | "nsubj:pass" | "csubj"))
    }

    /// Whether `k` lies in the subtree of `root` (or is `root`).
    fn descends_from(&self, mut k: usize, root: usize) -> bool {
        for _ in 0..=self.heads.len() {
            if k == root {
                return true;
            }
            match self.heads[k] {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    }

    /// Every fix the sentence needs, at most one per token, each computed on the parse as
    /// given (the rules do not feed each other).
    fn fixes(&self) -> Vec<Fix> {
        let mut out = Vec::new();
        for i in 0..self.heads.len() {
            let Some(h) = self.heads[i] else { continue };
            let fix = match self.deprel(i) {
                "nsubj:pass" => self
                    .modifier_read_as_subject(i, h)
                    .or_else(|| self.active_subject(i, h))
                    .or_else(|| self.past_read_as_passive(i, h)),
                "obl:agent" => self.object_read_as_agent(i),
                "list" => self.conjunct_read_as_list_item(i),
                "mark" => self.reported_clause_joined_to_report(i, h),
                "nsubj" => self.modifier_read_as_subject(i, h),
                "compound" => self.name_before_verb(i, h),
                "nmod:poss" => self.possessive_on_verb(i, h),
                "conj" => self
                    .verb_conjoined_to_noun(i, h)
                    .or_else(|| self.noun_conjoined_to_verb(i, h))
                    .or_else(|| self.speaker_read_as_list_item(i)),
                _ => None,
            };
            out.extend(fix);
        }
        out.extend(self.verb_read_as_participle());
        // (Extended by the flattened option instead, `out` took three empty fixes' worth of
        // copying for every token: a twenty-fifth of all coding.)
        if let Some(fixes) = self.subject_read_as_part_of_time() {
            out.extend(fixes);
        }
        if let Some(fixes) = self.verb_read_as_modifier_of_its_object() {
            out.extend(fixes);
        }
        for c in 0..self.heads.len() {
            out.extend(self.result_read_as_reported(c));
            if let Some(fixes) = self.subject_read_as_list_item(c) {
                out.extend(fixes);
            }
            if let Some(fixes) = self.clause_read_as_phrase(c) {
                out.extend(fixes);
            }
            if let Some(fixes) = self.report_read_as_relative_of_time(c) {
                out.extend(fixes);
            }
        }
        out
    }

    /// "The transfer came *as* Mexican officials *held* talks", with "as" read as a
    /// preposition, "officials" as its object and "held" as a second verb of "came": a finite
    /// verb without a subject, conjoined without "and" or hung as an adverbial clause without
    /// a marker, right after a phrase opened by a subordinating word, is that phrase's clause.
    /// The phrase's noun is its subject and the word its marker. So is a phrase inside a time
    /// ("a day *after* a drone *killed*").
    fn clause_read_as_phrase(&self, c: usize) -> Option<[Fix; 3]> {
        // Asked of every token: the one test that rules out nearly all comes first.
        if !matches!(self.deprel(c), "conj" | "advcl") {
            return None;
        }
        let finite = matches!(self.sentence.tokens[c].xpos.as_str(), "VBD" | "VBZ" | "VBP");
        let h = self.heads[c]?;
        if !(self.is_verb(c)
            && finite
            && !self.has_subject(c)
            && !self.has_child(c, "cc")
            && !self.has_child(c, "mark"))
        {
            return None;
        }
        let marker_of = |noun: usize| {
            self.children(noun).find(|&k| {
                self.deprel(k) == "case"
                    && SUBORDINATORS
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(&self.sentence.tokens[k].lemma))
            })
        };
        // The phrase hangs on the verb before, or on the clause's own verb.
        let phrase = self
            .children(h)
            .chain(self.children(c))
            .filter(|&k| k < c)
            .max()?;
        if !(matches!(self.deprel(phrase), "obl" | "obl:unmarked") && self.is_nominal(phrase)) {
            return None;
        }
        // The phrase may be a time it happened after ("a day *after* a drone killed ..."):
        // then the clause's subject is the time's modifier.
        let (noun, marker) = match marker_of(phrase) {
            Some(m) => (phrase, m),
            None => {
                let noun = self
                    .children(phrase)
                    .filter(|&k| k < c && self.deprel(k) == "nmod" && self.is_nominal(k))
                    .last()?;
                (noun, marker_of(noun)?)
            }
        };
        Some([
            Fix {
                token: c,
                head: None,
                deprel: Some("advcl"),
            },
            Fix {
                token: noun,
                head: Some(NewHead::Token(c)),
                deprel: Some("nsubj"),
            },
            Fix {
                token: marker,
                head: Some(NewHead::Token(c)),
                deprel: Some("mark"),
            },
        ])
    }

    /// "On Wednesday *Washington* freed ...", with "Washington" read as a second word of the
    /// name "Wednesday": a name hung on an opening day or month (as "flat" or "appos"), right
    /// before a verb that has no subject but that time, is the verb's subject, and the time is
    /// when it happened. The fixes keep the time's preposition with it ("On" is sometimes read
    /// as the verb's marker).
    fn subject_read_as_part_of_time(&self) -> Option<Vec<Fix>> {
        let time = (0..self.heads.len().min(3))
            .find(|&t| calendar::is_time_name(&self.sentence.tokens[t].form))?;
        let name = self
            .children(time)
            .filter(|&k| k > time && matches!(self.deprel(k), "flat" | "appos"))
            .last()?;
        let verb = name + 1;
        let misread = self.is_nominal(name)
            && verb < self.heads.len()
            && self.is_verb(verb)
            && self.heads[time] == Some(verb)
            && !self
                .children(verb)
                .any(|k| k != time && matches!(self.deprel(k), "nsubj" | "nsubj:pass"));
        if !misread {
            return None;
        }
        let mut fixes = vec![
            Fix {
                token: name,
                head: Some(NewHead::Token(verb)),
                deprel: Some("nsubj"),
            },
            Fix {
                token: time,
                head: None,
                deprel: Some("obl"),
            },
        ];
        // The words between the time and the name are the name's ("On Monday *South* Korea").
        fixes.extend(
            self.children(time)
                .filter(|&k| k > time && k < name)
                .map(|k| Fix {
                    token: k,
                    head: Some(NewHead::Token(name)),
                    deprel: None,
                }),
        );
        let preposition = time
            .checked_sub(1)
            .filter(|&p| self.deprel(p) == "mark" && self.heads[p] == Some(verb));
        fixes.extend(preposition.map(|p| Fix {
            token: p,
            head: Some(NewHead::Token(time)),
            deprel: Some("case"),
        }));
        Some(fixes)
    }

    /// "Russia pounded Kyiv overnight, *killing* 12 people, officials said", with "killing"
    /// read as a second thing the officials said: a gerund after a comma, without a subject,
    /// reported by a verb that comes after it, is what the clause before the comma did. It
    /// hangs on the verb of the words before the comma.
    fn result_read_as_reported(&self, c: usize) -> Option<Fix> {
        let h = self.heads[c]?;
        let misread = self.deprel(c) == "ccomp"
            && self.sentence.tokens[c].xpos == "VBG"
            && h > c
            && c >= 2
            && self.sentence.tokens[c - 1].form == ","
            && !self.has_subject(c)
            && !self.has_child(c, "mark");
        if !misread {
            return None;
        }
        let mut up = c - 2;
        for _ in 0..self.heads.len() {
            if self.is_verb(up) {
                return (up != h).then_some(Fix {
                    token: c,
                    head: Some(NewHead::Token(up)),
                    deprel: Some("advcl"),
                });
            }
            up = self.heads[up]?;
        }
        None
    }

    /// "... at a ceremony on Friday, and *Xi and Lula* signed 15 agreements", with "Xi" read as
    /// one more item after "Friday": a finite verb conjoined without a subject, straight after
    /// a coordination opened by ", and" ("and Xi and Lula") hung on an earlier noun, has that
    /// coordination as its subject, and its "and" joins the two clauses.
    fn subject_read_as_list_item(&self, c: usize) -> Option<[Fix; 2]> {
        // Asked of every token: the one test that rules out nearly all comes first.
        if self.deprel(c) != "conj" {
            return None;
        }
        let finite = matches!(self.sentence.tokens[c].xpos.as_str(), "VBD" | "VBZ" | "VBP");
        if !(self.deprel(c) == "conj" && self.is_verb(c) && finite && !self.has_subject(c)) {
            return None;
        }
        // Up the coordination that ends right before the verb, to the conjunct opened by
        // ", and": where the second clause begins.
        let opens_clause = |k: usize| {
            self.children(k).find(|&cc| {
                self.deprel(cc) == "cc"
                    && cc + 1 == k
                    && cc > 0
                    && self.sentence.tokens[cc - 1].form == ","
            })
        };
        let mut first = c.checked_sub(1)?;
        let cc = loop {
            if let Some(cc) = opens_clause(first) {
                break cc;
            }
            match self.heads[first] {
                Some(h) if self.deprel(first) == "conj" && h < first => first = h,
                _ => return None,
            }
        };
        let head = self.heads[first]?;
        let misread = self.is_nominal(first)
            && self.deprel(first) == "conj"
            && self.is_nominal(head)
            && self.descends_from(c - 1, first);
        misread.then_some([
            Fix {
                token: first,
                head: Some(NewHead::Token(c)),
                deprel: Some("nsubj"),
            },
            Fix {
                token: cc,
                head: Some(NewHead::Token(c)),
                deprel: None,
            },
        ])
    }

    /// "Thai and Cambodian troops *clashed* at the border", with "clashed" read as a participle
    /// modifying "troops": a noun followed by a bare past form that modifies it (no auxiliary,
    /// no subject, no "by" agent) is that verb's subject when the noun heads the sentence or
    /// is a second subject, or the complement or object, of the verb that reports it ("troops
    /// clashed ..., *the army said*").
    /// A sentence whose only verb modifies its first noun phrase is almost always this
    /// misreading; a true participle phrase ("talks held in Istanbul") stands as a headline,
    /// not a sentence.
    fn verb_read_as_participle(&self) -> Vec<Fix> {
        // Candidates are found from the verb up: few sentences have a verb read as "acl".
        for verb in 0..self.heads.len() {
            let Some(noun) = self.heads[verb] else {
                continue;
            };
            if !(self.is_nominal(noun) && self.bare_past_of(noun, verb)) {
                continue;
            }
            // The noun may be a later word of a name ("Lee Jae - *myung* condemned"), a noun
            // set beside it ("Lee's *office* condemned", read as Lee's apposition), or what a
            // number of something is of ("Hundreds of *Kenyans* protested"): the phrase's
            // first word stands for it.
            let mut noun = noun;
            while let Some(h) = self.heads[noun].filter(|&h| h < noun) {
                let of = self.deprel(noun) == "nmod" && self.has_case(noun, "of");
                if !(matches!(self.deprel(noun), "flat" | "appos") || of) || !self.is_nominal(h) {
                    break;
                }
                noun = h;
            }
            let new_head = match self.heads[noun] {
                None if !self.has_child(noun, "cop") => (NewHead::Root, "root"),
                Some(h)
                    if matches!(self.deprel(noun), "nsubj" | "ccomp" | "obj")
                        && self.is_verb(h)
                        && h > verb =>
                {
                    let other_subject = self
                        .children(h)
                        .any(|k| k > verb && self.deprel(k) == "nsubj");
                    if !other_subject {
                        continue;
                    }
                    (NewHead::Token(h), "ccomp")
                }
                _ => continue,
            };
            return vec![
                Fix {
                    token: verb,
                    head: Some(new_head.0),
                    deprel: Some(new_head.1),
                },
                Fix {
                    token: noun,
                    head: Some(NewHead::Token(verb)),
                    deprel: Some("nsubj"),
                },
            ];
        }
        Vec::new()
    }

    /// "Hezbollah *fired* rockets at Israeli positions.", with "fired" read as a participle
    /// modifying "rockets", which heads the sentence, and "Hezbollah" hung on "rockets" or on
    /// "fired" as anything but a subject: in a sentence ending with a full stop whose head is
    /// a noun, a past form without an auxiliary that modifies that noun from right after such
    /// a bare nominal is the sentence's verb; the nominal before is its subject and the noun
    /// after its object. (A headline's "Hezbollah-fired rockets" has neither the full stop nor
    /// the bare nominal.)
    fn verb_read_as_modifier_of_its_object(&self) -> Option<[Fix; 3]> {
        let noun = (0..self.heads.len()).find(|&i| self.heads[i].is_none())?;
        let ends_a_sentence = self.sentence.tokens.last().is_some_and(|t| t.form == ".");
        if !(ends_a_sentence && self.is_nominal(noun)) {
            return None;
        }
        let verb = self.children(noun).find(|&c| {
            c < noun
                && self.deprel(c) == "amod"
                && self.is_past_form(c)
                && !self
                    .children(c)
                    .any(|k| matches!(self.deprel(k), "aux" | "aux:pass"))
        })?;
        let subject = verb.checked_sub(1)?;
        let bare_nominal = (self.heads[subject] == Some(noun) || self.heads[subject] == Some(verb))
            && self.is_nominal(subject)
            && !self.has_child(subject, "case");
        if !bare_nominal {
            return None;
        }
        Some([
            Fix {
                token: verb,
                head: Some(NewHead::Root),
                deprel: Some("root"),
            },
            Fix {
                token: subject,
                head: Some(NewHead::Token(verb)),
                deprel: Some("nsubj"),
            },
            Fix {
                token: noun,
                head: Some(NewHead::Token(verb)),
                deprel: Some("obj"),
            },
        ])
    }

    /// Whether `c` is a bare past form after `noun` modifying it: "acl", no auxiliary, no
    /// subject, no marker and no "by" phrase.
    fn bare_past_of(&self, noun: usize, c: usize) -> bool {
        c > noun
            && self.deprel(c) == "acl"
            && self.is_past_form(c)
            && !self.children(c).any(|k| {
                matches!(
                    self.deprel(k),
                    "aux" | "aux:pass" | "nsubj" | "nsubj:pass" | "obl:agent" | "mark"
                ) || self
                    .children(k)
                    .any(|m| self.sentence.tokens[m].lemma.eq_ignore_ascii_case("by"))
            })
    }

    /// "*Kenyan* police had arrested him", with "Kenyan" read as a second subject of the verb:
    /// a lone name or adjective straight before a noun that is a subject of the same verb
    /// modifies that noun.
    fn modifier_read_as_subject(&self, i: usize, v: usize) -> Option<Fix> {
        let noun = i + 1;
        let misread = matches!(self.upos(i), "PROPN" | "ADJ")
            && self.children(i).next().is_none()
            && noun < self.heads.len()
            && self.upos(noun) == "NOUN"
            && self.heads[noun] == Some(v)
            && matches!(self.deprel(noun), "nsubj" | "nsubj:pass");
        misread.then_some(Fix {
            token: i,
            head: Some(NewHead::Token(noun)),
            deprel: Some(if self.upos(i) == "ADJ" {
                "amod"
            } else {
                "compound"
            }),
        })
    }

    /// "Erdogan *hosted* NATO leaders", tagged as a participle: a passive subject of a verb
    /// with a direct object and no passive auxiliary is the verb's doer.
    fn active_subject(&self, i: usize, v: usize) -> Option<Fix> {
        let misread = self.is_verb(v) && self.has_child(v, "obj") && !self.has_child(v, "aux:pass");
        misread.then_some(Fix {
            token: i,
            head: None,
            deprel: Some("nsubj"),
        })
    }

    /// "Thousands of Turks *protested*", tagged as a participle: a sentence's main verb with a
    /// passive subject but no auxiliary and no "by" agent is a simple past, when the sentence
    /// ends with a full stop (a headline's "Three soldiers killed in raid" has none, and is
    /// passive).
    fn past_read_as_passive(&self, i: usize, v: usize) -> Option<Fix> {
        let last = self.sentence.tokens.last()?;
        let misread = self.is_verb(v)
            && self.heads[v].is_none()
            && last.form == "."
            && !self
                .children(v)
                .any(|k| matches!(self.deprel(k), "aux" | "aux:pass" | "cop" | "obl:agent"));
        misread.then_some(Fix {
            token: i,
            head: None,
            deprel: Some("nsubj"),
        })
    }

    /// "Trump and Russian President *Vladimir* Putin met", with "Vladimir" read as the next
    /// item of a list: list items have no "and", so an item whose own phrase opens with one
    /// is a conjunct.
    fn conjunct_read_as_list_item(&self, i: usize) -> Option<Fix> {
        let h = self.heads[i]?;
        let opened = (h + 1..i).any(|k| {
            self.deprel(k) == "cc" && self.descends_from(k, i) && self.children(k).next().is_none()
        });
        opened.then_some(Fix {
            token: i,
            head: None,
            deprel: Some("conj"),
        })
    }

    /// "Israel had assassinated *Ismail* Haniyeh", with the object read as a passive agent:
    /// an agent is a "by" phrase, so one without any preposition is the verb's object.
    fn object_read_as_agent(&self, i: usize) -> Option<Fix> {
        let misread = self.is_nominal(i) && !self.has_child(i, "case");
        misread.then_some(Fix {
            token: i,
            head: None,
            deprel: Some("obj"),
        })
    }

    /// "Netanyahu said Israel was at war and *that* Hamas would pay", with the second clause
    /// conjoined to "said": a clause opened by "that" and conjoined to a verb of speech that
    /// has no "that" of its own but reports a clause is a second thing reported, conjoined to
    /// the first.
    fn reported_clause_joined_to_report(&self, i: usize, c: usize) -> Option<Fix> {
        if !self.sentence.tokens[i].form.eq_ignore_ascii_case("that") || self.deprel(c) != "conj" {
            return None;
        }
        let h = self.heads[c]?;
        let first = self
            .children(h)
            .filter(|&k| k < c && self.deprel(k) == "ccomp")
            .last()?;
        let misread = self.is_speech_verb(h) && !self.has_child(h, "mark");
        misread.then_some(Fix {
            token: c,
            head: Some(NewHead::Token(first)),
            deprel: None,
        })
    }

    /// "The Guards said on Wednesday *that Israel had assassinated* ...", with the reported
    /// clause read as a relative clause of "Wednesday": a clause with its own subject hung on
    /// a day or month that says when a verb of speech happened is that verb's complement, and
    /// a "that" read as its relative pronoun is its marker.
    fn report_read_as_relative_of_time(&self, c: usize) -> Option<Vec<Fix>> {
        // Asked of every token: the one test that rules out nearly all comes first.
        if self.deprel(c) != "acl:relcl" {
            return None;
        }
        let time = self.heads[c]?;
        let v = self.heads[time]?;
        let misread = calendar::is_time_name(&self.sentence.tokens[time].form)
            && self.deprel(time) == "obl"
            && self.is_speech_verb(v)
            && self.is_verb(c)
            && self
                .children(c)
                .any(|k| self.deprel(k) == "nsubj" && !self.is_relative_that(k));
        if !misread {
            return None;
        }
        let mut fixes = vec![Fix {
            token: c,
            head: Some(NewHead::Token(v)),
            deprel: Some("ccomp"),
        }];
        fixes.extend(
            self.children(c)
                .filter(|&k| k < c && self.is_relative_that(k))
                .map(|k| Fix {
                    token: k,
                    head: None,
                    deprel: Some("mark"),
                }),
        );
        Some(fixes)
    }

    /// Whether `k` is a "that" serving as a clause's subject or object.
    fn is_relative_that(&self, k: usize) -> bool {
        self.sentence.tokens[k].form.eq_ignore_ascii_case("that")
            && matches!(self.deprel(k), "nsubj" | "obj")
    }

    /// "Chancellor Friedrich Merz *hosted* ...", with the name read as a compound of the verb:
    /// a noun compounded to a following verb that has no subject is its subject. Between a
    /// verb without an object and its bare infinitive ("to help *Tunisia* fight smuggling") it
    /// is that verb's object, whose subject the infinitive takes.
    fn name_before_verb(&self, i: usize, v: usize) -> Option<Fix> {
        let misread = self.is_nominal(i) && self.is_verb(v) && i < v && !self.has_subject(v);
        if !misread {
            return None;
        }
        let nearest = self
            .children(v)
            .filter(|&c| c < v && self.deprel(c) == "compound" && self.is_nominal(c))
            .last();
        if nearest != Some(i) {
            return None;
        }
        let controller = self.heads[v].filter(|&h| {
            self.deprel(v) == "xcomp"
                && h < i
                && self.is_verb(h)
                && !self.has_child(h, "obj")
                && !self.has_child(h, "iobj")
        });
        Some(match controller {
            Some(h) => Fix {
                token: i,
                head: Some(NewHead::Token(h)),
                deprel: Some("obj"),
            },
            None => Fix {
                token: i,
                head: None,
                deprel: Some("nsubj"),
            },
        })
    }

    /// "*Iraq's* foreign ministry condemned", with "Iraq's" hung on the verb: a possessive
    /// belongs to the next noun the verb governs.
    fn possessive_on_verb(&self, i: usize, v: usize) -> Option<Fix> {
        if !matches!(self.upos(v), "VERB" | "AUX") {
            return None;
        }
        let owner = self
            .children(v)
            .find(|&k| k > i && self.is_nominal(k) && self.deprel(k) != "nmod:poss")?;
        Some(Fix {
            token: i,
            head: Some(NewHead::Token(owner)),
            deprel: None,
        })
    }

    /// "MONUSCO condemned the ADF and *called on* ...", with "called" conjoined to "ADF": a
    /// finite verb without a subject conjoined to a noun is conjoined to the verb above it.
    /// So is an infinitive or participle, which may well modify a noun, when the verb above
    /// has the same form and an auxiliary they share ("had put its forces on alert and *sent*
    /// ships").
    fn verb_conjoined_to_noun(&self, i: usize, h: usize) -> Option<Fix> {
        if !(self.is_verb(i) && self.is_nominal(h) && !self.has_subject(i)) {
            return None;
        }
        let xpos = |k: usize| self.sentence.tokens[k].xpos.as_str();
        let finite = !matches!(xpos(i), "VB" | "VBG" | "VBN");
        let mut up = self.heads[h];
        for _ in 0..4 {
            let at = up?;
            if self.is_verb(at) {
                let shared = xpos(at) == xpos(i) && self.has_child(at, "aux");
                return (finite || shared).then_some(Fix {
                    token: i,
                    head: Some(NewHead::Token(at)),
                    deprel: None,
                });
            }
            up = self.heads[at];
        }
        None
    }

    /// "... killing 32 people, *police* said", with "police" read as one more of the people
    /// killed: a noun conjoined without "and", after a comma and straight before a verb that
    /// has no subject, is that verb's subject.
    fn speaker_read_as_list_item(&self, i: usize) -> Option<Fix> {
        let next = i + 1;
        let misread = self.is_nominal(i)
            && !self.has_child(i, "cc")
            && i > 0
            && self.children(i).all(|k| k < i)
            && self.sentence.tokens.get(i.checked_sub(1)?)?.form == ","
            && next < self.heads.len()
            && self.is_verb(next)
            && !self.has_subject(next);
        misread.then_some(Fix {
            token: i,
            head: Some(NewHead::Token(next)),
            deprel: Some("nsubj"),
        })
    }

    /// "recalled its ambassadors to France, *the United States*, Nigeria and Togo", with the
    /// list's second item conjoined to the verb: a bare noun conjoined to an earlier verb, in
    /// the middle of a list (no "and" of its own), joins the nearest noun phrase before it.
    fn noun_conjoined_to_verb(&self, i: usize, v: usize) -> Option<Fix> {
        let bare = self.is_nominal(i)
            && self.is_verb(v)
            && v < i
            && !self.has_subject(i)
            && !self.has_child(i, "cop")
            && !self.has_child(i, "cc");
        if !bare {
            return None;
        }
        let phrase_head = |k: &usize| {
            self.is_nominal(*k)
                && !matches!(
                    self.deprel(*k),
                    "compound" | "flat" | "nmod:poss" | "amod" | "nmod:desc"
                )
                && !self.descends_from(*k, i)
                && self.descends_from(*k, v)
        };
        let previous = (v + 1..i).rev().find(phrase_head)?;
        Some(Fix {
            token: i,
            head: Some(NewHead::Token(previous)),
            deprel: None,
        })
    }
}
