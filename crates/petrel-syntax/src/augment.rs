//! Extra training sentences for news text: copies of treebank sentences in which each
//! person's name is written the way wire copy names people, with a demonym and a title
//! before it ("*Venezuelan President* Nicolas Maduro ordered ...").
//!
//! UD English EWT is web text (reviews, e-mail, blogs, forums). It has a few dozen phrases
//! like "Pakistani President Pervez Musharraf", where news has one in nearly every sentence, so
//! a tagger and parser trained on it alone misread them: the demonym as a subject, the title as
//! a verb's object, the name as a second subject. The copies keep the treebank's own analysis
//! of such phrases (the demonym an `amod` of the title, the title an `nmod:desc` of the name's
//! first word, the rest of the name `flat`) and fill it with the names and demonyms of
//! petrel's lexicon, so the models see many more of them. Everything else in a copy is the
//! original sentence, with its gold tags and tree.

use petrel_text::{Sentence, Token};

use crate::rng::Rng;

/// What the copies are filled with.
#[derive(Clone, Debug, Default)]
pub struct NameStock {
    /// People's names, each a list of words ("Nicolas", "Maduro").
    pub people: Vec<Vec<String>>,
    /// Demonyms used as adjectives ("Venezuelan").
    pub demonyms: Vec<String>,
}

/// How often a title gets a demonym before it: news writes "President Macron" too.
const DEMONYM_SHARE: f64 = 0.8;

/// One word of a title: its form, tags, and relation to the title's last word (`None` for
/// the last word itself).
type TitleWord = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// Titles as EWT analyses them: a leading adjective is an `amod` of the title's last word
/// ("Prime Minister"), a leading noun a `compound` ("Defence Minister").
const TITLES: &[&[TitleWord]] = &[
    &[("President", "PROPN", "NNP", None)],
    &[("Premier", "PROPN", "NNP", None)],
    &[("Chancellor", "PROPN", "NNP", None)],
    &[("King", "PROPN", "NNP", None)],
    &[("General", "PROPN", "NNP", None)],
    &[
        ("Prime", "ADJ", "JJ", Some("amod")),
        ("Minister", "PROPN", "NNP", None),
    ],
    &[
        ("Foreign", "ADJ", "JJ", Some("amod")),
        ("Minister", "PROPN", "NNP", None),
    ],
    &[
        ("Defence", "PROPN", "NNP", Some("compound")),
        ("Minister", "PROPN", "NNP", None),
    ],
    &[
        ("Interior", "PROPN", "NNP", Some("compound")),
        ("Minister", "PROPN", "NNP", None),
    ],
    &[
        ("Vice", "PROPN", "NNP", Some("compound")),
        ("President", "PROPN", "NNP", None),
    ],
    &[
        ("Supreme", "ADJ", "JJ", Some("amod")),
        ("Leader", "PROPN", "NNP", None),
    ],
];

/// `copies` copies of every sentence that names a person with two or more words, each such
/// name rewritten with a title, usually a demonym, and a name from `stock` (drawn afresh for
/// every copy). Sentences without such a name give none. The same seed gives the same copies.
pub fn titled_names(
    sentences: &[Sentence],
    stock: &NameStock,
    copies: usize,
    seed: u64,
) -> Vec<Sentence> {
    if stock.people.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    for copy in 0..copies {
        out.extend(sentences.iter().filter_map(|s| {
            let mut titled = rewrite(s, stock, &mut rng)?;
            titled.id = s.id.as_ref().map(|id| format!("{id}-titled-{}", copy + 1));
            Some(titled)
        }));
    }
    out
}

