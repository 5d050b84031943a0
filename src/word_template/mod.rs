//! The user's Word template (`[draft] template`, `--word-template`): the draft takes the
//! template's styles, page setup, headers and footers, so the ISAM pastes it into the city's
//! document without restyling a heading.
//!
//! In: a .docx or .dotx, read and checked once when the settings are read
//! ([`WordTemplate::read`]), and the draft's bytes as docx-rs wrote them. Out: the draft's
//! bytes with the template's `styles.xml` (and theme), the draft's headings, title, captions
//! and body text set in the template's own styles (found by their built-in names, "heading 1"
//! and so on, since a Swedish Word names them Rubrik 1 with other style ids), the template's
//! page size, margins, headers and footers (with their pictures), and the template's
//! numbering with the draft's bullet list added under ids of its own.
//!
//! The template's own body text is dropped: a template's body is placeholder text and form
//! fields, and the draft is meant to be pasted into the real document; the headers and footers
//! carry the organisation's look. A style the template lacks keeps the draft's own definition.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

mod xml;

use xml::{Edits, Element};

/// The numbering id of the draft's bullet list (docx-rs defines a numbered list as 1), which
/// the template's numbering keeps beside its own.
pub const BULLETS: usize = 2;

/// The draft's paragraph styles and the built-in names a template's equivalents carry.
const STYLES: [(&str, &str); 4] = [
    ("Heading1", "heading 1"),
    ("Heading2", "heading 2"),
    ("Title", "title"),
    ("Caption", "caption"),
];

/// The numbering id the draft's bullet list takes in a template's numbering, above any a
/// template uses.
const BULLET_ID: u32 = 9_001;

/// A checked Word template: the parts the draft takes from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordTemplate {
    /// Where it was read from, for messages.
    pub path: PathBuf,
    /// Every part of the template, by name.
    parts: BTreeMap<String, Vec<u8>>,
    /// The template's style id for each of [`STYLES`] it has, and for "Normal".
    ids: BTreeMap<&'static str, String>,
    /// The table style named in `[draft] table_style`, by its id, when given.
    pub table_style: Option<String>,
}

