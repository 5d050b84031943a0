//! The vocabulary rule applied: rare labels of the columns many people fill in are pooled.
//!
//! In: the normalised cases and training rows (duplicates merged), the object list, the
//! column each sheet holds each label in, and `[privacy]`. Out: each incident label column
//! (category, department, unit, status, system) and each training row's department with
//! every label that is not vocabulary ([`Vocabulary::decide`]) replaced by one pooled label
//! ("Sällsynta kategorier (visas inte)"); a `pooled_label` finding per pooled label naming
//! the file, sheet, row and column of its first case, never its text; and the
//! [`PooledLabels`] for `genomgang check --show-pooled`. Every case still counts, under the
//! pooled label. Counting happens once per distinct label, so the rule costs nothing per
//! case beyond one pass over each label column.

use std::collections::{HashMap, HashSet};

use crate::config::Config;
use crate::ingest::Table;
use crate::labels::{Labels, label_key};
use crate::model::{Incidents, MISSING_LABEL};
use crate::optional::OptionalColumn;
use crate::quality::{Finding, Problem};
use crate::schema::Kind;
use crate::sensitive::{LabelField, PooledLabels, Shown, Vocabulary};

use super::Normalised;

/// The column each sheet holds a label field in, by file and sheet as shown.
pub type LabelColumns = HashMap<(Shown, Shown), Vec<(LabelField, Shown)>>;

/// Applies the vocabulary rule to everything normalised; see the module header.
pub fn pool_rare_labels(config: &Config, out: &mut Normalised, columns: &LabelColumns) {
    let privacy = &config.file.privacy;
    let vocabulary = Vocabulary::new(
        privacy.min_label_cases,
        privacy
            .known_labels
            .iter()
            .chain(&config.statuses.names)
            .map(String::as_str)
            // The object list is the organisation's own list of its systems.
            .chain(out.objects.iter().map(|o| o.name.as_str())),
    );
    // Departments are counted together wherever a row names one.
    let mut departments: HashMap<String, u64> = HashMap::new();
    let inc = &out.incidents;
    let incident_counts = counts(inc.department.iter(), inc.departments.len());
    for (i, n) in incident_counts.into_iter().enumerate() {
        let key = label_key(inc.departments.name(i as u32));
        *departments.entry(key).or_default() += n;
    }
    for name in out
        .objects
        .iter()
        .filter_map(|o| o.department.as_deref())
        .chain(out.training.iter().filter_map(|t| t.department.as_deref()))
    {
        *departments.entry(label_key(name)).or_default() += 1;
    }
    let Normalised {
        incidents,
        training,
        sheets,
        findings,
        pooled,
        ..
    } = out;
    let mut rule = Rule {
        vocabulary: &vocabulary,
        departments: &departments,
        pooled,
        found: Vec::new(),
    };
    let Incidents {
        origin,
        status,
        statuses,
        status_open,
        category,
        categories,
        department,
        departments: department_labels,
        unit,
        units,
        object,
        objects,
        ..
    } = incidents;
    let at = |row: usize| {
        let o = origin[row];
        let sheet = &sheets[o.sheet as usize];
        (sheet.file.clone(), sheet.sheet.clone(), o.row)
    };
    rule.apply(LabelField::Category, categories, category, &at);
    rule.apply(LabelField::Department, department_labels, department, &at);
    rule.apply(LabelField::Unit, units, unit, &at);
    rule.apply(LabelField::System, objects, object, &at);
    if let Some(map) = rule.apply(LabelField::Status, statuses, status, &at) {
        let mut open = vec![None; statuses.len()];
        for (old, &new) in map.iter().enumerate() {
            if status_open[old].is_some() {
                open[new as usize] = status_open[old];
            }
        }
        *status_open = open;
    }
    // Training rows: each row is a row of the department's count.
    let mut names: Vec<String> = training
        .iter()
        .filter_map(|t| t.department.clone())
        .collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let n = departments.get(&label_key(&name)).copied().unwrap_or(0);
        if shown(&vocabulary, &name, n) {
            continue;
        }
        let mut first = true;
        for t in training.iter_mut() {
            if t.department.as_deref() == Some(name.as_str()) {
                if first {
                    let o = &t.origin;
                    let place = (o.file.clone(), o.sheet.clone(), o.row);
                    rule.found.push((LabelField::Department, place, n));
                    first = false;
                }
                t.department = Some(LabelField::Department.pooled().to_string());
            }
        }
        rule.pooled.push(LabelField::Department, &name, n);
    }
    for (field, (file, sheet, row), n) in rule.found {
        findings.push(located(columns, field, (&file, &sheet, row), n));
    }
    // A finding never quotes a pooled label: not a value, not a status it names.
    let keys: HashSet<String> = pooled.keys().collect();
    if keys.is_empty() {
        return;
    }
    findings.for_each_listed(|f| {
        if let Some(value) = f.value.take_if(|v| keys.contains(&label_key(v))) {
            f.withheld = Some(value.chars().count());
        }
        if let Problem::DuplicateId {
            statuses: Some((a, b)),
            ..
        } = &mut f.problem
        {
            for status in [a, b] {
                if keys.contains(&label_key(status)) {
                    *status = LabelField::Status.pooled().to_string();
                }
            }
        }
    });
}

/// Whether a label used by `n` cases or rows is shown: "(saknas)", the tool's word for an
/// empty cell, always; any other as the vocabulary rule decides.
fn shown(vocabulary: &Vocabulary, name: &str, n: u64) -> bool {
    name == MISSING_LABEL || vocabulary.decide(name, n).is_none()
}

