//! The command line, defined once with clap so that help, shell completions and
//! the man page all come from the same source.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit status:
  0    success
  1    failure other than bad input (I/O, full disk, internal error), or some
       outputs of a batch failed while others were written
  2    invalid input: a framework or people file with errors, or a bad command line
  130  a build interrupted (Ctrl-C or SIGTERM); its unfinished files were removed,
       and manifest.json lists the files that were finished; also how
       `build --watch` ends
  141  standard output or error was a pipe closed early (as `| head` does): the
       rest of the output was dropped quietly, as the shell reports for `cat`

Environment:
  SOURCE_DATE_EPOCH  seconds since 1970 to date every document with, instead of
                     the framework's publication date (reproducible builds)
  RAYON_NUM_THREADS  default for --jobs";

/// Turn a capability framework into job profiles, appraisal sheets and skills matrices.
///
/// jobpack reads a framework (roles, their levels, and the skills each level needs
/// at a skill level) from a TOML file and writes the paperwork people need: a PDF job
/// profile per role level for job adverts, a fillable PDF appraisal sheet per level
/// for performance reviews, and a skills-by-level Excel workbook per role.
#[derive(Debug, Parser)]
#[command(name = "jobpack", version, about, long_about, after_long_help = AFTER_HELP)]
pub struct Cli {
    /// The command to run; clap requires one (a bare `jobpack` prints help and exits 2).
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands. Each variant's doc comment is that command's `--help`
/// text, written for users; clap shows it (and the `Cli` text at the top
/// level) in place of this comment.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate a framework file and print a one-screen summary.
    ///
    /// Every problem in the file is reported at once, each with file:line:column,
    /// the offending text and a hint. Exit status 2 when there are errors; warnings
    /// alone (such as a skill no level uses) leave it at 0.
    Check(CheckArgs),
    /// List the roles, levels and skills of a framework.
    ///
    /// Human-readable by default; --json prints one JSON document for scripts.
    List(ListArgs),
    /// Write the pack: job profiles, appraisal sheets and skills-matrix workbooks.
    ///
    /// Without arguments, reads ./framework.toml and writes into ./output/. Files are
    /// written under temporary names and renamed into place only when complete, so a
    /// failed or interrupted run never leaves a half-written file and never touches
    /// earlier outputs it did not replace.
    Build(BuildArgs),
    /// Read filled appraisal sheets back and write the results as a workbook.
    ///
    /// Give the framework the sheets were built from, then the filled sheets:
    /// PDF files, or folders searched (with their subfolders) for *.pdf. Each
    /// sheet must have been made by `jobpack build` from this framework (its
    /// stamp says which framework, role and level) and have an agreed level for
    /// every skill. Writes one row per person and skill, a Team sheet of counts
    /// per skill and level (and a chart of them), and a Skipped sheet of sheets
    /// that could not be read, which are also listed on standard error. Exit status 1 when any
    /// sheet was skipped (the rest are still collected), 2 on bad input.
    Collect(CollectArgs),
    /// Import a framework published in another shape, writing framework TOML.
    ///
    /// Prints what it did (roles, levels, skills, rows skipped and why) to
    /// standard error. A malformed input file is reported at its line and
    /// column, exit status 2, and nothing is written.
    Import(ImportArgs),
    /// Write a framework in another shape: a long table for spreadsheets.
    Export(ExportArgs),
    /// Compare two framework files: skills, skill levels, texts, roles and levels.
    ///
    /// Exit status 0 when they agree, 1 when they differ, 2 on bad input, as diff(1).
    Diff(DiffArgs),
    /// Print a shell completion script to standard output.
    ///
    /// For example: jobpack completions bash > /etc/bash_completion.d/jobpack
    Completions {
        /// The shell to write completions for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff), or write all of them into a folder.
    ///
    /// For example: jobpack man > jobpack.1 && man ./jobpack.1; jobpack man build
    /// prints jobpack-build(1); jobpack man --out /usr/local/share/man/man1 writes
    /// jobpack.1 and a page for each command.
    Man(ManArgs),
    /// Write a commented starter framework.toml to edit.
    ///
    /// Writes DIR/framework.toml (DIR is created if missing, not its parents): the example
    /// framework jobpack ships, with a comment on every section saying how to
    /// write your own. An existing file is never replaced unless --force is
    /// given (exit 2).
    Init(InitArgs),
}

/// Arguments of `jobpack man`. Its help text is [`Command::Man`]'s.
#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// The command whose page to print (jobpack-COMMAND(1)); without it, jobpack(1).
    #[arg(value_parser = clap::builder::PossibleValuesParser::new(COMMAND_NAMES))]
    pub(crate) command: Option<String>,
    /// Write every page (jobpack.1, jobpack-build.1, ...) into this folder
    /// instead of printing one.
    #[arg(long, conflicts_with = "command")]
    pub(crate) out: Option<PathBuf>,
}

