//! completions/ and man/ must match the clap definitions; regenerate with
//! `CORACLE_BLESS=1 cargo test -p coracle-cli --test generated_docs`.

use std::path::Path;

#[test]
fn completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if std::env::var_os("CORACLE_BLESS").is_some() {
        coracle_cli::docs::write_all(&root).unwrap();
    }
    let mut stale = Vec::new();
    for (rel, contents) in coracle_cli::docs::generate().unwrap() {
        match std::fs::read(root.join(&rel)) {
            Ok(on_disk) if on_disk == contents => {}
            _ => stale.push(rel),
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run `CORACLE_BLESS=1 cargo test -p coracle-cli --test generated_docs`"
    );
}