impl WordTemplate {
    /// Reads and checks a template; `table_style` is `[draft] table_style`, which must name
    /// a table style of the template.
    pub fn read(path: &Path, table_style: Option<&str>) -> Result<WordTemplate> {
        let fail = |reason: String| Error::WordTemplate {
            path: path.to_path_buf(),
            reason,
        };
        let bytes = std::fs::read(path).map_err(|e| fail(format!("it cannot be read ({e})")))?;
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Err(fail(
                "it is password-protected, or an old Word 97–2003 file; open it in Word and save it without a password as a Word document (.docx) or template (.dotx)".into(),
            ));
        }
        let parts = unzip(&bytes).map_err(|_| {
            fail("it is not a Word document or template (.docx or .dotx); it may be damaged".into())
        })?;
        if !parts.contains_key("word/document.xml") {
            return Err(fail(
                "it is not a Word document or template: it has no word/document.xml (is it a workbook or a presentation?)".into(),
            ));
        }
        let styles = parts
            .get("word/styles.xml")
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .ok_or_else(|| fail("it has no styles (word/styles.xml) to take".into()))?;
        let named = styles_by_name(&styles);
        let mut ids = BTreeMap::new();
        for (ours, name) in STYLES.iter().chain(&[("Normal", "normal")]) {
            if let Some((id, _)) = named.get(*name) {
                ids.insert(*ours, id.clone());
            }
        }
        let table_style = match table_style {
            None => None,
            Some(wanted) => Some(
                named
                    .iter()
                    .find(|(name, (_, kind))| {
                        kind == "table" && name.as_str() == wanted.to_lowercase()
                    })
                    .map(|(_, (id, _))| id.clone())
                    .ok_or_else(|| {
                        fail(format!(
                            "[draft] table_style names {wanted:?}, which is not a table style of the template"
                        ))
                    })?,
            ),
        };
        Ok(WordTemplate {
            path: path.to_path_buf(),
            parts,
            ids,
            table_style,
        })
    }

    /// The template's style id for one of the draft's styles ("Heading1" → "Rubrik1").
    pub fn style_id(&self, ours: &str) -> Option<&str> {
        self.ids.get(ours).map(String::as_str)
    }

    /// The draft `docx` (as docx-rs wrote it) in the template's styles, page setup,
    /// headers and footers.
    pub fn apply(&self, docx: &[u8]) -> Result<Vec<u8>> {
        let broken = |e: String| Error::WordTemplate {
            path: self.path.clone(),
            reason: format!("the draft could not be put into it ({e})"),
        };
        let mut parts = unzip(docx).map_err(|e| broken(e.to_string()))?;
        let document = text(&parts, "word/document.xml");
        let document_elements = xml::elements(&document);
        let mut document_edits = Edits::default();
        let mut rels = text(&parts, "word/_rels/document.xml.rels");
        let mut types = text(&parts, "[Content_Types].xml");

        // Styles: the template's, with the draft's own definition of any it lacks.
        let theirs = text(&self.parts, "word/styles.xml");
        let theirs_elements = xml::elements(&theirs);
        let mut style_edits = Edits::default();
        let ours = text(&parts, "word/styles.xml");
        let ours_elements = xml::elements(&ours);
        for (id, _) in STYLES {
            match self.style_id(id) {
                Some(theirs) => {
                    for style in xml::named(&document_elements, "w:pStyle")
                        .filter(|e| e.attribute("w:val") == Some(id))
                    {
                        document_edits.set_attribute(style, "w:val", theirs);
                    }
                }
                None => {
                    let def = xml::named(&ours_elements, "w:style")
                        .find(|e| e.attribute("w:styleId") == Some(id));
                    if let (Some(def), Some(root)) = (def, theirs_elements.first()) {
                        style_edits.insert(root.content_end, &ours[def.span.clone()]);
                    }
                }
            }
        }
        in_swedish(&theirs_elements, &mut style_edits);
        parts.insert(
            "word/styles.xml".into(),
            style_edits.apply(&theirs).into_bytes(),
        );

        // Numbering: the template's, with the draft's bullets under an id of their own.
        if let Some(theirs) = self.parts.get("word/numbering.xml") {
            let theirs = String::from_utf8_lossy(theirs).into_owned();
            let theirs_elements = xml::elements(&theirs);
            let numbering = text(&parts, "word/numbering.xml");
            let numbering_elements = xml::elements(&numbering);
            let bullets = BULLETS.to_string();
            let new_id = BULLET_ID.to_string();
            let abstract_num = xml::named(&numbering_elements, "w:abstractNum")
                .find(|e| e.attribute("w:abstractNumId") == Some(bullets.as_str()));
            if let (Some(abstract_num), Some(root)) = (abstract_num, theirs_elements.first()) {
                let mut renamed = Edits::default();
                renamed.set_attribute(abstract_num, "w:abstractNumId", &new_id);
                let definition = renamed.apply_within(&numbering, abstract_num.span.clone());
                // Abstract definitions come before the numbering instances.
                let before = xml::named(&theirs_elements, "w:num")
                    .next()
                    .map_or(root.content_end, |num| num.span.start);
                let mut edits = Edits::default();
                edits.insert(before, definition);
                let num = format!(
                    "<w:num w:numId=\"{BULLET_ID}\"><w:abstractNumId w:val=\"{BULLET_ID}\"/></w:num>"
                );
                edits.insert(root.content_end, num);
                for num_id in xml::named(&document_elements, "w:numId")
                    .filter(|e| e.attribute("w:val") == Some(bullets.as_str()))
                {
                    document_edits.set_attribute(num_id, "w:val", &new_id);
                }
                parts.insert(
                    "word/numbering.xml".into(),
                    edits.apply(&theirs).into_bytes(),
                );
            }
        }

        // The theme the template's styles refer to (its fonts and colours).
        if let Some(theme) = self.parts.get("word/theme/theme1.xml") {
            parts.insert("word/theme/theme1.xml".into(), theme.clone());
            add_relationship(&mut rels, "rIdMallTema", "theme", "theme/theme1.xml");
            add_override(
                &mut types,
                "/word/theme/theme1.xml",
                "application/vnd.openxmlformats-officedocument.theme+xml",
            );
        }

        // Page setup, headers and footers: the template's last section.
        let template_document = text(&self.parts, "word/document.xml");
        let template_elements = xml::elements(&template_document);
        if let Some(section) = xml::named(&template_elements, "w:sectPr").last() {
            let template_rels = text(&self.parts, "word/_rels/document.xml.rels");
            let template_rels = xml::elements(&template_rels);
            let mut section_edits = Edits::default();
            let references = template_elements
                .iter()
                .filter(|e| section.holds(e) && e.attribute("r:id").is_some());
            for (n, reference) in references.enumerate() {
                let id = reference.attribute("r:id").unwrap_or_default();
                let Some((kind, target)) = relationship(&template_rels, id) else {
                    continue;
                };
                let new_id = format!("rIdMall{}", n + 1);
                let part = format!("word/{target}");
                let Some(bytes) = self.parts.get(&part) else {
                    continue;
                };
                parts.insert(part.clone(), bytes.clone());
                self.copy_part_relations(&part, &mut parts, &mut types);
                add_relationship(&mut rels, &new_id, &kind, &target);
                let content = match kind.as_str() {
                    "header" => {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
                    }
                    _ => {
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
                    }
                };
                add_override(&mut types, &format!("/{part}"), content);
                section_edits.set_attribute(reference, "r:id", &new_id);
            }
            let section = section_edits.apply_within(&template_document, section.span.clone());
            if let Some(ours) = xml::named(&document_elements, "w:sectPr").last() {
                document_edits.replace(ours.span.clone(), section);
            }
        }

        parts.insert(
            "word/document.xml".into(),
            document_edits.apply(&document).into_bytes(),
        );
        parts.insert("word/_rels/document.xml.rels".into(), rels.into_bytes());
        parts.insert("[Content_Types].xml".into(), types.into_bytes());
        zip_parts(&parts).map_err(|e| broken(e.to_string()))
    }

    /// Copies what a header or footer part refers to (a logo) with its relations.
    fn copy_part_relations(
        &self,
        part: &str,
        parts: &mut BTreeMap<String, Vec<u8>>,
        types: &mut String,
    ) {
        let (folder, name) = part.rsplit_once('/').unwrap_or(("", part));
        let rels_name = format!("{folder}/_rels/{name}.rels");
        let Some(rels) = self.parts.get(&rels_name) else {
            return;
        };
        parts.insert(rels_name, rels.clone());
        let rels = String::from_utf8_lossy(rels);
        let elements = xml::elements(&rels);
        for relation in xml::named(&elements, "Relationship") {
            let Some(target) = relation.attribute("Target") else {
                continue;
            };
            if target.contains("://") || relation.attribute("TargetMode") == Some("External") {
                continue;
            }
            let path = format!("{folder}/{target}");
            if let Some(bytes) = self.parts.get(&path) {
                parts.insert(path.clone(), bytes.clone());
                if let Some((_, ext)) = target.rsplit_once('.') {
                    add_default(types, ext);
                }
            }
        }
    }
}