/// The subcommands with a man page of their own.
pub(crate) const COMMAND_NAMES: [&str; 10] = [
    "check",
    "list",
    "build",
    "collect",
    "import",
    "export",
    "diff",
    "init",
    "completions",
    "man",
];

/// Arguments of `jobpack init`. Its help text is [`Command::Init`]'s.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The folder to write framework.toml into.
    #[arg(default_value = ".")]
    pub(crate) dir: PathBuf,
    /// Replace an existing framework.toml.
    #[arg(long)]
    pub(crate) force: bool,
}

/// Arguments of `jobpack import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The format of the input.
    #[command(subcommand)]
    pub(crate) format: ImportFormat,
}

/// The formats `jobpack import` reads.
#[derive(Debug, Subcommand)]
pub(crate) enum ImportFormat {
    /// The Digital and Data capability framework's CSV download (roles.csv, skills.csv).
    Ddat {
        /// The roles file: one row per role level and skill.
        roles: PathBuf,
        /// The skills file: the catalogue, one column per skill level.
        #[arg(long)]
        skills: Option<PathBuf>,
        /// Where to write the framework (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// The publication date to record, YYYY-MM-DD (documents carry it).
        #[arg(long)]
        published: Option<String>,
        /// A version label to record, e.g. 2026.1.
        #[arg(long = "label")]
        label: Option<String>,
    },
    /// A plain long table (CSV): role, level, skill, skill level, descriptor,
    /// and optional columns, as `jobpack export table` writes it.
    Table {
        /// The table file.
        table: PathBuf,
        /// The framework file to take the framework's facts (name, publisher,
        /// date, licence) and skill-level scale from, usually the one the
        /// table was exported from.
        #[arg(long)]
        like: PathBuf,
        /// Where to write the framework (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
}

/// Arguments of `jobpack export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The format to write.
    #[command(subcommand)]
    pub(crate) format: ExportFormat,
}

/// The formats `jobpack export` writes.
#[derive(Debug, Subcommand)]
pub(crate) enum ExportFormat {
    /// A plain long table (CSV, one row per role level and skill, the skills
    /// catalogue first) to edit in a spreadsheet and read back with `import table`.
    Table {
        /// The framework file to read.
        #[arg(default_value = "framework.toml")]
        framework: PathBuf,
        /// Where to write the table (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
}

/// Arguments of `jobpack diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The older framework file.
    pub(crate) old: PathBuf,
    /// The newer framework file.
    pub(crate) new: PathBuf,
    /// Print JSON for scripts instead of text.
    #[arg(long)]
    pub(crate) json: bool,
    /// Also write the change report for people, a tagged PDF, to this file.
    #[arg(long)]
    pub(crate) report: Option<PathBuf>,
}

/// Arguments of `jobpack check`. Its help text is [`Command::Check`]'s, which
/// clap shows in place of this comment.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The framework file to read.
    #[arg(default_value = "framework.toml")]
    pub(crate) framework: PathBuf,
    /// Print one JSON document for scripts: whether the file is valid, every
    /// diagnostic (file, line, column, message, hint) and the framework's counts.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Arguments of `jobpack list`. Its help text is [`Command::List`]'s, which
/// clap shows in place of this comment.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// The framework file to read.
    #[arg(default_value = "framework.toml")]
    pub(crate) framework: PathBuf,
    /// Print JSON (roles with their levels, skills, and the skill-level scale).
    #[arg(long)]
    pub(crate) json: bool,
}

