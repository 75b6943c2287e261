//! The layers of the app import one way only (see ARCHITECTURE.md). This
//! reads the `crate::…` paths of every source file under `src/` (a text
//! scan: `use crate::…`, grouped `use crate::{a, b::c}` and paths written
//! inline) and fails, naming the file and what it imports, when a layer
//! reaches one it must not, or when an import circle runs through files of
//! two folders. Test code (`*_tests.rs`, `tests.rs`, `#[cfg(test)] mod
//! tests`) is left out: a test may build a whole club to check one part.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The rules that are checked: (layer, layers it must never import, why).
const RULES: &[(&str, &[&str], &str)] = &[
    (
        "domain",
        &[
            "entry", "ui", "cli", "ops", "words", "import", "demo", "db", "config", "error",
            "i18n", "paths", "context", "message",
        ],
        "the rules are pure: they import nothing but themselves and the clock",
    ),
    (
        "db",
        &["ui", "cli", "ops", "words", "import", "entry"],
        "the store returns numbers and ids, and a receipt is a domain type",
    ),
    (
        "import",
        &["ui", "cli", "ops", "words", "entry"],
        "the importer knows no front end",
    ),
    (
        "cli",
        &["ui", "db"],
        "commands share operations and words with the screens, and ask operations, never SQL",
    ),
    (
        "ui",
        &["cli", "db"],
        "screens share operations and words with the commands, and ask operations, never SQL",
    ),
    (
        "ops",
        &["ui", "cli", "entry"],
        "operations serve both front ends and know neither",
    ),
    (
        "words",
        &["ui", "cli", "ops", "db", "import", "demo", "entry"],
        "wording is made from plain values, below both front ends",
    ),
    (
        "config",
        &["db", "ui", "cli", "ops", "words", "import", "demo", "entry"],
        "settings are read before the store, into domain types",
    ),
];

/// The layer of a module, by the first part of its path under `src/`.
fn layer(first: &str) -> &'static str {
    match first.trim_end_matches(".rs") {
        "main" | "lib" => "entry",
        "ui" => "ui",
        "cli" => "cli",
        "ops" => "ops",
        "words" => "words",
        "import" => "import",
        "demo" => "demo",
        "db" => "db",
        "config" => "config",
        "domain" => "domain",
        "clock" => "clock",
        "error" => "error",
        "i18n" => "i18n",
        "paths" => "paths",
        "context" => "context",
        "message" => "message",
        _ => "unknown",
    }
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let test =
                name == "tests.rs" || name.ends_with("_tests.rs") || name.starts_with("tests_");
            if !test {
                out.push(path);
            }
        }
    }
}

/// The file's code without comments and without its test module.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim().starts_with("mod tests"))
        {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        out.push_str(line.split(" // ").next().unwrap_or(""));
        out.push('\n');
    }
    out
}

/// Expands a use tree (`a::{b, c::{d, e}}`) into whole paths.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or("").trim();
        if !path.is_empty() && path != "self" {
            out.push(format!("{prefix}{path}"));
        } else if path == "self" {
            out.push(prefix.trim_end_matches("::").to_string());
        }
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&head, &inner[start..i], out);
                start = i + 1;
            }
            _ => {}
        }
    }
    expand(&head, &inner[start..], out);
}

/// Every `crate::…` path the code names.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + "crate::".len()..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if after.starts_with('{') {
            let end = matching_brace(after);
            expand("", &after[..end], &mut out);
            rest = &after[end..];
        } else {
            let end = after
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(after.len());
            let path = after[..end].trim_end_matches(':');
            if after[end..].starts_with('{') {
                let close = end + matching_brace(&after[end..]);
                expand(&format!("{path}::"), &after[end..close], &mut out);
                rest = &after[close..];
            } else {
                out.push(path.to_string());
            }
        }
    }
    out
}