/// A part's text ("" when the package lacks it).
fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    parts
        .get(name)
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default()
}

/// Marks Swedish as the default language of the text (the draft is Swedish, whatever
/// language the template was made in), so that Word checks the spelling in Swedish: the
/// `w:lang` of the run defaults gets `w:val="sv-SE"`, added where it is missing.
fn in_swedish(styles: &[Element], edits: &mut Edits) {
    let Some(defaults) = xml::named(styles, "w:rPrDefault").next() else {
        return;
    };
    let inside = |name: &'static str| xml::named(styles, name).find(|e| defaults.holds(e));
    let lang = xml::empty_tag("w:lang", &[("w:val", "sv-SE")]);
    match (inside("w:lang"), inside("w:rPr")) {
        (Some(tag), _) => edits.set_attribute(tag, "w:val", "sv-SE"),
        (None, Some(run)) => edits.append_child(run, &lang),
        (None, None) => edits.append_child(defaults, &format!("<w:rPr>{lang}</w:rPr>")),
    }
}

/// Every part of a zip package, by name.
fn unzip(bytes: &[u8]) -> std::result::Result<BTreeMap<String, Vec<u8>>, zip::result::ZipError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i)?;
        if file.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        file.read_to_end(&mut data)?;
        parts.insert(file.name()?.to_string(), data);
    }
    Ok(parts)
}