/// The sentence with its plain names titled, or `None` if it has none.
fn rewrite(sentence: &Sentence, stock: &NameStock, rng: &mut Rng) -> Option<Sentence> {
    let names = plain_names(sentence);
    if names.is_empty() {
        return None;
    }
    // Old token i (0-based) goes to new position `moved[i]` (0-based); the words of a
    // replaced name map to its new first word.
    let n = sentence.tokens.len();
    let mut out: Vec<Token> = Vec::with_capacity(n + 4 * names.len());
    let mut moved = vec![0usize; n];
    // Per new token: the old token whose head it takes, or a new token it hangs on.
    let mut heads: Vec<Head> = Vec::with_capacity(out.capacity());
    let mut names = names.into_iter().peekable();
    let mut i = 0;
    while i < n {
        let Some(&(start, end)) = names.peek().filter(|(s, _)| *s == i) else {
            moved[i] = out.len();
            out.push(sentence.tokens[i].clone());
            heads.push(Head::Old(sentence.tokens[i].head));
            i += 1;
            continue;
        };
        names.next();
        let title = TITLES[rng.below(TITLES.len())];
        let person = &stock.people[rng.below(stock.people.len())];
        let with_demonym = !stock.demonyms.is_empty() && rng.chance(DEMONYM_SHARE);
        let title_last = out.len() + usize::from(with_demonym) + title.len() - 1;
        let first = title_last + 1;
        if with_demonym {
            let demonym = &stock.demonyms[rng.below(stock.demonyms.len())];
            out.push(word(demonym, "ADJ", "JJ", "Degree=Pos", "amod"));
            heads.push(Head::New(title_last));
        }
        for &(form, upos, xpos, rel) in title {
            out.push(word(
                form,
                upos,
                xpos,
                "Number=Sing",
                rel.unwrap_or("nmod:desc"),
            ));
            heads.push(Head::New(if rel.is_some() { title_last } else { first }));
        }
        let original = &sentence.tokens[start];
        for (k, part) in person.iter().enumerate() {
            if k == 0 {
                out.push(word(part, "PROPN", "NNP", "Number=Sing", &original.deprel));
                heads.push(Head::Old(original.head));
            } else {
                out.push(word(part, "PROPN", "NNP", "Number=Sing", "flat"));
                heads.push(Head::New(first));
            }
        }
        moved[start..=end].fill(first);
        i = end + 1;
    }
    for (t, head) in out.iter_mut().zip(heads) {
        t.head = match head {
            Head::Old(0) => 0,
            Head::Old(h) => moved[h - 1] + 1,
            Head::New(k) => k + 1,
        };
    }
    let text = out.iter().map(|t| t.form.as_str()).collect::<Vec<_>>();
    Some(Sentence {
        id: None,
        text: Some(text.join(" ")),
        span: None,
        tokens: out,
    })
}

/// Where a new token's head is.
enum Head {
    /// The (1-based, 0 for root) head of a token of the original sentence.
    Old(usize),
    /// A token of the copy, 0-based.
    New(usize),
}

fn word(form: &str, upos: &str, xpos: &str, feats: &str, deprel: &str) -> Token {
    Token {
        form: form.to_string(),
        lemma: form.to_string(),
        upos: upos.to_string(),
        xpos: xpos.to_string(),
        feats: feats.to_string(),
        head: 0,
        deprel: deprel.to_string(),
        span: None,
    }
}

