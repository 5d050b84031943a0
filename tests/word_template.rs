//! The Word draft in the user's own template (#24 item 8): the template's styles (found by
//! their built-in names, whatever their ids), page setup, headers and footers; its own body
//! text left out; a template that cannot be used stops the run with the reason and leaves
//! the old report as it was. One template is made by LibreOffice (tests/fixtures/templates,
//! from the .fodt beside it), one is built here with the style ids a Swedish Word gives.

use crate::common;

use std::io::{Read, Write};
use std::path::Path;

use common::{Work, files_under};

const LIBREOFFICE: &str = "tests/fixtures/templates/libreoffice-mall.dotx";

/// A part of a zip package as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in {}", path.display()))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Every paragraph style the document uses, with how many paragraphs carry it.
fn paragraph_styles(document: &str) -> std::collections::BTreeMap<String, usize> {
    let mut out = std::collections::BTreeMap::new();
    for chunk in document.split("<w:pStyle w:val=\"").skip(1) {
        let id = chunk.split('"').next().unwrap().to_string();
        *out.entry(id).or_default() += 1;
    }
    out
}

/// A template as a Swedish Word saves one: style ids Rubrik1, Rubrik2, Rubrik, Beskrivning,
/// a table style Tabellrutnät, numbering ids 1 and 2 of its own, a header, and body text.
fn swedish_template(path: &Path) {
    let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/><w:sz w:val="24"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:color w:val="C00000"/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="C00000"/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:sz w:val="48"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Beskrivning"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="table" w:styleId="Tabellrutnt"><w:name w:val="Tabellrutnät"/></w:style></w:styles>"#;
    let numbering = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#;
    let document = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr><w:r><w:t>MALLTEXT Skriv rubrik här</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2268" w:right="1134" w:bottom="1418" w:left="2268" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#;
    let header = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>MALLHUVUD Exempelförvaltningen</w:t></w:r></w:p></w:hdr>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#;
    let types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"/></Types>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("[Content_Types].xml", types),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
        ("word/header1.xml", header),
        ("word/_rels/document.xml.rels", rels),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

fn demo(w: &Work) {
    let r = w.run(&["demo"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn the_draft_takes_a_libreoffice_templates_styles_page_and_header() {
    let w = Work::new();
    demo(&w);
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join(LIBREOFFICE);
    let r = w.run(&["--word-template", template.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let docx = w.path("output/2026/utkast-2026.docx");
    let document = part(&docx, "word/document.xml");
    // LibreOffice names its styles "Heading 1", "Caption": the ids it gives are kept.
    let styles = paragraph_styles(&document);
    assert_eq!(styles.get("Heading1"), Some(&14), "{styles:?}");
    assert_eq!(styles.get("Caption"), Some(&9), "{styles:?}");
    // Its styles whole, the draft's Title added (LibreOffice's template has none), and the
    // text marked Swedish (the template says en-US).
    let ours = part(&docx, "word/styles.xml");
    let theirs = part(&template, "word/styles.xml");
    for chunk in theirs.split("w:styleId=\"").skip(1) {
        let id = chunk.split('"').next().unwrap();
        assert!(ours.contains(&format!("w:styleId=\"{id}\"")), "{id}");
    }
    assert!(!theirs.contains(r#"w:styleId="Title""#));
    assert!(ours.contains(r#"w:styleId="Title""#));
    assert!(
        theirs.contains(r#"<w:color w:val="006EA8"/>"#)
            && ours.contains(r#"<w:color w:val="006EA8"/>"#)
    );
    assert!(
        ours.contains(r#"<w:lang w:val="sv-SE" w:eastAsia="zh-CN""#),
        "{ours}"
    );
    // The page (left margin 3 cm = 1701 twips) and the header and footer.
    assert!(document.contains(r#"<w:pgMar w:left="1701" w:right="1134""#));
    assert!(part(&docx, "word/header1.xml").contains("MALLHUVUD Exempelförvaltningen"));
    assert!(part(&docx, "word/footer1.xml").contains("MALLFOT Stockholms stad"));
    assert!(document.contains(r#"<w:headerReference w:type="default" r:id="rIdMall1"/>"#));
    assert!(part(&docx, "word/_rels/document.xml.rels").contains(r#"Id="rIdMall1""#));
    assert!(part(&docx, "[Content_Types].xml").contains(r#"PartName="/word/header1.xml""#));
    // The template's own body text is left out.
    assert!(!document.contains("MALLTEXT"));
}

#[test]
fn a_swedish_templates_style_ids_are_found_by_their_built_in_names() {
    let w = Work::new();
    demo(&w);
    swedish_template(&w.path("input/Mall.dotx"));
    let config = "[report]\norganisation = \"Exempelförvaltningen\"\n\n[draft]\ntemplate = \"Mall.dotx\"\ntable_style = \"Tabellrutnät\"\n";
    std::fs::write(w.input("genomgang.toml"), config).unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let docx = w.path("output/2026/utkast-2026.docx");
    let document = part(&docx, "word/document.xml");
    let styles = paragraph_styles(&document);
    // Every paragraph of the draft in the template's styles: Rubrik, Rubrik 1 and 2,
    // Beskrivning; body text in the default (Normal) style; none of the draft's own left.
    assert_eq!(styles.get("Rubrik"), Some(&1), "{styles:?}");
    assert_eq!(styles.get("Rubrik1"), Some(&14), "{styles:?}");
    assert_eq!(styles.get("Beskrivning"), Some(&9), "{styles:?}");
    assert!(styles.get("Rubrik2").is_some_and(|n| *n > 0), "{styles:?}");
    for ours in ["Heading1", "Heading2", "Title", "Caption"] {
        assert!(!styles.contains_key(ours), "{ours}: {styles:?}");
    }
    assert!(part(&docx, "word/styles.xml").contains(r#"w:styleId="Rubrik1""#));
    // The bullets keep a list of their own beside the template's numbered headings.
    let numbering = part(&docx, "word/numbering.xml");
    assert!(numbering.contains(r#"<w:num w:numId="1">"#));
    assert!(numbering.contains(r#"<w:num w:numId="9001"><w:abstractNumId w:val="9001"/></w:num>"#));
    // Tags the template's rewriting touches are written by quick-xml (no space before "/>").
    assert!(document.contains(r#"<w:numId w:val="9001"/>"#));
    assert!(!document.contains(r#"<w:numId w:val="2""#));
    assert!(document.contains(r#"<w:pStyle w:val="Rubrik1"/>"#));
    assert!(
        document.contains(r#"<w:pgMar w:top="2268" w:right="1134" w:bottom="1418" w:left="2268""#)
    );
    assert!(part(&docx, "word/header1.xml").contains("MALLHUVUD"));
    assert!(!document.contains("MALLTEXT"));
}

#[test]
fn a_template_that_cannot_be_used_stops_the_run_and_keeps_the_old_report() {
    let w = Work::new();
    demo(&w);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = files_under(&w.path("output"));
    let template = w.path("Mall.dotx");
    let cases: [(&[u8], &str); 3] = [
        (
            b"not a zip at all",
            "it is not a Word document or template (.docx or .dotx)",
        ),
        (
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            "it is password-protected",
        ),
        (
            &[],
            "it is not a Word document or template (.docx or .dotx)",
        ),
    ];
    for (bytes, reason) in cases {
        std::fs::write(&template, bytes).unwrap();
        let r = w.run(&["--word-template", "Mall.dotx"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr
                .contains("the Word template Mall.dotx cannot be used")
                && r.stderr.contains(reason),
            "{}",
            r.stderr
        );
        assert_eq!(files_under(&w.path("output")), before);
    }
    // A workbook given as the template.
    let r = w.run(&[
        "--word-template",
        w.path("output/2026/ledningens-genomgang-2026.xlsx")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("it has no word/document.xml"),
        "{}",
        r.stderr
    );
    // A table style the template does not have.
    swedish_template(&template);
    std::fs::write(
        w.path("genomgang.toml"),
        "[draft]\ntemplate = \"Mall.dotx\"\ntable_style = \"Rutnät saknas\"\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("[draft] table_style names \"Rutnät saknas\""),
        "{}",
        r.stderr
    );
    assert_eq!(files_under(&w.path("output")), before);
}
