"""Test helper for tests/it/collect.rs: fills jobpack appraisal sheets with
pypdf (or PyMuPDF), as a person or a script would fill them.

    sheets.py fill IN OUT VALUES.json   fill fields with pypdf
    sheets.py fill-incremental ...      the same, appended as an incremental update
    sheets.py fill-pymupdf ...          fill fields with PyMuPDF (mupdf), as its users do
    sheets.py info IN OUT INFO.json     set (or remove, with null) Info entries

VALUES maps fully qualified field names to text, or to "/state" for a radio.
"""

import json
import sys

from pypdf import PdfReader, PdfWriter

def fill(src, dst, values, incremental=False):
    writer = PdfWriter(src, incremental=True) if incremental else PdfWriter(clone_from=PdfReader(src))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.write(dst)


def fill_pymupdf(src, dst, values):
    import pymupdf

    doc = pymupdf.open(src)
    for page in doc:
        for widget in page.widgets():
            value = values.get(widget.field_name)
            if value is None:
                continue
            if widget.field_type == pymupdf.PDF_WIDGET_TYPE_RADIOBUTTON:
                # A radio button is chosen by setting its own on-state.
                if widget.on_state() == value[1:]:
                    widget.field_value = widget.on_state()
                    widget.update()
            else:
                widget.field_value = value
                widget.update()
    doc.save(dst)


def info(src, dst, entries):
    writer = PdfWriter(clone_from=PdfReader(src))
    meta = writer._info.get_object() if writer._info is not None else None
    for key, value in entries.items():
        if value is None:
            if meta is not None and key in meta:
                del meta[key]
        else:
            writer.add_metadata({key: value})
    writer.write(dst)


if __name__ == "__main__":
    command, src, dst, spec = sys.argv[1:5]
    with open(spec, encoding="utf-8") as f:
        data = json.load(f)
    commands = {
        "fill": fill,
        "fill-incremental": lambda s, d, v: fill(s, d, v, incremental=True),
        "fill-pymupdf": fill_pymupdf,
        "info": info,
    }
    commands[command](src, dst, data)
