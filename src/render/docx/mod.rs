//! `utkast-<Y>.docx`: the review's sections as a Word document, for the ISAM to copy into
//! the city's template or print as it is.
//!
//! In: the [`Report`] and the charts' PNGs. Out: the .docx bytes, written with docx-rs. Real
//! Word structure: the built-in heading styles (Heading 1/2, shown as Rubrik 1/2 in a
//! Swedish Word, so a template restyles them), bullet lists as lists, tables as tables, each
//! chart inline 16 cm wide with a caption, and Swedish as the document's language. The text
//! is the draft's ([`super::draft`]), in the seed report's order; lists name objects, risks
//! and statuses. Fixed ids and dates from the as-of date: the same input gives the same bytes.

mod abbreviations;
mod sections;

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat,
    Numbering, NumberingId, PageMargin, Paragraph, Pic, Run, RunFonts, SpecialIndentType, Start,
    Style, StyleType,
};

use super::charts::ChartFile;
use crate::error::{Error, Result};
use crate::report::Report;

/// The bullet list's numbering id, for documents made with [`with_bullets`].
pub(crate) const BULLET_NUMBERING: usize = BULLETS;

/// The document with the bullet list's numbering defined ("•", hanging indent).
pub(crate) fn with_bullets(doc: Docx) -> Docx {
    doc.add_abstract_numbering(
        AbstractNumbering::new(BULLETS).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None),
        ),
    )
    .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// The file name of the Word draft for a year.
pub fn file_name(year: i32) -> String {
    format!("utkast-{year}.docx")
}

/// Width of a chart in the document: 16 cm in EMU (914 400 per inch).
const CHART_WIDTH_EMU: u32 = 5_760_720;
/// The bullet list's numbering id (docx-rs defines a numbered list as 1); the Word template
/// keeps the draft's list under it.
const BULLETS: usize = crate::word_template::BULLETS;

/// One block of the document, in order.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    /// The document's title.
    Title(String),
    /// A Heading 1.
    Heading(String),
    /// A Heading 2.
    Subheading(String),
    /// A paragraph of running text.
    Text(String),
    /// A short line printed on the page of the block after it (a signature's name and
    /// title).
    Line(String),
    /// A bullet point.
    Bullet(String),
    /// A chart by its file stem, with its caption after "Figur N. ".
    Chart(&'static str, String),
}

/// The document's bytes.
pub fn document(r: &Report, charts: &[ChartFile]) -> Result<Vec<u8>> {
    let blocks = sections::blocks(r, charts);
    let mut doc = Docx::new()
        .page_size(11_906, 16_838)
        .page_margin(
            PageMargin::new()
                .top(1_418)
                .bottom(1_418)
                .left(1_418)
                .right(1_418),
        )
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri"))
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(120))
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .size(32)
                .bold()
                .line_spacing(LineSpacing::new().before(360).after(120)),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .size(26)
                .bold()
                .line_spacing(LineSpacing::new().before(240).after(80)),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(40)
                .bold(),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .size(18)
                .italic(),
        )
        .created_at(&format!("{}T00:00:00Z", r.as_of))
        .updated_at(&format!("{}T00:00:00Z", r.as_of));
    doc = with_bullets(doc);
    let mut figure = 0;
    let mut blocks = blocks.into_iter().map(Block::plain).peekable();
    while let Some(block) = blocks.next() {
        // A lead-in stays on the page of its list.
        let lead_in = matches!(blocks.peek(), Some(Block::Bullet(_)));
        doc = match block {
            Block::Title(t) => doc.add_paragraph(styled("Title", &t)),
            // A heading stays on the page of what follows it.
            Block::Heading(t) => doc.add_paragraph(styled("Heading1", &t).keep_next(true)),
            Block::Subheading(t) => doc.add_paragraph(styled("Heading2", &t).keep_next(true)),
            Block::Text(t) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(t))
                    .keep_next(lead_in),
            ),
            Block::Line(t) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(t))
                    .line_spacing(LineSpacing::new().after(0))
                    .keep_next(true),
            ),
            Block::Bullet(t) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(t))
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
            ),
            Block::Chart(stem, caption) => {
                let Some(png) = charts.iter().find(|c| c.name == format!("{stem}.png")) else {
                    continue;
                };
                figure += 1;
                let (w, h) = png_size(&png.bytes);
                let height =
                    (u64::from(CHART_WIDTH_EMU) * u64::from(h) / u64::from(w.max(1))) as u32;
                let pic = Pic::new_with_dimensions(png.bytes.clone(), w, h)
                    .size(CHART_WIDTH_EMU, height)
                    .id(format!("rIdFigur{figure}"));
                // A picture stays on the page of its caption.
                doc.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_image(pic))
                        .keep_next(true),
                )
                .add_paragraph(styled("Caption", &format!("Figur {figure}. {caption}")))
            }
        };
    }
    let mut xml = doc.build();
    xml.styles = with_swedish(&xml.styles);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| Error::Workbook {
        path: file_name(r.year).into(),
        message: e.to_string(),
    })?;
    match &r.about.word_template {
        Some(template) => template.apply(&out.into_inner()),
        None => Ok(out.into_inner()),
    }
}

