//! Reading workbooks back: calamine for cells and tables, the zip for raw parts.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};

/// 7 January 2020, 00:00 UTC: the seed's publication date.
pub const EPOCH: i64 = 1_578_355_200;

/// A workbook opened from bytes.
pub type Book = Xlsx<Cursor<Vec<u8>>>;

pub fn open(bytes: Vec<u8>) -> Book {
    let mut book: Book = Xlsx::new(Cursor::new(bytes)).expect("a readable xlsx");
    book.load_tables().expect("tables load");
    book
}

pub fn text(book: &mut Book, sheet: &str, row: u32, col: u32) -> String {
    let range = book.worksheet_range(sheet).expect(sheet);
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

/// The header row and data rows of a named table, as text.
pub fn table(book: &mut Book, name: &str) -> (String, Vec<String>, Vec<Vec<String>>) {
    let t = book.table_by_name(name).expect(name);
    let rows = t
        .data()
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::Empty => String::new(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect();
    (t.sheet_name().to_string(), t.columns().to_vec(), rows)
}

pub fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    out
}
