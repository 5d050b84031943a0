//! Sheet *Om sammanställningen*: how the figures are made, which summary each
//! administration's figures come from, and which kinds of export each one reported.
//!
//! In: the [`Compilation`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, Value, start};
use crate::rollup::model::{AS_OF_SPREAD_DAYS, Compilation};

/// The sheet's name.
pub const SHEET: &str = "Om sammanställningen";

const WIDTH: usize = 100;

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    s.heading("Så är siffrorna gjorda")?;
    for text in [
        "Varje förvaltning skriver sin egen ledningens genomgång med genomgang; sammanställningen läser förvaltningarnas summary.json och lägger dem sida vid sida. Den räknar inte om något ur förvaltningarnas data.".to_string(),
        "Staden: antal är summan över de förvaltningar som har uppgiften; andelar, tider och mognadsnivåer är medianförvaltningens värde; ja/nej-frågor räknas som antal ja.".to_string(),
        "En uppgift som en förvaltning inte har lämnat visas med – och räknas aldrig som noll: ett tomt fält är inte ett gott resultat. Ett värde som förvaltningen har skyddat (en grupp färre än 5) förblir skyddat, och ingen summa eller skillnad i sammanställningen kan räkna fram det.".to_string(),
        "Jämförelser med förra året görs lika mot lika: varje förvaltnings incidenter mot sin egen samma period förra året, och stadens bara över förvaltningar som har båda åren.".to_string(),
        format!("Har en förvaltning flera sammanfattningar för samma år används den med senast uppgiftsdatum (t.o.m.); de andra nämns i bladet Datakvalitet. Uppgifter som är mer än {AS_OF_SPREAD_DAYS} dagar äldre än den senaste markeras i bladet Översikt."),
        "Värmekartan jämför varje förvaltning med stadens median i den riktning som är bra för måttet. Antal som följer förvaltningens storlek (incidenter, objekt, risker) har ingen sådan riktning och visas bara i Översikt och Per mått. Öppna och gamla öppna ärenden visas som andelar av årets incidenter och NIS-objekt som väntar som en andel av NIS-objekten, bara där basen är minst 20; missade tidsfrister enligt cybersäkerhetslagen räknas på för få incidenter för en andel och visas inte där.".to_string(),
        "En andel av färre än 20 skrivs som antal, till exempel 2 av 3, som i förvaltningens egen rapport.".to_string(),
    ] {
        s.paragraph(&text, WIDTH)?;
    }
    s.heading("Underlag per förvaltning")?;
    let yes = |b: bool| Value::text(if b { "Ja" } else { "–" });
    let rows: Vec<Vec<Value>> = c
        .admins
        .iter()
        .map(|a| {
            let k = a.source.kinds;
            vec![
                Value::text(&a.source.organisation),
                Value::Date(a.source.as_of),
                yes(k.incidents),
                yes(k.objects),
                yes(k.risks),
                yes(k.actions),
                yes(k.maturity),
                yes(k.training),
                Value::text(&a.source.file),
            ]
        })
        .collect();
    let pos = s.table(
        &[
            "Förvaltning",
            "T.o.m.",
            "Incidenter",
            "Objektlista",
            "Riskregister",
            "Åtgärdsplan",
            "Mognad",
            "Utbildning",
            "Fil",
        ],
        &rows,
    )?;
    s.line(&format!("Skapad med {}.", c.generator))?;
    let _ = pos;
    s.finish(None)
}
