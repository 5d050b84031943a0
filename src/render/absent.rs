//! What the outputs say when a kind of input is absent: one plain sentence for management,
//! and, for the ISAM only (*Om rapporten*), how to add it.
//!
//! In: the [`Report`]. Out: the kinds it lacks, each with its sentence and its instruction.
//! The management sheets and the draft say the sentence; tool instructions ("lägg … i
//! input-mappen") stand only on the ISAM's sheet.

use crate::report::Report;

/// A kind of input that can be absent from a report: an input [`Kind`] (the same six), named
/// for what this module says of it.
pub use crate::schema::Kind as Absent;

use crate::schema::Kind;

impl Kind {
    /// The kinds this report lacks, in the workbook's order.
    pub fn in_report(r: &Report) -> Vec<Absent> {
        let mut out = Vec::new();
        if !r.has_incidents() {
            out.push(Absent::Incidents);
        }
        if r.objects.current.is_none() {
            out.push(Absent::Objects);
        }
        if r.risks.current.is_none() && r.risks.previous.is_none() {
            out.push(Absent::Risks);
        }
        if r.actions.is_none() {
            out.push(Absent::Actions);
        }
        if r.maturity.is_none() {
            out.push(Absent::Maturity);
        }
        if r.training.is_none() {
            out.push(Absent::Training);
        }
        out
    }

    /// The sentence for management: what was not in the material, and what follows.
    pub fn sentence(self) -> &'static str {
        match self {
            Absent::Incidents => {
                "Incidentexporten från IA fanns inte i underlaget; incidenterna fylls i för hand."
            }
            Absent::Objects => {
                "Objektlistan fanns inte i underlaget; informationsklassningen av de digitala objekten fylls i för hand."
            }
            Absent::Risks => {
                "Väsentlighets- och riskanalysen (VoR) fanns inte i underlaget; riskerna fylls i för hand."
            }
            Absent::Actions => {
                "Åtgärdsplanen fanns inte i underlaget; uppföljningen av förra årets åtgärder fylls i för hand."
            }
            Absent::Maturity => {
                "Mognadsmätningen fanns inte i underlaget; mognaden fylls i för hand."
            }
            Absent::Training => {
                "Utbildningsexporten fanns inte i underlaget; uppföljningen av utbildningen fylls i för hand."
            }
        }
    }

    /// What the ISAM does to include it next time.
    pub fn how_to_add(self) -> &'static str {
        match self {
            Absent::Incidents => {
                "Lägg exporten från IA i input-mappen (en rubrikrad med till exempel \"Ärendenummer\" och \"Rapporterad\")."
            }
            Absent::Objects => {
                "Lägg objektlistan i input-mappen (året i en kolumn \"År\", i mappnamnet eller i filnamnet)."
            }
            Absent::Risks => {
                "Lägg riskregistret (VoR) i input-mappen, årets och gärna förra årets."
            }
            Absent::Actions => {
                "Lägg åtgärdsplanen i input-mappen (året i mappnamnet, filnamnet eller bladnamnet)."
            }
            Absent::Maturity => {
                "Lägg resultatet av mognadsmätningen (till exempel från MSB:s Infosäkkollen) i input-mappen."
            }
            Absent::Training => "Lägg exporten från utbildningsplattformen i input-mappen.",
        }
    }

    /// The kind's name in *Om rapporten*.
    pub fn name(self) -> &'static str {
        match self {
            Absent::Incidents => "Incidentexport (IA)",
            Absent::Objects => "Objektlista",
            Absent::Risks => "Riskregister (VoR)",
            Absent::Actions => "Åtgärdsplan",
            Absent::Maturity => "Mognadsmätning",
            Absent::Training => "Utbildningsexport",
        }
    }
}
