//! A CSV file read whole, checked, with every row's line number, so that each
//! problem can be reported at its line and column.

use std::path::Path;

use super::{column_letter, ImportError};

/// The largest CSV file read (the full DDaT download is about 3 MB).
pub(crate) const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

/// A checked CSV file: a header row and rows of as many fields.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    /// The header's names, as written (trimmed).
    pub(crate) headers: Vec<String>,
    /// The data rows: (line where the row starts, fields).
    pub(crate) rows: Vec<(usize, Vec<String>)>,
    /// The file as named on the command line.
    pub(crate) file: std::path::PathBuf,
}

/// How a format names a column it reads.
pub(crate) struct Wanted<'a> {
    /// The header text, compared without regard to case or spaces.
    pub(crate) name: &'a str,
    /// Whether the file must have it.
    pub(crate) required: bool,
}

impl Sheet {
    /// Reads `path`: UTF-8 (a byte-order mark is dropped), comma-separated,
    /// CRLF or LF line ends, a header row, then rows with as many fields.
    pub(crate) fn read(path: &Path) -> Result<Sheet, ImportError> {
        use std::io::Read;
        let whole = |message: String, hint: &str| ImportError {
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            message,
            hint: hint.to_string(),
        };
        let file = std::fs::File::open(path).map_err(|e| {
            whole(
                format!("cannot read {}: {e}", path.display()),
                "check the path of the file",
            )
        })?;
        let mut bytes = Vec::new();
        file.take(MAX_CSV_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                whole(
                    format!("cannot read {}: {e}", path.display()),
                    "check that it is a file",
                )
            })?;
        if bytes.len() as u64 > MAX_CSV_BYTES {
            return Err(whole(
                format!(
                    "{} is larger than {} MiB",
                    path.display(),
                    MAX_CSV_BYTES >> 20
                ),
                "check the path: a framework download is a few megabytes",
            ));
        }
        Sheet::parse(&bytes, path)
    }

    /// [`Sheet::read`] on bytes already read.
    pub(crate) fn parse(bytes: &[u8], path: &Path) -> Result<Sheet, ImportError> {
        let at = |line: usize, column: usize, message: String, hint: &str| ImportError {
            file: path.to_path_buf(),
            line,
            column,
            message,
            hint: hint.to_string(),
        };
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        if let Err(e) = std::str::from_utf8(bytes) {
            let valid = e.valid_up_to();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let hint = if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
                "the file is UTF-16: save it as \"CSV UTF-8\""
            } else {
                "save the file as \"CSV UTF-8\" (comma delimited)"
            };
            return Err(at(
                line,
                column,
                format!("the file is not UTF-8 text (byte {valid})"),
                hint,
            ));
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(at(
                1,
                1,
                "the file is empty".into(),
                "download the CSV file again",
            ));
        }
        // Lines counted from byte offsets: the csv crate's own line count
        // drifts on CRLF files.
        let newlines: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i)
            .collect();
        // A record's position may point at the line end before it (CRLF).
        let line_of = |byte: u64| {
            let mut at = byte as usize;
            while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
                at += 1;
            }
            newlines.partition_point(|&n| n < at) + 1
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut headers: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| line_of(p.byte()));
                at(
                    line,
                    1,
                    format!("the file is not valid CSV: {e}"),
                    "check the quotes on this line",
                )
            })?;
            let line = record.position().map_or(0, |p| line_of(p.byte()));
            let fields: Vec<String> = record
                .iter()
                .map(|f| f.replace("\r\n", "\n").replace('\r', "\n"))
                .collect();
            // A blank line between rows is no row.
            if fields.len() == 1 && fields[0].trim().is_empty() {
                continue;
            }
            match &headers {
                None => headers = Some(fields.iter().map(|h| h.trim().to_string()).collect()),
                Some(h) if fields.len() != h.len() => {
                    let column = fields.len().min(h.len()) + 1;
                    return Err(at(
                        line,
                        column,
                        format!(
                            "this row has {} fields, but the header row has {}",
                            fields.len(),
                            h.len()
                        ),
                        "a field with a comma or line break must be in \"double quotes\"; \
                         check the row in a spreadsheet",
                    ));
                }
                Some(_) => rows.push((line, fields)),
            }
        }
        let headers = headers.ok_or_else(|| {
            at(
                1,
                1,
                "the file is empty".into(),
                "download the CSV file again",
            )
        })?;
        Ok(Sheet {
            headers,
            rows,
            file: path.to_path_buf(),
        })
    }

    /// The index of each wanted column (None for an optional one not there),
    /// or an error at the header naming the first required column missing.
    pub(crate) fn columns(&self, wanted: &[Wanted]) -> Result<Vec<Option<usize>>, ImportError> {
        let norm = |s: &str| {
            s.chars()
                .filter(|c| !c.is_whitespace() && *c != '_')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        let found: Vec<String> = self.headers.iter().map(|h| norm(h)).collect();
        let mut out = Vec::new();
        for w in wanted {
            let index = found.iter().position(|h| *h == norm(w.name));
            if index.is_none() && w.required {
                let known: Vec<String> = wanted.iter().map(|w| norm(w.name)).collect();
                let stray = found.iter().position(|h| !known.contains(h));
                let (column, hint) = match stray {
                    Some(i) => (
                        i + 1,
                        format!(
                            "column {} ({}) is headed `{}`, which jobpack does not know: \
                             was it renamed from `{}`?",
                            i + 1,
                            column_letter(i + 1),
                            self.headers[i],
                            w.name
                        ),
                    ),
                    None => (
                        self.headers.len() + 1,
                        format!(
                            "the header row must name these columns: {}",
                            wanted
                                .iter()
                                .filter(|w| w.required)
                                .map(|w| w.name)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ),
                };
                return Err(ImportError {
                    file: self.file.clone(),
                    line: 1,
                    column,
                    message: format!("the column `{}` is missing", w.name),
                    hint,
                });
            }
            out.push(index);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &[u8]) -> Result<Sheet, ImportError> {
        Sheet::parse(s, Path::new("t.csv"))
    }

    #[test]
    fn bom_and_crlf_are_read() {
        let s = parse(b"\xef\xbb\xbfA,B\r\n1,\"x\r\ny\"\r\n").unwrap();
        assert_eq!(s.headers, ["A", "B"]);
        assert_eq!(s.rows, vec![(2, vec!["1".to_string(), "x\ny".to_string()])]);
    }

    #[test]
    fn ragged_rows_empty_files_and_bad_bytes_are_located() {
        let e = parse(b"A,B\n1,2\n1,2,3\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3));
        let e = parse(b"").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (1, "the file is empty"));
        let e = parse(b"A,B\n1,\xe9t\xe9\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
    }

    #[test]
    fn a_renamed_column_is_named() {
        let s = parse(b"Role,Levl\nx,y\n").unwrap();
        let e = s
            .columns(&[
                Wanted {
                    name: "Role",
                    required: true,
                },
                Wanted {
                    name: "Level",
                    required: true,
                },
            ])
            .unwrap_err();
        assert_eq!((e.line, e.column), (1, 2));
        assert!(e.hint.contains("`Levl`"), "{}", e.hint);
    }
}