/// The rule and what it pooled so far.
struct Rule<'a> {
    vocabulary: &'a Vocabulary,
    departments: &'a HashMap<String, u64>,
    pooled: &'a mut PooledLabels,
    found: Vec<(LabelField, (Shown, Shown, u32), u64)>,
}

impl Rule<'_> {
    /// Pools the rare labels of one column; returns each old label's new index when any
    /// was pooled.
    fn apply(
        &mut self,
        field: LabelField,
        labels: &mut Labels,
        codes: &mut dyn Codes,
        at: &dyn Fn(usize) -> (Shown, Shown, u32),
    ) -> Option<Vec<u32>> {
        let cases = counts(codes.codes(), labels.len());
        let shown: Vec<bool> = (0..labels.len())
            .map(|i| {
                let name = labels.name(i as u32);
                let n = match field {
                    LabelField::Department => self.departments.get(&label_key(name)).copied(),
                    _ => None,
                }
                .unwrap_or(cases[i]);
                let is_shown = shown(self.vocabulary, name, n);
                if !is_shown && cases[i] > 0 {
                    self.pooled.push(field, name, n);
                }
                is_shown
            })
            .collect();
        if shown.iter().all(|&s| s) {
            return None;
        }
        let firsts = first_rows(codes.codes(), labels.len());
        for (i, &s) in shown.iter().enumerate() {
            if let (false, Some(first)) = (s, firsts[i]) {
                self.found.push((field, at(first), cases[i]));
            }
        }
        let map = relabel(labels, &shown, field.pooled());
        codes.remap(&map);
        Some(map)
    }
}

/// Notes which column of a sheet holds each label field, for the findings.
pub fn note_columns(table: &Table, (file, sheet): (&Shown, &Shown), out: &mut LabelColumns) {
    use crate::schema::{incident, training};
    let fields: &[(usize, LabelField)] = match table.kind {
        Kind::Incidents => &[
            (incident::CATEGORY, LabelField::Category),
            (incident::DEPARTMENT, LabelField::Department),
            (incident::UNIT, LabelField::Unit),
            (incident::STATUS, LabelField::Status),
            (incident::OBJECT, LabelField::System),
        ],
        Kind::Training => &[(training::DEPARTMENT, LabelField::Department)],
        _ => return,
    };
    let columns: Vec<(LabelField, Shown)> = fields
        .iter()
        .filter_map(|&(i, field)| Some((field, table.columns[i].as_ref()?.label.clone())))
        .collect();
    out.insert((file.clone(), sheet.clone()), columns);
}

/// A label code column, required or optional.
trait Codes {
    fn codes(&self) -> Box<dyn Iterator<Item = Option<u32>> + '_>;
    fn remap(&mut self, map: &[u32]);
}

impl Codes for Vec<u32> {
    fn codes(&self) -> Box<dyn Iterator<Item = Option<u32>> + '_> {
        Box::new(self.as_slice().iter().map(|&c| Some(c)))
    }
    fn remap(&mut self, map: &[u32]) {
        for c in self.iter_mut() {
            *c = map[*c as usize];
        }
    }
}

impl Codes for OptionalColumn<u32> {
    fn codes(&self) -> Box<dyn Iterator<Item = Option<u32>> + '_> {
        Box::new(OptionalColumn::iter(self))
    }
    fn remap(&mut self, map: &[u32]) {
        for i in 0..self.len() {
            if let Some(c) = self.get(i) {
                self.set(i, Some(map[c as usize]));
            }
        }
    }
}

/// How many cases use each label.
fn counts(codes: impl Iterator<Item = Option<u32>>, labels: usize) -> Vec<u64> {
    let mut n = vec![0u64; labels];
    for c in codes.flatten() {
        n[c as usize] += 1;
    }
    n
}

/// The first case (by position) that uses each label.
fn first_rows(codes: impl Iterator<Item = Option<u32>>, labels: usize) -> Vec<Option<usize>> {
    let mut first = vec![None; labels];
    for (row, c) in codes.enumerate() {
        if let Some(c) = c
            && first[c as usize].is_none()
        {
            first[c as usize] = Some(row);
        }
    }
    first
}

/// Rebuilds `labels` with the shown ones in their order and every other one as `pooled`,
/// last; returns each old label's new index.
fn relabel(labels: &mut Labels, shown: &[bool], pooled: &str) -> Vec<u32> {
    let mut rebuilt = Labels::default();
    let mut map = vec![0u32; labels.len()];
    for (i, _) in shown.iter().enumerate().filter(|(_, s)| **s) {
        let name = labels.name(i as u32);
        let at = rebuilt.intern(name);
        rebuilt.show_as(at, name);
        map[i] = at;
    }
    let at = rebuilt.intern(pooled);
    for (i, _) in shown.iter().enumerate().filter(|(_, s)| !**s) {
        map[i] = at;
    }
    *labels = rebuilt;
    map
}

/// The finding on a pooled label: where its first case or row stands, never its text.
fn located(
    columns: &LabelColumns,
    field: LabelField,
    (file, sheet, row): (&Shown, &Shown, u32),
    cases: u64,
) -> Finding {
    let column = columns
        .get(&(file.clone(), sheet.clone()))
        .and_then(|c| c.iter().find(|(f, _)| *f == field))
        .map(|(_, c)| c.clone())
        .unwrap_or_else(|| Shown::fixed(field.key()));
    Finding::cell(
        file,
        sheet,
        row,
        &column,
        None,
        Problem::PooledLabel { field, cases },
    )
}
