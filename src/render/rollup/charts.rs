//! The compilation's charts, PNG and SVG in `diagram/`: the heat map (administrations ×
//! the measures with a good direction, five shades from clearly better than the city's
//! median to clearly worse, a grey dash where nothing was reported), and one ranked bar
//! chart per measure, this year against last.
//!
//! In: the [`Compilation`]. Out: [`ChartFile`]s. The shades grow darker in one hue, and
//! every cell carries its value, so the heat map reads on a black-and-white print.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::words;
use crate::error::Result;
use crate::render::charts::style::{CURRENT, GRID, NOTE, PREVIOUS, TEXT};
use crate::render::charts::style::{font, note_font, rgb, titles};
use crate::render::charts::{ChartFile, DrawError, Drawing, chart_files, png_of, svg_of};
use crate::render::palette::{HEAT, NOT_REPORTED};
use crate::rollup::measures::{Measure, Unit};
use crate::rollup::model::Compilation;

/// The heat map's file stem.
pub const HEAT_MAP: &str = "varmekarta";

/// Every chart, PNG and SVG, in order.
pub fn draw_all(c: &Compilation) -> Result<Vec<ChartFile>> {
    let mut jobs: Vec<(String, Box<dyn Fn() -> Drawn + Sync + '_>)> = Vec::new();
    jobs.push((
        HEAT_MAP.to_string(),
        Box::new(|| {
            let h = HeatMap(c);
            let size = h.size();
            (png_of(&h, size), svg_of(&h, size))
        }),
    ));
    for m in Measure::ALL {
        if m == Measure::IncidentsPreviousYearSamePeriod || m.unit() == Unit::YesNo {
            continue;
        }
        jobs.push((
            format!("per-matt-{}", m.key().replace('_', "-")),
            Box::new(move || {
                let b = Ranked(c, m);
                let size = b.size();
                (png_of(&b, size), svg_of(&b, size))
            }),
        ));
    }
    // On every core: the bitmaps are the slow part.
    let drawn = crate::parallel::map_in_order(jobs.len(), crate::ingest::default_workers(), |i| {
        (jobs[i].1)()
    });
    let mut files = Vec::new();
    for ((stem, _), (png, svg)) in jobs.iter().zip(drawn) {
        files.extend(chart_files(stem, png, svg)?);
    }
    Ok(files)
}

type Drawn = (
    std::result::Result<Vec<u8>, DrawError>,
    std::result::Result<String, DrawError>,
);

/// Text of `size` anchored at its centre.
fn centred(size: u32, color: &'static RGBColor) -> TextStyle<'static> {
    font(size)
        .color(color)
        .pos(Pos::new(HPos::Center, VPos::Center))
}

/// Text of `size` anchored at its left middle.
fn left(size: u32) -> TextStyle<'static> {
    font(size).pos(Pos::new(HPos::Left, VPos::Center))
}

/// Words wrapped into lines of at most `chars` characters.
fn wrap(text: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

struct HeatMap<'a>(&'a Compilation);

const NAME_W: i32 = 520;
const COL_W: i32 = 200;
const ROW_H: i32 = 46;
const HEAD_TOP: i32 = 150;
const HEAD_H: i32 = 170;
const CELL_TEXT: u32 = 28;

impl HeatMap<'_> {
    fn size(&self) -> (u32, u32) {
        let cols = self.0.heat_map.columns.len() as i32;
        let rows = self.0.admins.len() as i32;
        (
            (80 + NAME_W + cols * COL_W) as u32,
            (HEAD_TOP + HEAD_H + rows * ROW_H + 150) as u32,
        )
    }
}

impl Drawing for HeatMap<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
    ) -> std::result::Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        let c = self.0;
        root.fill(&WHITE)?;
        titles(
            root,
            &format!("{} {}: värmekarta", c.title, c.year),
            "Varje förvaltning mot stadens median, i den riktning som är bra för måttet: ljusare är bättre, mörkare sämre",
        )?;
        let columns = &c.heat_map.columns;
        let x0 = 40 + NAME_W;
        for (j, (column, _, _)) in columns.iter().enumerate() {
            let x = x0 + j as i32 * COL_W + COL_W / 2;
            let lines = wrap(column.label(), 14);
            let n = lines.len().min(3) as i32;
            for (k, line) in lines.iter().take(3).enumerate() {
                let y = HEAD_TOP + HEAD_H - 60 - (n - k as i32) * 30;
                root.draw(&Text::new(line.clone(), (x, y), centred(26, &TEXT)))?;
            }
            root.draw(&Text::new(
                super::xlsx::direction(*column).to_string(),
                (x, HEAD_TOP + HEAD_H - 30),
                centred(22, &NOTE),
            ))?;
        }
        let top = HEAD_TOP + HEAD_H;
        for (i, a) in c.admins.iter().enumerate() {
            let y = top + i as i32 * ROW_H;
            root.draw(&Text::new(
                crate::render::charts::style::short(&a.source.organisation),
                (40, y + ROW_H / 2),
                left(CELL_TEXT),
            ))?;
            for (j, (column, cells, _)) in columns.iter().enumerate() {
                let x = x0 + j as i32 * COL_W;
                let cell = cells[i];
                let fill = cell.shade().map_or(NOT_REPORTED, |l| HEAT[l as usize]);
                root.draw(&Rectangle::new(
                    [(x, y), (x + COL_W, y + ROW_H)],
                    rgb(fill).filled(),
                ))?;
                root.draw(&Rectangle::new(
                    [(x, y), (x + COL_W, y + ROW_H)],
                    GRID.stroke_width(1),
                ))?;
                let color: &'static RGBColor = match cell.shade() {
                    Some(_) => &TEXT,
                    None => &NOTE,
                };
                let text = words::heat_cell(*column, cell);
                root.draw(&Text::new(
                    text,
                    (x + COL_W / 2, y + ROW_H / 2),
                    centred(CELL_TEXT, color),
                ))?;
            }
        }
        // The key: the five shades and the dash.
        let y = top + c.admins.len() as i32 * ROW_H + 50;
        let keys = [
            (HEAT[0], "klart bättre"),
            (HEAT[1], "bättre"),
            (HEAT[2], "som medianen"),
            (HEAT[3], "sämre"),
            (HEAT[4], "klart sämre"),
            (NOT_REPORTED, "– uppgift saknas, för få: bas under 20"),
        ];
        let mut x = 40;
        for (fill, label) in keys {
            root.draw(&Rectangle::new(
                [(x, y - 16), (x + 40, y + 16)],
                rgb(fill).filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x, y - 16), (x + 40, y + 16)],
                RGBColor(0x80, 0x80, 0x80).stroke_width(1),
            ))?;
            root.draw(&Text::new(label.to_string(), (x + 52, y), left(26)))?;
            x += 60 + (label.chars().count() as i32) * 15;
        }
        root.draw(&Text::new(
            "Klart bättre/sämre: vid eller bortom den bättre/sämre kvartilen. Ja/nej: ja är klart bättre, nej klart sämre.".to_string(),
            (40, y + 50),
            note_font(24).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        root.present()?;
        Ok(())
    }
}

