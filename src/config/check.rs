//! The checks of each section of the settings file: each value is what the program can use,
//! or an [`Invalid`] that names the section, key and fix.
//!
//! In: the parsed [`ConfigFile`] sections. Out: the checked values ([`StatusList`],
//! [`SourceRule`]s) or the first problem.

use super::*;

/// Checks `[report]`: the organisation name must fit the title rows, and a list's row limit
/// must fit a sheet.
pub(super) fn check_report(report: &file::ReportSection) -> Result<(), Invalid> {
    let org = &report.organisation;
    let why = if org.chars().count() > ORGANISATION_MAX_CHARS {
        Some(format!(
            "is {} characters long; the title rows hold at most {ORGANISATION_MAX_CHARS}",
            org.chars().count()
        ))
    } else if org.chars().any(char::is_control) {
        Some("holds a line break or another control character".to_string())
    } else {
        None
    };
    if let Some(why) = why {
        return Err(Invalid::new(
            "report",
            "organisation",
            format!("[report] organisation {why}; give the administration's name on one line."),
        ));
    }
    let most = file::MAX_LIST_ROWS_LIMIT;
    if report.max_list_rows == 0 || report.max_list_rows > most {
        return Err(Invalid::new(
            "report",
            "max_list_rows",
            format!(
                "[report] max_list_rows is {}; give a number from 1 to {most} (an Excel sheet holds 1048576 rows). The default is {}.",
                report.max_list_rows,
                file::DEFAULT_MAX_LIST_ROWS
            ),
        ));
    }
    Ok(())
}

/// Checks `[privacy]`: a threshold of one case at least, and known labels that could be
/// shown (one that holds personal data never is; the error names its place, not its text).
pub(super) fn check_privacy(privacy: &file::PrivacySection) -> Result<(), Invalid> {
    if privacy.min_label_cases == 0 {
        return Err(Invalid::new(
            "privacy",
            "min_label_cases",
            format!(
                "[privacy] min_label_cases is 0; give 1 or more (1 shows every label that passes the check for personal data). The default is {}.",
                crate::sensitive::DEFAULT_MIN_LABEL_CASES
            ),
        ));
    }
    for (n, label) in privacy.known_labels.iter().enumerate() {
        if let Err(why) = crate::sensitive::Shown::try_label(label.trim()) {
            return Err(Invalid::new(
                "privacy",
                "known_labels",
                format!(
                    "entry {} of [privacy] known_labels {}, so it is never shown; remove it from the list.",
                    n + 1,
                    why.english()
                ),
            ));
        }
    }
    Ok(())
}

/// Checks `[incidents.statuses]`: both lists given, and no status in both or twice.
pub(super) fn check_statuses(st: &file::StatusSection) -> Result<StatusList, Invalid> {
    for (key, list) in [("open", &st.open), ("closed", &st.closed)] {
        if list.iter().all(|s| s.trim().is_empty()) {
            return Err(Invalid::new(
                "incidents.statuses",
                key,
                format!(
                    "[incidents.statuses] {key} lists no status; list at least one open and one closed status."
                ),
            ));
        }
    }
    let statuses = StatusList::new(&st.open, &st.closed);
    if statuses.lookup.len() != statuses.names.len() {
        let twice = statuses
            .names
            .iter()
            .enumerate()
            .find(|(i, n)| {
                statuses.names[..*i]
                    .iter()
                    .any(|o| status_key(o) == status_key(n))
            })
            .map_or_else(String::new, |(_, n)| n.clone());
        let key = if st
            .closed
            .iter()
            .any(|c| status_key(c) == status_key(&twice))
        {
            "closed"
        } else {
            "open"
        };
        return Err(Invalid::new(
            "incidents.statuses",
            key,
            format!(
                "[incidents.statuses] lists {twice:?} twice (open and closed lists included); list each status once, as open or as closed."
            ),
        ));
    }
    Ok(statuses)
}

/// Checks a strftime date format from the config; `Err` says what is wrong.
pub(super) fn check_format(format: &str) -> Result<(), String> {
    if StrftimeItems::new(format).any(|i| matches!(i, Item::Error)) {
        return Err(
            "is not a valid date format; use strftime codes such as %Y-%m-%d or %m/%d/%Y.".into(),
        );
    }
    let has = |codes: &[&str]| codes.iter().any(|c| format.contains(c));
    if !(has(&["%Y", "%y", "%F", "%D"]) && (has(&["%d", "%e", "%F", "%D", "%j"]))) {
        return Err("needs at least a year and a day, for example %m/%d/%Y.".into());
    }
    Ok(())
}

