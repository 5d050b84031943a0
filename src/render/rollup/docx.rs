//! `sammanstallning-<year>.docx`: one page for the city's security function: the
//! observations, the city's key figures and an empty *Förslag till beslut* box.
//!
//! In: the [`Compilation`]. Out: the .docx bytes (docx-rs), Swedish, with fixed dates from
//! the latest as-of date so that the same input gives the same bytes.

use docx_rs::{
    Docx, IndentLevel, LineSpacing, NumberingId, PageMargin, Paragraph, Run, RunFonts, Style,
    StyleType, Table, TableCell, TableRow, WidthType,
};

use super::words;
use crate::error::{Error, Result};
use crate::render::docx::{styled, with_swedish};
use crate::rollup::measures::Measure;
use crate::rollup::model::Compilation;

/// The city's figures on the page, in order.
const KEY_FIGURES: [Measure; 8] = [
    Measure::Incidents,
    Measure::PersonalData,
    Measure::Stale,
    Measure::ObjectsClassified,
    Measure::NisObjectsClassified,
    Measure::ActionsDoneShare,
    Measure::MaturityMean,
    Measure::TrainingShare,
];

/// The document's bytes.
pub fn document(c: &Compilation, _heat_map: Option<&[u8]>) -> Result<Vec<u8>> {
    let date = format!("{}T00:00:00Z", c.as_of_range.0);
    let mut doc = Docx::new()
        .page_size(11_906, 16_838)
        .page_margin(
            PageMargin::new()
                .top(1_134)
                .bottom(1_134)
                .left(1_418)
                .right(1_418),
        )
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri"))
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(100))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(36)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .size(28)
                .bold()
                .line_spacing(LineSpacing::new().before(240).after(80)),
        )
        .created_at(&date)
        .updated_at(&date);
    doc = doc
        .add_paragraph(styled("Title", &format!("{} {}", c.title, c.year)))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(words::subtitle(c)).italic()))
        .add_paragraph(styled("Heading1", "Iakttagelser").keep_next(true));
    let bullets = crate::render::docx::BULLET_NUMBERING;
    doc = crate::render::docx::with_bullets(doc);
    for o in &c.observations {
        let (text, sheet) = words::observation(&o.0, &o.1, c.year);
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{text} (bladet {sheet})")))
                .numbering(NumberingId::new(bullets), IndentLevel::new(0)),
        );
    }
    doc = doc.add_paragraph(styled("Heading1", "Staden i siffror").keep_next(true));
    let rows: Vec<TableRow> = KEY_FIGURES
        .iter()
        .map(|&m| {
            let city = &c.city[m.index()];
            TableRow::new(vec![
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(m.label()))),
                TableCell::new().add_paragraph(
                    Paragraph::new()
                        .align(docx_rs::AlignmentType::Right)
                        .add_run(Run::new().add_text(words::city(m, city)).bold()),
                ),
                TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(
                    format!(
                        "{}, {} av {} förvaltningar",
                        words::method(m),
                        city.reported_by,
                        c.admins.len()
                    ),
                ))),
            ])
        })
        .collect();
    doc = doc.add_table(
        Table::new(rows)
            .set_grid(vec![4_200, 1_500, 3_300])
            .width(9_000, WidthType::Dxa),
    );
    doc = doc
        .add_paragraph(styled("Heading1", "Förslag till beslut").keep_next(true))
        .add_table(
            Table::new(vec![TableRow::new(vec![
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(
                        Run::new()
                            .add_text("Fylls i av stadens informationssäkerhetsfunktion inför mötet.")
                            .italic(),
                    ))
                    .add_paragraph(Paragraph::new())
                    .add_paragraph(Paragraph::new())
                    .add_paragraph(Paragraph::new()),
            ])])
            .set_grid(vec![9_000])
            .width(9_000, WidthType::Dxa),
        )
        .add_paragraph(Paragraph::new().add_run(
            Run::new()
                .add_text(format!(
                    "Underlag: arbetsboken {} (bladen Översikt, Värmekarta och Per mått). Skapad med {}.",
                    super::workbook_name(c.year),
                    c.generator
                ))
                .size(18),
        ));
    let mut xml = doc.build();
    xml.styles = with_swedish(&xml.styles);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| Error::Workbook {
        path: super::docx_name(c.year).into(),
        message: e.to_string(),
    })?;
    Ok(out.into_inner())
}
