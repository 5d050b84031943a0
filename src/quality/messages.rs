//! The texts of data-quality findings: English for the terminal and `summary.json`, Swedish
//! for the workbook. Each says what is wrong and what to do.
//!
//! In: a [`Problem`]. Out: its message.

use super::Problem;
use crate::schema::Kind;

impl Problem {
    /// The message in English, with what to do.
    pub fn english(&self) -> String {
        match self {
            Problem::Unreadable(why) => format!(
                "could not be read as a spreadsheet ({why}); save it again from Excel as .xlsx, or remove it from the input folder"
            ),
            Problem::FolderUnreadable(why) => format!(
                "the folder could not be read ({why}), so the files in it were not read; give yourself read access to it, or move the exports out of it"
            ),
            Problem::NoRecognisedSheet => "no sheet has a recognisable header row; check that the export's header row names its columns (for example \"Rapporterad\", \"Status\"), or add your header names to the config".into(),
            Problem::SheetNotRecognised => "no header row of a known kind within the first 20 rows, and rows further down are not searched; the sheet was skipped. If its header row is further down, give it in the config: a [[sources]] block with path = \"<this file>\" and header_row = <the row as Excel numbers it>".into(),
            Problem::ConfiguredSheetMissing(sheets) => format!(
                "the sheet named in the config's [[sources]] does not exist; the file has: {sheets}"
            ),
            Problem::MissingRequiredColumn(kind, field) => format!(
                "looks like {} but has no {field} column (a header such as {}); the sheet was skipped. Add the column, or add its header name under [{}.columns] {field} in the config",
                kind.key(),
                example_headers(*kind, field),
                kind.key()
            ),
            Problem::DuplicateColumn(field) => format!(
                "a second column for {field}; only the first one is used"
            ),
            Problem::MissingRequired(field) => format!(
                "the {field} date is empty; the row is left out of every figure. Fill in the date in IA and export again"
            ),
            Problem::BadDate { field, required: true } => format!(
                "is not a date from 1970 to 2100; the row is left out of every figure. Write it as YYYY-MM-DD, or set date_format for this file in the config's [[sources]]; the {field} date is required"
            ),
            Problem::BadDate { field, .. } => format!(
                "is not a date from 1970 to 2100; the row is left out of figures that need the {field} date. Write it as YYYY-MM-DD, or set date_format in the config"
            ),
            Problem::BadBool(field) => format!(
                "is not a yes/no value (Ja/Nej, J/N, Yes/No, X, 1/0, true/false); the row is left out of figures that need {field}"
            ),
            Problem::UnknownStatus => "is not one of the configured statuses; it is counted as written. Add it to [incidents.statuses] in the config if it is a real status".into(),
            Problem::MissingStatus => "the status is empty; the row is counted under \"(saknas)\"".into(),
            Problem::MissingId => "the case number is empty, so this row cannot be matched with other exports; it is counted as a case of its own".into(),
            Problem::DuplicateId { kept, statuses: None } => format!(
                "the same case number appears in {}, which is newer; this row was merged into it and is not counted twice", kept.english()
            ),
            Problem::DuplicateId { kept, statuses: Some((here, there)) } => format!(
                "the same case number appears in {}, which is newer, with another status: \"{there}\" there, \"{here}\" here; the newer status is used and the case is counted once", kept.english()
            ),
            Problem::ClosedBeforeReported => "the closed date is before the reported date; the row is left out of handling times".into(),
            Problem::ReportBeforeAwareness(field) => format!(
                "the {field} is dated before the organisation became aware of the incident (discovered); its deadline counts as unknown. Check both dates"
            ),
            Problem::FinalReportWithoutNotification => "a final report without an incident notification; the final report's deadline runs from the notification, so it is not judged. Add the notification's date".into(),
            Problem::MissingObjectName => "the object has no name; the row is left out of every figure. Fill in the name in the object list".into(),
            Problem::UnknownClassification => "is not one of the configured classification statuses; it is counted as written. Add it to [objects.classification] in the config if it means one of them".into(),
            Problem::MissingClassification => "the classification status is empty; the object is counted under \"(saknas)\" and as not classified".into(),
            Problem::BadLevel(field) => format!(
                "is not a level for {field} (a number 0–4 or a KLASSA word); the level is left out of the K/R/T figures"
            ),
            Problem::BadPubAgreement => "is not a PUB-avtal answer (Ja, Nej or Ej aktuellt); the object is left out of the PUB-avtal figure".into(),
            Problem::DuplicateObject { kept } => format!(
                "the same object appears in {}, a later list for the same year; this row was merged into it and is not counted twice", kept.english()
            ),
            Problem::ObjectNotInList => "an incident names this system, but the year's object list has no object by that name; add it to the list or correct the name in IA".into(),
            Problem::MissingRiskScore(field) => format!(
                "the {field} is empty; the risk is left out of every figure. Fill it in the register"
            ),
            Problem::BadRiskScore(field, scale) => format!(
                "is not a {field} on the 1–{scale} scale (a number or a scale word); the risk is left out of every figure. Correct it, or set [risks] scale and its words in the config"
            ),
            Problem::RiskValueMismatch { computed } => format!(
                "is not likelihood × consequence ({computed}); {computed} is used"
            ),
            Problem::IkpInconsistent { value, threshold } => format!(
                "disagrees with the IKP threshold {threshold} for risk value {value}; the register's answer is kept. Check the risk or set [risks] ikp_threshold"
            ),
            Problem::DuplicateRisk { kept } => format!(
                "the same risk appears in {}, a later register for the same year; this row was merged into it and is not counted twice", kept.english()
            ),
            Problem::UnknownActionStatus => "is not one of the configured action statuses; the action is counted under it as the Åtgärder sheet shows it (a word as written; prose or personal data as what it is, never the text). Add the word to [actions.statuses] in the config if it means one of them".into(),
            Problem::DuplicateAction { kept } => format!(
                "the same action appears in {}, a later plan for the same year; this row was merged into it and is not counted twice", kept.english()
            ),
            Problem::VanishedAction => "this action is in last year's plan but not in this year's; close actions (status Genomförd or Struken) rather than delete them".into(),
            Problem::BadMaturityLevel(max) => format!(
                "is not a maturity level on the 0–{max} scale (a number, or text such as \"Nivå 3\"); the area is left out for that year. Correct it, or set [maturity] scale_max"
            ),
            Problem::DuplicateMaturityArea { kept } => format!(
                "the same area and year appear in {}; this row was merged into it and is not counted twice", kept.english()
            ),
            Problem::PersonalDataInColumn => "the column's values look like e-mail addresses or personal identity numbers; the column is not read, whatever its header says. Name the right column in [training.columns] if this one was chosen by mistake".into(),
            Problem::BadCount(field) => format!("is not a whole number of people ({field}); the row is left out"),
            Problem::Fraction { field, value } => format!(
                "is {value}, a fraction, but {field} takes whole steps only; it is never rounded, so the row is left out of the figures that need it. Give a whole number"
            ),
            Problem::BadCsvRow { line, rejected: false } => format!(
                "line {line} of the file has a quote that does not close (or its fields do not fit the header); the line was read again without quotes, and the lines after it normally. Check the row"
            ),
            Problem::BadCsvRow { line, rejected: true } => format!(
                "line {line} of the file has a quote that does not close or more fields than the header; the row is left out of every figure and the lines after it are read normally. Correct the row (or save the file again from Excel)"
            ),
            Problem::MixedEncoding(lines) => format!(
                "the file mixes UTF-8 with Windows-1252; lines {lines} were read as Windows-1252 and the others as UTF-8. Save the file again as \"CSV UTF-8\" so that every line has one encoding"
            ),
            Problem::SuspiciousValue { field, why } => format!(
                "{} and cannot be a {field}, so it is never shown (in its place the outputs say \"{}\"). Check the column, or the file's quoting",
                why.english(),
                why.placeholder()
            ),
            Problem::PooledLabel { field, cases } => format!(
                "the {} here is used by {cases} {} only, fewer than [privacy] min_label_cases, so it is counted under \"{}\" and never shown. Run `genomgang check --show-pooled` to see it on the terminal, and list it under [privacy] known_labels if it is a word of your organisation",
                field.key(),
                if *cases == 1 { "row" } else { "rows" },
                field.pooled()
            ),
            Problem::AmbiguousColumn { field, chosen } => format!(
                "could also hold {field}, but {chosen} has the more specific name and was chosen; this column is not read. Name the column you mean under [<kind>.columns] {field} in the config if the choice is wrong"
            ),
            Problem::ProseInColumn(field) => format!(
                "most values read like sentences, not a {field}; the column is not used for {field}. Check which column holds the {field}, and name it in the config"
            ),
            Problem::FutureDate { field, required: true } => format!(
                "the {field} date lies after today and cannot be real; the row is left out of every figure. Correct the date"
            ),
            Problem::FutureDate { field, .. } => format!(
                "the {field} date lies after today and cannot be real; it is left out. Correct the date"
            ),
            Problem::LinkLoop => "this symbolic link leads back to a folder that is already being read (or in a circle); it is not followed".into(),
            Problem::AllRowsRejected { mapping } => format!(
                "every row was rejected: {mapping} probably does not fit this file. Check the column and the config's [[sources]] and [<kind>.columns] settings"
            ),
            Problem::Protected => "the workbook is protected with a password and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, leave it empty), save, and run again".into(),
            Problem::WebPage => "is a web page (HTML) saved with a spreadsheet's name, as some systems \"export to Excel\"; it was not read. Open it in Excel and save it as .xlsx (Excel Workbook)".into(),
            Problem::OwnOutput => "is a workbook genomgang wrote (an earlier report), not an export; it was not read. Keep reports outside the input folder".into(),
            Problem::HiddenRows { count, rows, read: false } => format!(
                "{count} {} hidden (by a filter or by hand): {} {rows}; {} not read. Show them in Excel (clear the filter, or select the rows and choose Unhide), or set read_hidden_rows = true under [report] in the config if they belong to the data",
                if *count == 1 { "row is" } else { "rows are" },
                if *count == 1 { "row" } else { "rows" },
                if *count == 1 { "it was" } else { "they were" },
            ),
            Problem::HiddenRows { count, rows, read: true } => format!(
                "{count} {} hidden (by a filter or by hand): {} {rows}; {} read all the same ([report] read_hidden_rows, or the sheet named in [[sources]])",
                if *count == 1 { "row is" } else { "rows are" },
                if *count == 1 { "row" } else { "rows" },
                if *count == 1 { "it was" } else { "they were" },
            ),
            Problem::TotalsRow => "is a totals or subtotal row (it starts with a word such as \"Summa\" or \"Totalt\" and has no value in the required column), not a case; it is not counted".into(),
            Problem::RepeatedHeader => "repeats the header row (the required column holds its own heading), not a case; it is not counted".into(),
            Problem::TooLarge(why) => format!(
                "was not read: {why}. A real export is far smaller; save it again from Excel, or split it"
            ),
            Problem::HeaderOverTwoRows { other } => format!(
                "the header is split over two rows (cells merged down, or a group heading); row {other} and this row were read together as one header, and the data starts below them. Check the columns in `genomgang check`; if the choice is wrong, set header_row for this file under [[sources]] in the config"
            ),
            Problem::BeyondLastRow => "the sheet has cells on rows past Excel's last row (1 048 576), which Excel cannot open; this row and the rows after it were not read. Save the export again from the system it came from, or split it".into(),
            Problem::NoStatusColumn => "the incident export has no status column (a header such as \"Status\" or \"Ärendestatus\"), so its cases count in totals, months and categories but open, closed and stale cases cannot be given (they are shown as \"–\"). Export again with the status column, or name its header under [incidents.columns] status in the config".into(),
            Problem::ExcelError(error) => format!(
                "the cell holds the Excel error {error} (a formula that failed), so it is read as empty. Correct the formula, or paste the values instead of formulas, and export again"
            ),
            Problem::HiddenSheet { very } => format!(
                "the sheet is {}, so it was not read (a hidden sheet is often an old copy or a lookup list). If it belongs to the report, {}, or set read_hidden_sheets = true under [report] in the config",
                if *very { "very hidden" } else { "hidden" },
                if *very {
                    "make it visible in the VBA editor (Alt+F11, the sheet's Visible property)"
                } else {
                    "unhide it in Excel (right-click a sheet tab > Unhide)"
                }
            ),
        }
    }