/// Checks the `[[sources]]` blocks.
pub(super) fn check_sources(blocks: &[file::SourceSection]) -> Result<Vec<SourceRule>, Invalid> {
    let mut sources = Vec::new();
    for (n, s) in blocks.iter().enumerate() {
        let which = format!("[[sources]] block {} (path = {:?})", n + 1, s.path);
        let fail = |key: &str, message: String| Invalid {
            section: "sources",
            block: Some(n + 1),
            key: key.to_string(),
            message,
        };
        let matcher = Glob::new(&s.path)
            .map_err(|e| {
                fail(
                    "path",
                    format!("{which}: the path is not a valid glob: {e}."),
                )
            })?
            .compile_matcher();
        let kind = match &s.kind {
            None => None,
            Some(k) => Some(Kind::from_key(k).ok_or_else(|| {
                fail(
                    "kind",
                    format!(
                        "{which}: kind = {k:?} is not a known kind; use \"incidents\", \"objects\" or \"risks\"."
                    ),
                )
            })?),
        };
        if let Some(f) = &s.date_format {
            check_format(f).map_err(|why| {
                fail("date_format", format!("{which}: date_format = {f:?} {why}"))
            })?;
        }
        if s.header_row == Some(0) {
            return Err(fail(
                "header_row",
                format!("{which}: header_row counts from 1, as Excel numbers rows."),
            ));
        }
        sources.push(SourceRule {
            matcher,
            kind,
            sheet: s.sheet.clone(),
            date_format: s.date_format.clone(),
            header_row: s.header_row,
        });
    }
    Ok(sources)
}

/// Checks that no header name is claimed by two fields of `[<kind>.columns]` (the skip list
/// `free_text` included), nor by one field in the config and another by its built-in names
/// (`category = ["Status"]` while "Status" is the status column's): either way a column
/// would be read as the wrong field. Naming a built-in header under `free_text` is allowed:
/// it skips that column on purpose.
pub(super) fn check_user_headers(kind: Kind, file: &ConfigFile) -> Result<(), Invalid> {
    let (section, free_text, extra) = user_headers(kind, file);
    for (spec, names) in kind.fields().iter().zip(&extra) {
        for name in names.iter() {
            let key = normalise_header(name);
            let built_in = kind.fields().iter().find(|other| {
                other.key != spec.key && other.synonyms.iter().any(|s| normalise_header(s) == key)
            });
            if let Some(other) = built_in {
                return Err(Invalid::new(
                    section,
                    spec.key,
                    format!(
                        "[{section}] {} = [{name:?}] gives the {} field a header that is already the built-in header of {}; a column can hold one field only. Remove {name:?} from {}, or, if that column of your export really holds the {}, rename the column in the export.",
                        spec.key, spec.key, other.key, spec.key, spec.key
                    ),
                ));
            }
        }
    }
    let mut seen: HashMap<String, &str> = HashMap::new();
    let lists = kind
        .fields()
        .iter()
        .map(|f| f.key)
        .zip(extra)
        .chain(std::iter::once(("free_text", free_text)));
    for (key, names) in lists {
        for name in names {
            match seen.insert(normalise_header(name), key) {
                Some(other) if other != key => {
                    return Err(Invalid::new(
                        section,
                        key,
                        format!(
                            "[{section}] gives the header {name:?} both to {other} and to {key}; a column can hold one field only, so name it under one of them."
                        ),
                    ));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// A kind's `[<kind>.columns]` section name, its `free_text` list and its per-field lists.
pub(super) fn user_headers(
    kind: Kind,
    file: &ConfigFile,
) -> (&'static str, &[String], Vec<&[String]>) {
    let (section, c): (&'static str, &dyn file::ColumnsSection) = match kind {
        Kind::Incidents => ("incidents.columns", &file.incidents.columns),
        Kind::Objects => ("objects.columns", &file.objects.columns),
        Kind::Risks => ("risks.columns", &file.risks.columns),
        Kind::Actions => ("actions.columns", &file.actions.columns),
        Kind::Maturity => ("maturity.columns", &file.maturity.columns),
        Kind::Training => ("training.columns", &file.training.columns),
    };
    let lists = kind.fields().iter().map(|f| c.for_field(f.key)).collect();
    (section, c.free_text(), lists)
}
