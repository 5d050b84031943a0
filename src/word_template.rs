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
        let text = |parts: &BTreeMap<String, Vec<u8>>, name: &str| {
            parts
                .get(name)
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default()
        };
        let mut document = text(&parts, "word/document.xml");
        let mut rels = text(&parts, "word/_rels/document.xml.rels");
        let mut types = text(&parts, "[Content_Types].xml");
        let ours = text(&parts, "word/styles.xml");

        // Styles: the template's, with the draft's own definition of any it lacks.
        let mut styles = text(&self.parts, "word/styles.xml");
        for (id, _) in STYLES {
            match self.style_id(id) {
                Some(theirs) => {
                    document = document.replace(
                        &format!("<w:pStyle w:val=\"{id}\" />"),
                        &format!("<w:pStyle w:val=\"{theirs}\" />"),
                    );
                }
                None => {
                    if let Some(def) = style_element(&ours, id) {
                        styles = styles.replacen("</w:styles>", &format!("{def}</w:styles>"), 1);
                    }
                }
            }
        }
        parts.insert("word/styles.xml".into(), in_swedish(&styles).into_bytes());

        // Numbering: the template's, with the draft's bullets under an id of their own.
        if let Some(theirs) = self.parts.get("word/numbering.xml") {
            let theirs = String::from_utf8_lossy(theirs).into_owned();
            let numbering = text(&parts, "word/numbering.xml");
            let bullets = format!("w:abstractNumId=\"{}\"", BULLETS);
            if let Some(abstract_num) = element_with(&numbering, "w:abstractNum", &bullets) {
                let abstract_num =
                    abstract_num.replacen(&bullets, &format!("w:abstractNumId=\"{BULLET_ID}\""), 1);
                let num = format!(
                    "<w:num w:numId=\"{BULLET_ID}\"><w:abstractNumId w:val=\"{BULLET_ID}\" /></w:num>"
                );
                // Abstract definitions come before the numbering instances.
                let merged = match theirs.find("<w:num ") {
                    Some(at) => format!("{}{abstract_num}{}", &theirs[..at], &theirs[at..]),
                    None => theirs.replacen(
                        "</w:numbering>",
                        &format!("{abstract_num}</w:numbering>"),
                        1,
                    ),
                };
                let merged = merged.replacen("</w:numbering>", &format!("{num}</w:numbering>"), 1);
                document = document.replace(
                    &format!("<w:numId w:val=\"{}\" />", BULLETS),
                    &format!("<w:numId w:val=\"{BULLET_ID}\" />"),
                );
                parts.insert("word/numbering.xml".into(), merged.into_bytes());
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
        if let Some(section) = last_element(&template_document, "w:sectPr") {
            let template_rels = text(&self.parts, "word/_rels/document.xml.rels");
            let mut section = section.to_string();
            for (n, id) in reference_ids(&section).into_iter().enumerate() {
                let Some((kind, target)) = relationship(&template_rels, &id) else {
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
                section = section.replace(&format!("r:id=\"{id}\""), &format!("r:id=\"{new_id}\""));
            }
            if let Some(ours) = last_element(&document, "w:sectPr") {
                document = document.replacen(ours, &section, 1);
            }
        }

        parts.insert("word/document.xml".into(), document.into_bytes());
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
        for target in attribute_values(&rels, "Target") {
            if target.contains("://") {
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

/// The styles with Swedish as the default language of the text (the draft is Swedish,
/// whatever language the template was made in), so that Word checks the spelling in Swedish.
fn in_swedish(styles: &str) -> String {
    let Some(start) = styles.find("<w:rPrDefault>") else {
        return styles.to_string();
    };
    let end = styles[start..]
        .find("</w:rPrDefault>")
        .map_or(styles.len(), |e| start + e);
    let defaults = &styles[start..end];
    let swedish = match defaults.find("<w:lang ") {
        Some(at) => {
            let tag_end = defaults[at..]
                .find('>')
                .map_or(defaults.len(), |e| at + e + 1);
            let tag = &defaults[at..tag_end];
            let new = match attribute(tag, "w:val") {
                Some(v) => tag.replacen(&format!("w:val=\"{v}\""), "w:val=\"sv-SE\"", 1),
                None => tag.replacen("<w:lang ", "<w:lang w:val=\"sv-SE\" ", 1),
            };
            format!("{}{new}{}", &defaults[..at], &defaults[tag_end..])
        }
        None if defaults.contains("<w:rPr>") => {
            defaults.replacen("<w:rPr>", "<w:rPr><w:lang w:val=\"sv-SE\"/>", 1)
        }
        None => defaults.replacen(
            "<w:rPrDefault>",
            "<w:rPrDefault><w:rPr><w:lang w:val=\"sv-SE\"/></w:rPr>",
            1,
        ),
    };
    format!("{}{swedish}{}", &styles[..start], &styles[end..])
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

/// Styles by their lower-case built-in name: (style id, type). Read with quick-xml, so that
/// quoting, attribute order and entities are as XML has them.
fn styles_by_name(styles: &str) -> BTreeMap<String, (String, String)> {
    use quick_xml::events::Event;
    let mut out = BTreeMap::new();
    let mut xml = quick_xml::Reader::from_str(styles);
    // The style being read (id, type), and whether its name was seen.
    let mut current: Option<(String, String)> = None;
    let mut named = false;
    loop {
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.name().as_ref() {
                "w:style" => {
                    current = xml_attribute(&e, "w:styleId").zip(xml_attribute(&e, "w:type"));
                    named = false;
                }
                "w:name" if !named => {
                    if let (Some(style), Some(name)) = (&current, xml_attribute(&e, "w:val")) {
                        out.entry(name.to_lowercase()).or_insert(style.clone());
                        named = true;
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.name().as_ref() == "w:style" => current = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// An attribute's value in a start tag read by quick-xml, entities resolved.
fn xml_attribute(tag: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    tag.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// An attribute's value in a start tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].to_string())
}

/// Every value of an attribute in a text.
fn attribute_values(text: &str, name: &str) -> Vec<String> {
    let key = format!(" {name}=\"");
    text.match_indices(&key)
        .filter_map(|(at, _)| {
            let start = at + key.len();
            text[start..]
                .find('"')
                .map(|e| text[start..start + e].to_string())
        })
        .collect()
}

/// The `<w:style>` element of one style id.
fn style_element(styles: &str, id: &str) -> Option<String> {
    element_with(styles, "w:style", &format!("w:styleId=\"{id}\""))
}

/// The first element `name` whose start tag holds `marker`, whole.
fn element_with(text: &str, name: &str, marker: &str) -> Option<String> {
    let open = format!("<{name} ");
    let close = format!("</{name}>");
    let mut from = 0;
    while let Some(at) = text[from..].find(&open).map(|a| a + from) {
        let tag_end = text[at..].find('>')? + at;
        let end = text[at..].find(&close)? + at + close.len();
        if text[at..tag_end].contains(marker) {
            return Some(text[at..end].to_string());
        }
        from = tag_end;
    }
    None
}

/// The last element `name` in a text, whole (`<w:sectPr …>…</w:sectPr>` or empty).
fn last_element<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let at = text.rfind(&format!("<{name}"))?;
    let rest = &text[at..];
    let tag_end = rest.find('>')?;
    if rest[..tag_end].ends_with('/') {
        return Some(&rest[..=tag_end]);
    }
    let close = format!("</{name}>");
    let end = rest.find(&close)? + close.len();
    Some(&rest[..end])
}

/// The relationship ids a section refers to (its headers and footers).
fn reference_ids(section: &str) -> Vec<String> {
    attribute_values(section, "r:id")
}

/// A relationship's kind ("header", "footer") and target, by id.
fn relationship(rels: &str, id: &str) -> Option<(String, String)> {
    use quick_xml::events::Event;
    let mut xml = quick_xml::Reader::from_str(rels);
    loop {
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e))
                if e.name().as_ref() == "Relationship"
                    && xml_attribute(&e, "Id").as_deref() == Some(id) =>
            {
                let kind = xml_attribute(&e, "Type")?.rsplit('/').next()?.to_string();
                let target = xml_attribute(&e, "Target")?;
                return matches!(kind.as_str(), "header" | "footer").then_some((kind, target));
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

fn add_relationship(rels: &mut String, id: &str, kind: &str, target: &str) {
    if rels.contains(&format!("Target=\"{target}\"")) {
        return;
    }
    let element = format!(
        "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{target}\" />"
    );
    *rels = rels.replacen("</Relationships>", &format!("{element}</Relationships>"), 1);
}

fn add_override(types: &mut String, part: &str, content: &str) {
    if types.contains(&format!("PartName=\"{part}\"")) {
        return;
    }
    let element = format!("<Override PartName=\"{part}\" ContentType=\"{content}\" />");
    *types = types.replacen("</Types>", &format!("{element}</Types>"), 1);
}

fn add_default(types: &mut String, extension: &str) {
    let extension = extension.to_lowercase();
    if types.contains(&format!("Extension=\"{extension}\"")) {
        return;
    }
    let content = match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "emf" => "image/x-emf",
        "wmf" => "image/x-wmf",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
    let element = format!("<Default Extension=\"{extension}\" ContentType=\"{content}\" />");
    *types = types.replacen("<Default ", &format!("{element}<Default "), 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_found_by_their_built_in_names() {
        let styles = r#"<w:styles><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style><w:style w:styleId="Beskrivning" w:type="paragraph"><w:name w:val="caption"/></w:style><w:style w:type="table" w:styleId="Tabellrutnt"><w:name w:val="Table Grid"/></w:style></w:styles>"#;
        let named = styles_by_name(styles);
        assert_eq!(named["heading 1"], ("Rubrik1".into(), "paragraph".into()));
        assert_eq!(named["caption"].0, "Beskrivning");
        assert_eq!(named["table grid"], ("Tabellrutnt".into(), "table".into()));
        assert_eq!(named["normal"].0, "Normal");
    }

    #[test]
    fn the_text_is_marked_swedish_whatever_the_template_says() {
        let en = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>"#;
        assert_eq!(
            in_swedish(en),
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/><w:lang w:val="sv-SE" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>"#
        );
        let none =
            "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"24\"/></w:rPr></w:rPrDefault>";
        assert!(in_swedish(none).contains("<w:rPr><w:lang w:val=\"sv-SE\"/><w:sz"));
    }

    #[test]
    fn the_last_section_is_found_whole_or_empty() {
        let doc = r#"<w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:pPr></w:p><w:sectPr w:rsidR="00"><w:headerReference w:type="default" r:id="rId7"/><w:pgMar w:top="2000"/></w:sectPr></w:body>"#;
        let last = last_element(doc, "w:sectPr").unwrap();
        assert!(last.starts_with("<w:sectPr w:rsidR"));
        assert!(last.ends_with("</w:sectPr>"));
        assert_eq!(reference_ids(last), ["rId7"]);
        assert_eq!(
            last_element("<a><w:sectPr/></a>", "w:sectPr"),
            Some("<w:sectPr/>")
        );
    }
}
