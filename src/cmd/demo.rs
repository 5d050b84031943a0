//! `genomgang demo`: a synthetic export set (no real persons), a large synthetic export for
//! benchmarks, or twelve fictitious administrations' summaries for `rollup`.
//!
//! In: [`DemoArgs`]. Out: the files written into the folder, each named on stdout.

use crate::cli::DemoArgs;
use crate::error::Result;
use crate::pipeline::EXIT_OK;

/// Runs `genomgang demo`; returns the exit code.
pub fn run(args: &DemoArgs) -> Result<u8> {
    let sizes = crate::demo::LargeSizes {
        incidents: args
            .incidents
            .map(|rows| crate::demo::large::IncidentShape {
                rows,
                files: args.files,
                open_share: args.open_share,
                categories: args.categories,
                departments: args.departments,
                duplicate_share: args.duplicate_share,
                finding_share: args.finding_share,
            }),
        objects: args.objects,
        risks: args.risks,
    };
    let written = if args.rollup {
        crate::demo::rollup::write(&args.dir)?
    } else if args.incidents.is_some() || args.objects.is_some() || args.risks.is_some() {
        crate::demo::write_large(&args.dir, sizes)?
    } else {
        crate::demo::write_demo(&args.dir, args.year)?
    };
    for path in written {
        say!("Wrote {}", path.display());
    }
    Ok(EXIT_OK)
}