impl Block {
    /// The block's text (a chart's caption).
    fn text(&self) -> &str {
        match self {
            Block::Title(t)
            | Block::Heading(t)
            | Block::Subheading(t)
            | Block::Text(t)
            | Block::Line(t)
            | Block::Bullet(t)
            | Block::Chart(_, t) => t,
        }
    }

    /// The block with the label marks removed from its text.
    fn plain(self) -> Block {
        use super::draft::plain;
        match self {
            Block::Title(t) => Block::Title(plain(&t)),
            Block::Heading(t) => Block::Heading(plain(&t)),
            Block::Subheading(t) => Block::Subheading(plain(&t)),
            Block::Text(t) => Block::Text(plain(&t)),
            Block::Line(t) => Block::Line(plain(&t)),
            Block::Bullet(t) => Block::Bullet(plain(&t)),
            Block::Chart(stem, caption) => Block::Chart(stem, plain(&caption)),
        }
    }
}

/// The document's text without its charts, as (kind, text) in order: `'#'` for a heading
/// (title and Heading 1), `'='` for a subheading, `'-'` for a bullet, `'>'` for a line kept
/// with the next, `' '` for running text, labels unmarked; for the workbook's sheet *Utkast
/// till text*.
pub fn text_blocks(r: &Report) -> Vec<(char, String)> {
    sections::blocks(r, &[])
        .into_iter()
        .filter_map(|b| match b.plain() {
            Block::Title(t) | Block::Heading(t) => Some(('#', t)),
            Block::Subheading(t) => Some(('=', t)),
            Block::Line(t) => Some(('>', t)),
            Block::Text(t) => Some((' ', t)),
            Block::Bullet(t) => Some(('-', t)),
            Block::Chart(..) => None,
        })
        .collect()
}

/// The same document as Markdown (`utkast.md`): the same blocks, a chart as a picture link
/// into `diagram/` with its caption, labels from the data escaped.
pub fn markdown(r: &Report, charts: &[ChartFile]) -> String {
    use super::draft::markdown_paragraph as md;
    let mut out = String::new();
    let mut figure = 0;
    for block in sections::blocks(r, charts) {
        match block {
            Block::Title(t) => out.push_str(&format!("# {}\n", md(&t))),
            Block::Heading(t) => out.push_str(&format!("\n## {}\n", md(&t))),
            Block::Subheading(t) => out.push_str(&format!("\n### {}\n", md(&t))),
            Block::Text(t) | Block::Line(t) => out.push_str(&format!("\n{}\n", md(&t))),
            Block::Bullet(t) => out.push_str(&format!("- {}\n", md(&t))),
            Block::Chart(stem, caption) => {
                if charts.iter().any(|c| c.name == format!("{stem}.png")) {
                    figure += 1;
                    out.push_str(&format!(
                        "\n![Figur {figure}. {c}](diagram/{stem}.png)\n\n*Figur {figure}. {c}*\n",
                        c = md(&caption)
                    ));
                }
            }
        }
    }
    out
}

pub(crate) fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

/// Width and height of a PNG, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    if bytes.len() >= 24 && &bytes[12..16] == b"IHDR" {
        (be(&bytes[16..20]), be(&bytes[20..24]))
    } else {
        (super::charts::WIDTH, super::charts::HEIGHT)
    }
}

/// The styles part with Swedish as the default language of every run, so that Word checks
/// the spelling in Swedish (docx-rs has no setting for it).
pub(crate) fn with_swedish(styles: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    let lang = r#"<w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA" />"#;
    let text = if text.contains("<w:rPrDefault><w:rPr />") {
        text.replacen(
            "<w:rPrDefault><w:rPr />",
            &format!("<w:rPrDefault><w:rPr>{lang}</w:rPr>"),
            1,
        )
    } else {
        text.replacen(
            "<w:rPrDefault><w:rPr>",
            &format!("<w:rPrDefault><w:rPr>{lang}"),
            1,
        )
    };
    text.into_bytes()
}
