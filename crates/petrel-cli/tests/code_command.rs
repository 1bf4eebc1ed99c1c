//! `petrel code` on pre-parsed input: the CoNLL-U that `petrel parse` writes codes to the
//! same events as the raw text it came from.

use std::process::Command;

fn petrel(args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_petrel"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run petrel");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    let output = child.wait_with_output().expect("petrel output");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// (source, code, target, trigger) of each event line.
fn events(jsonl: &[u8]) -> Vec<(String, String, String, String)> {
    String::from_utf8_lossy(jsonl)
        .lines()
        .map(|line| {
            let e: serde_json::Value = serde_json::from_str(line).expect("event JSON");
            let field = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
            (
                field(&e["source"]["code"]),
                field(&e["cameo"]),
                field(&e["target"]["code"]),
                field(&e["trigger"]["text"]),
            )
        })
        .collect()
}

#[test]
fn conllu_input_codes_like_the_raw_text_it_was_parsed_from() {
    let dir = std::env::temp_dir().join(format!("petrel-code-conllu-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Monday. \
                Ruto urged Ethiopia to reopen the border crossing.\n";
    let raw = dir.join("story.txt");
    std::fs::write(&raw, text).unwrap();
    let conllu = petrel(&["parse", raw.to_str().unwrap()], None);
    let parsed = dir.join("story.conllu");
    std::fs::write(&parsed, &conllu).unwrap();

    let from_text = events(&petrel(
        &["code", raw.to_str().unwrap(), "--date", "2025-03-04"],
        None,
    ));
    let from_conllu = events(&petrel(
        &["code", parsed.to_str().unwrap(), "--date", "2025-03-04"],
        None,
    ));
    assert!(!from_text.is_empty());
    assert_eq!(from_conllu, from_text);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn conllu_on_standard_input_needs_the_format_named() {
    let conllu = "# newdoc id = d1\n# text = Kenya met Ethiopia.\n\
        1\tKenya\tKenya\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
        2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
        3\tEthiopia\tEthiopia\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\
        4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";
    let out = petrel(
        &["code", "-", "--input-format", "conllu"],
        Some(conllu.as_bytes()),
    );
    let got = events(&out);
    assert!(
        got.contains(&("KEN".into(), "040".into(), "ETH".into(), "met".into())),
        "{got:?}"
    );
    let line: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out).lines().next().unwrap()).unwrap();
    assert_eq!(line["story_id"], "d1");
    assert_eq!(line["source"]["text"], "Kenya");
}