    /// The message in Swedish, for the workbook.
    pub fn swedish(&self) -> String {
        match self {
            Problem::Unreadable(why) => format!("Filen kunde inte läsas som kalkylblad ({why}). Spara om den som .xlsx eller ta bort den ur input-mappen."),
            Problem::FolderUnreadable(why) => format!("Mappen kunde inte läsas ({why}); filerna i den lästes inte."),
            Problem::NoRecognisedSheet => "Inget blad har en igenkännbar rubrikrad. Kontrollera rubrikerna eller lägg till dem i konfigurationen.".into(),
            Problem::SheetNotRecognised => "Ingen känd rubrikrad bland de 20 första raderna (längre ned söks inte); bladet hoppades över. Står rubrikraden längre ned: ange den i konfigurationen med [[sources]], path = filen och header_row = radnumret.".into(),
            Problem::ConfiguredSheetMissing(sheets) => format!("Bladet som anges i konfigurationen finns inte; filen har: {sheets}."),
            Problem::MissingRequiredColumn(kind, field) => format!("Ser ut som {} men saknar kolumnen {f}; bladet hoppades över.", kind.label_sv().to_lowercase(), f = field_sv(field)),
            Problem::DuplicateColumn(field) => format!("En andra kolumn för {f}; bara den första används.", f = field_sv(field)),
            Problem::MissingRequired(field) => format!("Datum ({f}) saknas; raden ingår inte i någon siffra.", f = field_sv(field)),
            Problem::BadDate { field, required: true } => format!("Inte ett datum mellan 1970 och 2100 ({f}); raden ingår inte i någon siffra.", f = field_sv(field)),
            Problem::BadDate { field, .. } => format!("Inte ett datum mellan 1970 och 2100 ({f}); raden ingår inte i siffror som behöver fältet.", f = field_sv(field)),
            Problem::BadBool(field) => format!("Inte ett ja/nej-värde ({f}); raden ingår inte i siffror som behöver fältet.", f = field_sv(field)),
            Problem::UnknownStatus => "Okänd status; räknas som den är skriven.".into(),
            Problem::MissingStatus => "Status saknas; räknas som \"(saknas)\".".into(),
            Problem::MissingId => "Ärendenummer saknas; raden räknas som ett eget ärende.".into(),
            Problem::DuplicateId { kept, statuses: None } => format!("Samma ärendenummer finns i {} (nyare export); raden slogs ihop och räknas inte två gånger.", kept.swedish()),
            Problem::DuplicateId { kept, statuses: Some((here, there)) } => format!("Samma ärendenummer finns i {} (nyare export) med en annan status: \"{there}\" där, \"{here}\" här. Den nyare statusen gäller och ärendet räknas en gång.", kept.swedish()),
            Problem::ClosedBeforeReported => "Avslutsdatum före rapporteringsdatum; raden ingår inte i handläggningstid.".into(),
            Problem::ReportBeforeAwareness(field) => format!("{f} är daterad före upptäckten; tidsfristen kan inte bedömas.", f = field_sv(field)),
            Problem::FinalReportWithoutNotification => "Slutrapport utan incidentanmälan; slutrapportens tidsfrist räknas från anmälan och bedöms inte.".into(),
            Problem::MissingObjectName => "Objektet saknar namn; raden ingår inte i någon siffra.".into(),
            Problem::UnknownClassification => "Okänd klassningsstatus; räknas som den är skriven.".into(),
            Problem::MissingClassification => "Klassningsstatus saknas; räknas som \"(saknas)\" och som inte klassad.".into(),
            Problem::BadLevel(field) => format!("Inte en nivå för {} (0–4 eller KLASSA-ord).", field.to_uppercase()),
            Problem::BadPubAgreement => "Inte ett svar om PUB-avtal (Ja, Nej eller Ej aktuellt).".into(),
            Problem::DuplicateObject { kept } => format!("Samma objekt finns i {} (senare lista för samma år); raden räknas inte två gånger.", kept.swedish()),
            Problem::ObjectNotInList => "En incident anger systemet, men årets objektlista saknar ett objekt med det namnet.".into(),
            Problem::MissingRiskScore(field) => format!("{} saknas; risken ingår inte i någon siffra.", swedish_score(field)),
            Problem::BadRiskScore(field, scale) => format!("Inte en {} på skalan 1–{scale}; risken ingår inte i någon siffra.", swedish_score(field).to_lowercase()),
            Problem::RiskValueMismatch { computed } => format!("Riskvärdet är inte sannolikhet × konsekvens ({computed}); {computed} används."),
            Problem::IkpInconsistent { value, threshold } => format!("IKP-markeringen stämmer inte med tröskeln {threshold} för riskvärde {value}; registrets svar behålls."),
            Problem::DuplicateRisk { kept } => format!("Samma risk finns i {} (senare register för samma år); raden räknas inte två gånger.", kept.swedish()),
            Problem::UnknownActionStatus => "Okänd åtgärdsstatus; åtgärden räknas under statusen så som bladet Åtgärder visar den (ett ord som det är skrivet, en mening eller personuppgift som vad den är). Lägg till ordet i [actions.statuses] om det betyder en av dem.".into(),
            Problem::DuplicateAction { kept } => format!("Samma åtgärd finns i {} (senare plan för samma år); raden räknas inte två gånger.", kept.swedish()),
            Problem::VanishedAction => "Åtgärden finns i förra årets plan men inte i årets. Avsluta åtgärder (Genomförd eller Struken) i stället för att ta bort dem.".into(),
            Problem::BadMaturityLevel(max) => format!("Inte en mognadsnivå på skalan 0–{max}; området ingår inte det året."),
            Problem::DuplicateMaturityArea { kept } => format!("Samma område och år finns i {}; raden räknas inte två gånger.", kept.swedish()),
            Problem::PersonalDataInColumn => "Kolumnens värden ser ut som e-postadresser eller personnummer; kolumnen läses inte, vad rubriken än säger.".into(),
            Problem::BadCount(field) => format!("Inte ett antal personer ({f}); raden ingår inte.", f = field_sv(field)),
            Problem::Fraction { field, value } => format!(
                "{} är ett decimaltal, men {} tar bara hela steg; värdet avrundas aldrig, så raden ingår inte i de siffror som behöver det. Ange ett heltal.",
                value,
                field_sv(field)
            ),
            Problem::BadCsvRow { line, rejected: false } => format!("Rad {line} i filen har ett citattecken som inte stängs; raden lästes om utan citattecken och raderna efter lästes som vanligt. Kontrollera raden."),
            Problem::BadCsvRow { line, rejected: true } => format!("Rad {line} i filen har ett citattecken som inte stängs eller fler fält än rubrikraden; raden ingår inte i någon siffra. Rätta raden."),
            Problem::MixedEncoding(lines) => format!("Filen blandar UTF-8 och Windows-1252; rad {lines} lästes som Windows-1252. Spara om filen som \"CSV UTF-8\"."),
            Problem::SuspiciousValue { why, .. } => format!("Värdet {} och kan inte vara en etikett; det visas aldrig (i dess ställe står \"{}\").", why.swedish(), why.placeholder()),
            Problem::PooledLabel { field, cases } => format!("Värdet i {} används bara på {} och visas därför inte; det räknas under \"{}\". Kör genomgang check --show-pooled för att se det i terminalen; är det ett ord i verksamheten kan det läggas till under [privacy] known_labels.", field.swedish(), if *cases == 1 { "en rad".to_string() } else { format!("{cases} rader") }, field.pooled()),
            Problem::AmbiguousColumn { field, chosen } => format!("Kolumnen kan också avse {f}, men {chosen} har det mer specifika namnet och valdes; den här kolumnen läses inte.", f = field_sv(field)),
            Problem::ProseInColumn(field) => format!("De flesta värdena ser ut som meningar, inte {f}; kolumnen används inte för {f}.", f = field_sv(field)),
            Problem::FutureDate { field, required: true } => format!("Datum ({f}) ligger efter i dag och kan inte stämma; raden ingår inte i någon siffra.", f = field_sv(field)),
            Problem::FutureDate { field, .. } => format!("Datum ({f}) ligger efter i dag och kan inte stämma; datumet används inte.", f = field_sv(field)),
            Problem::LinkLoop => "Länken leder tillbaka till en mapp som redan läses (eller runt i en cirkel); den följs inte.".into(),
            Problem::AllRowsRejected { mapping } => format!("Alla rader avvisades: {mapping} passar troligen inte filen. Kontrollera kolumnen och konfigurationen."),
            Problem::Protected => "Arbetsboken är lösenordsskyddad och kan inte läsas. Ta bort lösenordet i Excel och spara om.".into(),
            Problem::WebPage => "Filen är en webbsida (HTML) med ett kalkylbladsnamn. Öppna den i Excel och spara som .xlsx.".into(),
            Problem::OwnOutput => "En arbetsbok som genomgang har skrivit (en tidigare rapport), inte ett uttag; den lästes inte. Spara rapporter utanför indatamappen.".into(),
            Problem::HiddenRows { count, rows, read: false } => format!(
                "{count} {} dolda (med filter eller för hand): {} {rows}. De lästes inte. Visa dem i Excel (rensa filtret, eller markera raderna och välj Ta fram) eller sätt read_hidden_rows = true under [report] i konfigurationen om de hör till underlaget.",
                if *count == 1 { "rad är" } else { "rader är" },
                if *count == 1 { "rad" } else { "rader" },
            ),
            Problem::HiddenRows { count, rows, read: true } => format!(
                "{count} {} dolda (med filter eller för hand): {} {rows}. De lästes ändå (read_hidden_rows, eller bladet namngivet i [[sources]]).",
                if *count == 1 { "rad är" } else { "rader är" },
                if *count == 1 { "rad" } else { "rader" },
            ),
            Problem::TotalsRow => "En summerings- eller delsummarad (\"Summa\", \"Totalt\"), inte ett ärende; den räknas inte.".into(),
            Problem::RepeatedHeader => "Rubrikraden upprepad under rubriken, inte ett ärende; den räknas inte.".into(),
            Problem::TooLarge(why) => format!("Filen lästes inte: {why}."),
            Problem::HeaderOverTwoRows { other } => format!("Rubrikerna står på två rader (sammanfogade celler eller en grupprubrik); rad {other} och den här raden lästes som en rubrikrad, och data börjar under dem."),
            Problem::BeyondLastRow => "Bladet har celler efter Excels sista rad (1 048 576); den raden och raderna efter den lästes inte.".into(),
            Problem::NoStatusColumn => "Incidentexporten saknar statuskolumn. Ärendena räknas i totaler, månader och kategorier, men öppna, klarmarkerade och gamla öppna ärenden kan inte redovisas (visas som \"–\"). Exportera igen med kolumnen Status, eller ange rubriken under [incidents.columns] status i konfigurationen.".into(),
            Problem::ExcelError(error) => format!("Cellen innehåller Excel-felet {error} (en formel som inte fungerar) och läses som tom. Rätta formeln eller klistra in värden i stället för formler."),
            Problem::HiddenSheet { very: false } => "Bladet är dolt och lästes inte (ett dolt blad är ofta en gammal kopia eller en uppslagslista). Hör det till underlaget: visa bladet i Excel (högerklicka på en bladflik > Ta fram) eller sätt read_hidden_sheets = true under [report] i konfigurationen.".into(),
            Problem::HiddenSheet { very: true } => "Bladet är mycket dolt (kan bara visas med makro eller VBA-redigeraren) och lästes inte. Hör det till underlaget: visa det eller sätt read_hidden_sheets = true under [report] i konfigurationen.".into(),
        }
    }
}

/// A field's name in Swedish for messages: its first built-in header name ("Rapporterad"
/// for `reported`).
fn field_sv(field: &str) -> &str {
    Kind::ALL
        .iter()
        .flat_map(|k| k.fields())
        .find(|f| f.key == field)
        .and_then(|f| f.synonyms.first().copied())
        .unwrap_or(field)
}

fn swedish_score(field: &str) -> &'static str {
    if field == "likelihood" {
        "Sannolikhet"
    } else {
        "Konsekvens"
    }
}

/// The first two built-in header names of a field, quoted, for messages.
fn example_headers(kind: Kind, field: &str) -> String {
    kind.fields()
        .iter()
        .find(|f| f.key == field)
        .map(|f| {
            f.synonyms
                .iter()
                .take(2)
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        })
        .unwrap_or_default()
}