/// Arguments of `jobpack build`. Its help text is [`Command::Build`]'s, which
/// clap shows in place of this comment. Relative paths are taken from the
/// current directory.
#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// Framework files, or folders whose *.toml files are all frameworks.
    #[arg(default_value = "framework.toml")]
    pub(crate) frameworks: Vec<PathBuf>,
    /// The folder to write into; created if missing (its parent must exist).
    #[arg(short, long, default_value = "output")]
    pub(crate) out: PathBuf,
    /// Only these roles (by id); repeat or separate with commas.
    #[arg(long = "role", value_delimiter = ',')]
    pub(crate) roles: Vec<String>,
    /// Only these levels (by id); repeat or separate with commas.
    #[arg(long = "level", value_delimiter = ',')]
    pub(crate) levels: Vec<String>,
    /// Only these products; repeat or separate with commas. Default: all, or
    /// with --people only the people's sheets.
    #[arg(long = "product", value_enum, value_delimiter = ',')]
    pub(crate) products: Vec<ProductKind>,
    /// Paper size of the PDFs and of the workbooks' print setup.
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    pub(crate) paper: Paper,
    /// Formats of the documents; repeat or separate with commas. pdf: job
    /// profiles and fillable appraisal sheets; html: job profiles as web pages,
    /// with index pages that make the output folder a static site; odt:
    /// editable OpenDocument job profiles. Workbooks are always written.
    #[arg(
        long = "format",
        value_enum,
        value_delimiter = ',',
        default_value = "pdf"
    )]
    pub(crate) formats: Vec<Format>,
    /// A CSV file of people (columns: name, role, level; optional: reviewer,
    /// period) for whom to write pre-filled appraisal sheets, as
    /// appraisals/<name>.pdf. Rows naming an unknown role or level are
    /// reported by line and skipped (exit status 1).
    // The text is also the --help text, which shows `<name>` as written.
    #[allow(rustdoc::invalid_html_tags)]
    #[arg(long)]
    pub(crate) people: Option<PathBuf>,
    /// How many documents to build at once (default: all cores, or RAYON_NUM_THREADS).
    #[arg(short, long)]
    pub(crate) jobs: Option<usize>,
    /// Print the manifest of written files as JSON on standard output.
    #[arg(long)]
    pub(crate) json: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Validate and list what would be written, writing nothing.
    #[arg(long, alias = "dry-run")]
    pub(crate) check_only: bool,
    /// Delete files an earlier run wrote that are no longer part of the pack
    /// (a removed role, level or framework), if they are unchanged since.
    /// Only in a full build: not with --role, --level, --product or --people.
    #[arg(long, conflicts_with = "check_only")]
    pub(crate) prune: bool,
    /// Which language editions to write, for a framework in several languages
    /// (`languages` in the framework file): a language (en, cy) for that language's
    /// edition, or `both` for the bilingual edition (Welsh first). Repeat or
    /// separate with commas. Default: the framework's `editions`, else every
    /// one. Edition files are named profile-LEVEL.cy.pdf, .en.pdf, .cy-en.pdf
    /// (workbooks likewise: ROLE-appraisal.cy-en.xlsx is bilingual).
    #[arg(long = "lang", value_delimiter = ',')]
    pub(crate) lang: Vec<String>,
    /// After building, keep watching the framework files, their logos and the
    /// people file, and build again whenever one changes; a bad edit is
    /// reported and the next change is waited for. Ctrl-C ends it (exit 130).
    #[arg(long, conflicts_with = "check_only")]
    pub(crate) watch: bool,
}

/// Arguments of `jobpack collect`. Its help text is [`Command::Collect`]'s,
/// which clap shows in place of this comment.
#[derive(Debug, Args)]
pub(crate) struct CollectArgs {
    /// The framework file the sheets were built from.
    pub(crate) framework: PathBuf,
    /// Filled appraisal sheets: PDF files, or folders to search for *.pdf.
    #[arg(required = true)]
    pub(crate) sheets: Vec<PathBuf>,
    /// The file to write, e.g. results.xlsx (replaced if it exists; its folder must exist).
    #[arg(short, long)]
    pub(crate) out: PathBuf,
    /// What to write: a workbook, or the results table alone as CSV.
    /// Default: csv when --out ends in .csv, else xlsx.
    #[arg(long, value_enum)]
    pub(crate) format: Option<ResultsFormat>,
    /// Print nothing but problems.
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

/// How `jobpack collect` writes its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ResultsFormat {
    /// An Excel workbook: Results, Team, Team chart and Skipped sheets.
    Xlsx,
    /// The Results table as CSV (UTF-8, comma-separated, header row first).
    Csv,
}

// The domain types the options choose between live with the code that uses them.
use crate::product::{Format, ProductKind};
use crate::render::Paper;
