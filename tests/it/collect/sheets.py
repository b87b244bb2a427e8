"""Test helper for tests/it/collect.rs: stamps and fills jobpack appraisal sheets
with pypdf, as a person or a script would fill them.

    sheets.py stamp IN OUT STAMP.json   make a sheet follow the collect contract
    sheets.py fill IN OUT VALUES.json   fill fields with pypdf
    sheets.py fill-incremental ...      the same, appended as an incremental update
    sheets.py fill-pymupdf ...          fill fields with PyMuPDF (mupdf), as its users do
    sheets.py info IN OUT INFO.json     set (or remove, with null) Info entries

`stamp` exists only until sheets made by `jobpack build` carry the contract
themselves (radio states named after rungs, Info stamp): it renames each radio
widget's on-state from its position to the rung id STAMP["states"] maps the
option's label to, drops /Opt, and adds STAMP["info"] to the Info dictionary.
VALUES maps fully qualified field names to text, or to "/state" for a radio.
"""

import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

RADIO = 1 << 15


def fields(node, name=""):
    """Yields (qualified name, field dictionary) for every field."""
    node = node.get_object()
    partial = node.get("/T")
    full = f"{name}.{partial}" if name and partial else (partial or name)
    yield full, node
    for kid in node.get("/Kids", []):
        kid = kid.get_object()
        if "/T" in kid:
            yield from fields(kid, full)


def all_fields(writer):
    form = writer._root_object["/AcroForm"].get_object()
    for root in form["/Fields"]:
        yield from fields(root)


def rename_states(field, states):
    opts = [str(o) for o in field["/Opt"]]
    ids = [states[o] for o in opts]
    for kid in field["/Kids"]:
        kid = kid.get_object()
        ap = kid["/AP"].get_object()
        for key in ("/N", "/D"):
            if key not in ap:
                continue
            old = ap[key].get_object()
            new = DictionaryObject()
            for state, stream in old.items():
                if state == "/Off":
                    new[NameObject(state)] = stream
                else:
                    new[NameObject("/" + ids[int(state[1:])])] = stream
            ap[NameObject(key)] = new
        if kid.get("/AS", "/Off") != "/Off":
            kid[NameObject("/AS")] = NameObject("/" + ids[int(kid["/AS"][1:])])
    v = field.get("/V", "/Off")
    if v != "/Off":
        field[NameObject("/V")] = NameObject("/" + ids[int(v[1:])])
    del field["/Opt"]


def stamp(src, dst, spec):
    writer = PdfWriter(clone_from=PdfReader(src))
    for _, field in all_fields(writer):
        if field.get("/FT") == "/Btn" and int(field.get("/Ff", 0)) & RADIO and "/Opt" in field:
            rename_states(field, spec["states"])
    writer.add_metadata(spec["info"])
    writer.write(dst)


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
        "stamp": stamp,
        "fill": fill,
        "fill-incremental": lambda s, d, v: fill(s, d, v, incremental=True),
        "fill-pymupdf": fill_pymupdf,
        "info": info,
    }
    commands[command](src, dst, data)