fn matching_brace(s: &str) -> usize {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// The source file a `crate::…` path leads to: the longest module prefix
/// that is a file.
fn file_of(src: &Path, path: &str) -> Option<PathBuf> {
    let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    (1..=parts.len()).rev().find_map(|n| {
        let base = src.join(parts[..n].join("/"));
        [base.with_extension("rs"), base.join("mod.rs")]
            .into_iter()
            .find(|f| f.is_file())
    })
}

struct House {
    /// file → the files it imports, with the path written.
    imports: BTreeMap<PathBuf, BTreeMap<PathBuf, String>>,
    src: PathBuf,
}

impl House {
    fn read() -> House {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![];
        source_files(&src, &mut files);
        let mut imports = BTreeMap::new();
        for file in files {
            let code = code_of(&std::fs::read_to_string(&file).unwrap());
            let mut targets = BTreeMap::new();
            for path in crate_paths(&code) {
                if let Some(target) = file_of(&src, &path).filter(|t| *t != file) {
                    targets.entry(target).or_insert(path);
                }
            }
            imports.insert(file, targets);
        }
        House { imports, src }
    }

    fn name(&self, file: &Path) -> String {
        let rel = file.strip_prefix(&self.src).unwrap_or(file);
        format!("src/{}", rel.display())
    }

    fn layer_of(&self, file: &Path) -> &'static str {
        let rel = file.strip_prefix(&self.src).unwrap_or(file);
        layer(
            &rel.components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy(),
        )
    }

    /// The folder a file is in, for circles: `src/db/search/x.rs` is in
    /// `db`; `src/config.rs` and `src/config/save.rs` are both `config`.
    fn folder_of(&self, file: &Path) -> String {
        let rel = file.strip_prefix(&self.src).unwrap_or(file);
        let first = rel.components().next().unwrap().as_os_str();
        first.to_string_lossy().trim_end_matches(".rs").to_string()
    }
}

#[test]
fn every_layer_imports_only_what_it_may() {
    let house = House::read();
    let mut broken = vec![];
    for (file, targets) in &house.imports {
        let from = house.layer_of(file);
        for (target, path) in targets {
            let to = house.layer_of(target);
            for (layer, never, why) in RULES {
                if *layer == from && never.contains(&to) {
                    broken.push(format!(
                        "{} imports crate::{path} ({to}): {why}",
                        house.name(file)
                    ));
                }
            }
        }
    }
    assert!(broken.is_empty(), "\n{}\n", broken.join("\n"));
}

/// The chain's server is reached from one folder: the PostgreSQL client and
/// its TLS stay out of the rules, the store and the front ends, and the
/// SQLite file is opened by nothing but SQLite.
#[test]
fn only_the_sync_operations_talk_to_the_chains_server() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    source_files(&src, &mut files);
    let sync = src.join("ops").join("sync");
    let mut broken = vec![];
    for file in files.iter().filter(|f| !f.starts_with(&sync)) {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        for client in ["postgres::", "tokio_postgres", "rustls"] {
            if code.contains(client) {
                broken.push(format!("{} uses {client}", file.display()));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn every_file_is_in_a_known_layer() {
    let house = House::read();
    let unknown: Vec<String> = house
        .imports
        .keys()
        .filter(|f| house.layer_of(f) == "unknown")
        .map(|f| house.name(f))
        .collect();
    assert!(
        unknown.is_empty(),
        "add these to `layer` and ARCHITECTURE.md: {unknown:?}"
    );
}

#[test]
fn no_import_circle_spans_two_folders() {
    let house = House::read();
    let files: Vec<&PathBuf> = house.imports.keys().collect();
    // Which files each file reaches, following imports.
    let mut crossing = BTreeSet::new();
    for start in &files {
        let mut seen = BTreeSet::new();
        let mut todo = vec![(*start).clone()];
        while let Some(file) = todo.pop() {
            for next in house.imports.get(&file).into_iter().flat_map(|t| t.keys()) {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        for target in house.imports[*start].keys() {
            let back = seen.contains(*start) && reaches(&house, target, start);
            if back && house.folder_of(start) != house.folder_of(target) {
                crossing.insert(format!(
                    "{} -> {} -> … -> {}",
                    house.name(start),
                    house.name(target),
                    house.name(start)
                ));
            }
        }
    }
    assert!(
        crossing.is_empty(),
        "circles across folders:\n{}\n",
        crossing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

fn reaches(house: &House, from: &Path, to: &Path) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_path_buf()];
    while let Some(file) = todo.pop() {
        if file == to {
            return true;
        }
        for next in house.imports.get(&file).into_iter().flat_map(|t| t.keys()) {
            if seen.insert(next.clone()) {
                todo.push(next.clone());
            }
        }
    }
    false
}

#[test]
fn the_scan_reads_grouped_and_inline_paths() {
    let code = "use crate::domain::{dates::Feb29, money::{Currency, self}};\n\
                use crate::{clock::Clock, error};\n\
                let x = crate::words::text::width(s);\n\
                // use crate::ui::app;\n";
    let paths = crate_paths(&code_of(code));
    assert_eq!(
        paths,
        [
            "domain::dates::Feb29",
            "domain::money::Currency",
            "domain::money",
            "clock::Clock",
            "error",
            "words::text::width",
        ]
    );
    let house = House::read();
    let db = house.src.join("db").join("review_load.rs");
    assert!(
        house.imports[&db].contains_key(&house.src.join("domain").join("review.rs")),
        "the scan sees the store's imports"
    );
    assert_eq!(house.layer_of(&db), "db");
}