struct Ranked<'a>(&'a Compilation, Measure);

const BAR_ROW: i32 = 48;

impl Ranked<'_> {
    fn size(&self) -> (u32, u32) {
        (
            1600,
            (230 + self.0.admins.len() as i32 * BAR_ROW + 90) as u32,
        )
    }
}

impl Drawing for Ranked<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
    ) -> std::result::Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        let (c, m) = (self.0, self.1);
        root.fill(&WHITE)?;
        titles(
            root,
            &format!("{} {}", m.label(), c.year),
            &format!(
                "Förvaltningarna i rangordning ({}); mörk stapel i år, ljus i fjol",
                m.better_sv()
            ),
        )?;
        let admins = super::xlsx::ranked(c, m);
        let v = |a: &crate::rollup::model::Admin| a.source.values.get(m).value();
        let all: Vec<f64> = admins
            .iter()
            .flat_map(|a| [v(a), a.source.values.previous(m)])
            .flatten()
            .collect();
        let mut most = all.iter().fold(0.0f64, |acc, x| acc.max(*x));
        let least = all.iter().fold(0.0f64, |acc, x| acc.min(*x));
        // A share is drawn on its whole scale, 0–100 %, so that a bar's length is its share.
        if m.unit() == Unit::Share {
            most = 1.0;
        }
        let (x0, x1) = (40 + NAME_W + 70, 1600 - 200);
        let scale = |x: f64| {
            if most > least {
                x0 + (((x - least) / (most - least)) * (x1 - x0) as f64) as i32
            } else {
                x0
            }
        };
        let zero = scale(0.0);
        // A bar from zero to the value, at least 2 pixels wide so that a 0 shows.
        let bar = |x: f64| {
            let end = scale(x);
            if end >= zero {
                (zero, end.max(zero + 2))
            } else {
                (end, zero)
            }
        };
        let top = 170;
        for (i, a) in admins.iter().enumerate() {
            let y = top + i as i32 * BAR_ROW;
            let rank = a.ranks[m.index()].map_or("–".to_string(), |r| r.to_string());
            root.draw(&Text::new(
                rank,
                (40, y + BAR_ROW / 2),
                left(CELL_TEXT).color(&NOTE),
            ))?;
            root.draw(&Text::new(
                crate::render::charts::style::short(&a.source.organisation),
                (100, y + BAR_ROW / 2),
                left(CELL_TEXT),
            ))?;
            match a.source.values.get(m) {
                crate::rollup::measures::Reported::Value(x) => {
                    let (from, to) = bar(x);
                    root.draw(&Rectangle::new(
                        [(from, y + 6), (to, y + 28)],
                        CURRENT.filled(),
                    ))?;
                    root.draw(&Text::new(
                        // A share on a base under 20 as its count ("2 av 3").
                        words::admin_value(&a.source.values, m),
                        (to.max(zero) + 10, y + 17),
                        left(24),
                    ))?;
                }
                other => {
                    root.draw(&Text::new(
                        if other == crate::rollup::measures::Reported::Suppressed {
                            "skyddat (färre än 5)"
                        } else {
                            "– uppgift saknas"
                        },
                        (zero + 10, y + 17),
                        left(24).color(&NOTE),
                    ))?;
                }
            }
            if let Some(before) = a.source.values.previous(m) {
                let (from, to) = bar(before);
                root.draw(&Rectangle::new(
                    [(from, y + 30), (to, y + 42)],
                    PREVIOUS.filled(),
                ))?;
            }
        }
        root.draw(&PathElement::new(
            vec![
                (zero, top - 10),
                (zero, top + admins.len() as i32 * BAR_ROW),
            ],
            RGBColor(0x80, 0x80, 0x80).stroke_width(2),
        ))?;
        if let Some(median) = c.city[m.index()].median {
            let x = scale(median);
            root.draw(&PathElement::new(
                vec![(x, top - 10), (x, top + admins.len() as i32 * BAR_ROW)],
                TEXT.stroke_width(2),
            ))?;
            root.draw(&Text::new(
                format!("median {}", words::value(m, median)),
                (x, top - 24),
                centred(24, &TEXT),
            ))?;
        }
        root.present()?;
        Ok(())
    }
}