/// The (first, last) 0-based tokens of each plain name in the sentence: a proper noun
/// followed by one or more proper nouns `flat` under it, with no other word hanging on the
/// name before it (no title or demonym yet) and nothing hanging on its later words.
fn plain_names(sentence: &Sentence) -> Vec<(usize, usize)> {
    let tokens = &sentence.tokens;
    let n = tokens.len();
    // A sentence whose heads do not all point inside it is left alone.
    if tokens.iter().any(|t| t.head > n) {
        return Vec::new();
    }
    let has_children_before = |h: usize| tokens[..h].iter().any(|t| t.head == h + 1);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let mut end = i;
        while end + 1 < n
            && tokens[end + 1].upos == "PROPN"
            && tokens[end + 1].deprel == "flat"
            && tokens[end + 1].head == i + 1
            && !tokens.iter().any(|t| t.head == end + 2)
        {
            end += 1;
        }
        let plain = tokens[i].upos == "PROPN"
            && end > i
            && tokens[i]
                .form
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && !has_children_before(i);
        if plain {
            out.push((i, end));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(form: &str, upos: &str, head: usize, deprel: &str) -> Token {
        Token {
            form: form.into(),
            lemma: form.into(),
            upos: upos.into(),
            xpos: "_".into(),
            feats: String::new(),
            head,
            deprel: deprel.into(),
            span: None,
        }
    }

    /// "Bill Clinton said that ." with "that" on "said".
    fn sample() -> Sentence {
        Sentence {
            id: Some("s1".into()),
            text: None,
            span: None,
            tokens: vec![
                token("Bill", "PROPN", 3, "nsubj"),
                token("Clinton", "PROPN", 1, "flat"),
                token("said", "VERB", 0, "root"),
                token("that", "PRON", 3, "obj"),
                token(".", "PUNCT", 3, "punct"),
            ],
        }
    }

    fn stock() -> NameStock {
        NameStock {
            people: vec![vec!["Nicolas".into(), "Maduro".into()]],
            demonyms: vec!["Venezuelan".into()],
        }
    }

    #[test]
    fn a_name_gets_a_title_and_the_tree_stays_whole() {
        for seed in 0..40 {
            let copies = titled_names(&[sample()], &stock(), 1, seed);
            assert_eq!(copies.len(), 1);
            let copy = &copies[0];
            let forms: Vec<&str> = copy.tokens.iter().map(|t| t.form.as_str()).collect();
            let first = forms.iter().position(|&f| f == "Nicolas").unwrap();
            assert_eq!(forms[first + 1..], ["Maduro", "said", "that", "."]);
            let said = first + 3;
            // The name takes the old name's place in the tree.
            assert_eq!(copy.tokens[first].head, said);
            assert_eq!(copy.tokens[first].deprel, "nsubj");
            assert_eq!(copy.tokens[first + 1].head, first + 1);
            assert_eq!(copy.tokens[first - 1].deprel, "nmod:desc");
            assert_eq!(copy.tokens[first - 1].head, first + 1);
            assert_eq!(copy.tokens[said - 1].head, 0);
            assert_eq!(copy.tokens[said].head, said);
            // Every word before the title's last hangs on it.
            for t in &copy.tokens[..first - 1] {
                assert_eq!(t.head, first, "{forms:?}");
            }
            // A tree: one root, and every head inside the sentence.
            assert_eq!(copy.tokens.iter().filter(|t| t.head == 0).count(), 1);
            assert!(copy.tokens.iter().all(|t| t.head <= copy.tokens.len()));
        }
    }

    #[test]
    fn names_with_a_title_already_and_single_names_are_left_alone() {
        let titled = Sentence {
            tokens: vec![
                token("President", "PROPN", 2, "nmod:desc"),
                token("Bill", "PROPN", 4, "nsubj"),
                token("Clinton", "PROPN", 2, "flat"),
                token("said", "VERB", 0, "root"),
                token(".", "PUNCT", 4, "punct"),
            ],
            ..sample()
        };
        assert!(titled_names(&[titled], &stock(), 1, 1).is_empty());
        let mut single = sample();
        single.tokens.remove(1);
        for t in &mut single.tokens {
            if t.head > 1 {
                t.head -= 1;
            }
        }
        assert!(titled_names(&[single], &stock(), 1, 1).is_empty());
    }

    #[test]
    fn the_same_seed_gives_the_same_copies() {
        let a = titled_names(&[sample(), sample()], &stock(), 3, 7);
        let b = titled_names(&[sample(), sample()], &stock(), 3, 7);
        assert_eq!(a.len(), 6);
        assert_eq!(a, b);
        assert_eq!(a[5].id.as_deref(), Some("s1-titled-3"));
    }
}
