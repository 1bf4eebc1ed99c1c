//! `petrel train nparser --add`: a second seed joins the first as a member of the ensemble in
//! `nparser.bin`, and a missing file is reported before any training is done.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use petrel_syntax::neural::{NeuralEnsemble, NEURAL_PARSER_FILE};

fn petrel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_petrel"))
        .args(args)
        .output()
        .expect("run petrel")
}

fn succeeds(args: &[&str]) {
    let out = petrel(args);
    assert!(
        out.status.success(),
        "petrel {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The first `count` sentences of a CoNLL-U file, written to `to`.
fn head_of_treebank(from: &Path, count: usize, to: &Path) {
    let text = std::fs::read_to_string(from).expect("read treebank");
    let kept: Vec<&str> = text.split("\n\n").take(count).collect();
    std::fs::write(to, kept.join("\n\n") + "\n\n").expect("write treebank");
}

/// A fresh directory of its own under the system's temporary directory.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("petrel-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch directory");
    dir
}

#[test]
fn a_second_seed_is_added_as_a_member() {
    let Some(ewt) = petrel_testdata::require("ud/en_ewt") else {
        return;
    };
    let dir = scratch_dir("train-add");
    let (train, dev) = (dir.join("train.conllu"), dir.join("dev.conllu"));
    head_of_treebank(&ewt.join("en_ewt-ud-train.conllu"), 120, &train);
    head_of_treebank(&ewt.join("en_ewt-ud-dev.conllu"), 30, &dev);
    let (train, dev, out) = (
        train.to_str().unwrap(),
        dev.to_str().unwrap(),
        dir.to_str().unwrap(),
    );
    let common = [
        "--train",
        train,
        "--dev",
        dev,
        "--out",
        out,
        "--iterations",
        "1",
    ];
    let small = [
        "--folds",
        "0",
        "--lstm-hidden",
        "8",
        "--lstm-layers",
        "1",
        "--mlp-hidden",
        "8",
    ];

    // Nothing to add to yet: refused at once, naming the file.
    let refused = petrel(&[&["train", "nparser", "--add"], &common[..], &small[..]].concat());
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains(NEURAL_PARSER_FILE), "{message}");

    succeeds(&[&["train", "tagger"], &common[..]].concat());
    succeeds(&[&["train", "nparser"], &common[..], &small[..]].concat());
    let one = std::fs::read(dir.join(NEURAL_PARSER_FILE)).unwrap();
    succeeds(
        &[
            &["train", "nparser", "--seed", "2", "--add"],
            &common[..],
            &small[..],
        ]
        .concat(),
    );

    let path = dir.join(NEURAL_PARSER_FILE);
    let ensemble = petrel_syntax::load_model(&path, NeuralEnsemble::load).expect("load");
    assert_eq!(ensemble.members().len(), 2);
    let two = std::fs::read(&path).unwrap();
    assert!(two.len() > one.len(), "the second member is stored too");
    std::fs::remove_dir_all(&dir).ok();
}
