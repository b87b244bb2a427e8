"""Fills a jobpack appraisal sheet the way a script would, with pypdf or PyMuPDF.

    python fill.py pypdf|pymupdf IN.pdf OUT.pdf VALUES.json

VALUES.json: {"text": {"person.name": "…", …}, "radio": {"skill.x.self": "working", …}}
(fully qualified field names; a radio value is the export value of the
button to choose). Used by tests/forms.rs; prints nothing on success.
"""

import json
import sys


def with_pypdf(src, dst, text, radio):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(src))
    values = dict(text)
    values.update({name: NameObject("/" + export) for name, export in radio.items()})
    for page in writer.pages:
        # pypdf matches both partial and fully qualified names.
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    with open(dst, "wb") as f:
        writer.write(f)


def with_pymupdf(src, dst, text, radio):
    import pymupdf

    doc = pymupdf.open(src)
    for page in doc:
        for w in page.widgets():
            name = w.field_name
            if name in text:
                w.field_value = text[name]
                w.update()
            elif name in radio and w.on_state() == radio[name]:
                w.field_value = w.on_state()
                w.update()
    doc.save(dst, garbage=0)


def main():
    tool, src, dst, values = sys.argv[1:5]
    with open(values, encoding="utf-8") as f:
        v = json.load(f)
    fill = {"pypdf": with_pypdf, "pymupdf": with_pymupdf}[tool]
    fill(src, dst, v.get("text", {}), v.get("radio", {}))


if __name__ == "__main__":
    main()