/// A zip package of the parts, `[Content_Types].xml` first, the rest by name, with fixed
/// dates: the same parts give the same bytes.
fn zip_parts(
    parts: &BTreeMap<String, Vec<u8>>,
) -> std::result::Result<Vec<u8>, zip::result::ZipError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let first = "[Content_Types].xml";
    let order = parts
        .get_key_value(first)
        .into_iter()
        .chain(parts.iter().filter(|(n, _)| n.as_str() != first));
    for (name, data) in order {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(data)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Styles by their lower-case built-in name: (style id, type); the first `w:name` of each
/// style counts.
fn styles_by_name(styles: &str) -> BTreeMap<String, (String, String)> {
    let elements = xml::elements(styles);
    let mut out = BTreeMap::new();
    for style in xml::named(&elements, "w:style") {
        let (Some(id), Some(kind)) = (style.attribute("w:styleId"), style.attribute("w:type"))
        else {
            continue;
        };
        let name = xml::named(&elements, "w:name")
            .find(|e| style.holds(e))
            .and_then(|e| e.attribute("w:val"));
        if let Some(name) = name {
            out.entry(name.to_lowercase())
                .or_insert((id.to_string(), kind.to_string()));
        }
    }
    out
}

/// A header or footer relationship's kind ("header", "footer") and target, by id.
fn relationship(rels: &[Element], id: &str) -> Option<(String, String)> {
    let relation = xml::named(rels, "Relationship").find(|e| e.attribute("Id") == Some(id))?;
    let kind = relation.attribute("Type")?.rsplit('/').next()?;
    let target = relation.attribute("Target")?;
    matches!(kind, "header" | "footer").then(|| (kind.to_string(), target.to_string()))
}

/// Adds a relationship to a relationships part, unless one has the target already.
fn add_relationship(rels: &mut String, id: &str, kind: &str, target: &str) {
    let elements = xml::elements(rels);
    if xml::named(&elements, "Relationship").any(|e| e.attribute("Target") == Some(target)) {
        return;
    }
    let Some(root) = elements.first() else {
        return;
    };
    let kind =
        format!("http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}");
    let element = xml::empty_tag(
        "Relationship",
        &[("Id", id), ("Type", &kind), ("Target", target)],
    );
    let mut edits = Edits::default();
    edits.insert(root.content_end, element);
    *rels = edits.apply(rels);
}

/// Adds a part's content type to `[Content_Types].xml`, unless it has one.
fn add_override(types: &mut String, part: &str, content: &str) {
    let elements = xml::elements(types);
    if xml::named(&elements, "Override").any(|e| e.attribute("PartName") == Some(part)) {
        return;
    }
    let Some(root) = elements.first() else {
        return;
    };
    let element = xml::empty_tag("Override", &[("PartName", part), ("ContentType", content)]);
    let mut edits = Edits::default();
    edits.insert(root.content_end, element);
    *types = edits.apply(types);
}

/// Adds the content type of a file extension (a logo's) to `[Content_Types].xml`, unless it
/// has one; defaults come before overrides.
fn add_default(types: &mut String, extension: &str) {
    let extension = extension.to_lowercase();
    let elements = xml::elements(types);
    if xml::named(&elements, "Default")
        .any(|e| e.attribute("Extension").map(str::to_lowercase) == Some(extension.clone()))
    {
        return;
    }
    let Some(root) = elements.first() else {
        return;
    };
    let content = match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "emf" => "image/x-emf",
        "wmf" => "image/x-wmf",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
    let at = elements
        .iter()
        .find(|e| e.name == "Default" || e.name == "Override")
        .map_or(root.content_end, |e| e.span.start);
    let element = xml::empty_tag(
        "Default",
        &[("Extension", &extension), ("ContentType", content)],
    );
    let mut edits = Edits::default();
    edits.insert(at, element);
    *types = edits.apply(types);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_found_by_their_built_in_names() {
        let styles = r#"<w:styles><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style><w:style w:styleId="Beskrivning" w:type="paragraph"><w:name w:val="caption"/></w:style><w:style w:type="table" w:styleId="Tabellrutnt"><w:name w:val="Table Grid"/></w:style><w:style w:styleId = 'Rubrik2' w:type='paragraph'><w:name w:val='heading 2'/></w:style></w:styles>"#;
        let named = styles_by_name(styles);
        assert_eq!(named["heading 1"], ("Rubrik1".into(), "paragraph".into()));
        assert_eq!(named["caption"].0, "Beskrivning");
        assert_eq!(named["table grid"], ("Tabellrutnt".into(), "table".into()));
        assert_eq!(named["normal"].0, "Normal");
        // Single quotes, spaces and attribute order are XML's, not a text to match.
        assert_eq!(named["heading 2"], ("Rubrik2".into(), "paragraph".into()));
    }

    fn swedish(styles: &str) -> String {
        let mut edits = Edits::default();
        in_swedish(&xml::elements(styles), &mut edits);
        edits.apply(styles)
    }

    #[test]
    fn the_text_is_marked_swedish_whatever_the_template_says() {
        let en = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>"#;
        assert_eq!(
            swedish(en),
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:lang w:val="sv-SE" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>"#
        );
        // A language comes after the size in a run's properties.
        let none = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>"#;
        assert_eq!(
            swedish(none),
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault></w:docDefaults>"#
        );
        let empty = r#"<w:docDefaults><w:rPrDefault/></w:docDefaults>"#;
        assert_eq!(
            swedish(empty),
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault></w:docDefaults>"#
        );
        // Single quotes and other attributes are XML, not a text to match.
        let quoted = r#"<w:rPrDefault><w:rPr><w:lang w:eastAsia='zh-CN' w:val = 'en-GB'/></w:rPr></w:rPrDefault>"#;
        assert_eq!(
            swedish(quoted),
            r#"<w:rPrDefault><w:rPr><w:lang w:eastAsia="zh-CN" w:val="sv-SE"/></w:rPr></w:rPrDefault>"#
        );
    }

    #[test]
    fn the_last_section_is_found_whole_or_empty() {
        let doc = r#"<w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:pPr></w:p><w:sectPr w:rsidR="00"><w:headerReference w:type="default" r:id="rId7"/><w:pgMar w:top="2000"/></w:sectPr></w:body>"#;
        let elements = xml::elements(doc);
        let last = xml::named(&elements, "w:sectPr").last().unwrap();
        assert_eq!(
            &doc[last.span.clone()],
            r#"<w:sectPr w:rsidR="00"><w:headerReference w:type="default" r:id="rId7"/><w:pgMar w:top="2000"/></w:sectPr>"#
        );
        let references: Vec<_> = elements
            .iter()
            .filter(|e| last.holds(e))
            .filter_map(|e| e.attribute("r:id"))
            .collect();
        assert_eq!(references, ["rId7"]);
        let empty = "<a><w:sectPr/></a>";
        let elements = xml::elements(empty);
        let last = xml::named(&elements, "w:sectPr").last().unwrap();
        assert_eq!(&empty[last.span.clone()], "<w:sectPr/>");
    }
}
