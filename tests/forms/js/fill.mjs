// Fills a jobpack appraisal sheet the way Firefox's built-in viewer does:
// pdf.js (pdfjs-dist) under node, values set in its annotationStorage and
// the file written by saveDocument(), which draws new appearance streams.
//
//   node fill.mjs PDFJS_DIR IN.pdf OUT.pdf VALUES.json
//
// PDFJS_DIR is the pdfjs-dist package folder; VALUES.json as for fill.py:
// {"text": {"person.name": "…"}, "radio": {"skill.x.self": "working"}}.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pdfjsDir, src, dst, valuesFile] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(join(pdfjsDir, "legacy/build/pdf.mjs")).href);
const values = JSON.parse(readFileSync(valuesFile, "utf8"));

const data = new Uint8Array(readFileSync(src));
const doc = await pdfjs.getDocument({ data, verbosity: 0 }).promise;
const fields = await doc.getFieldObjects();
const missing = [];
for (const [name, value] of Object.entries(values.text ?? {})) {
  if (!fields[name]) missing.push(name);
  for (const f of fields[name] ?? []) doc.annotationStorage.setValue(f.id, { value });
}
for (const [name, choice] of Object.entries(values.radio ?? {})) {
  if (!fields[name]) missing.push(name);
  for (const f of fields[name] ?? []) {
    doc.annotationStorage.setValue(f.id, { value: f.exportValues === choice });
  }
}
if (missing.length) {
  console.error(`pdf.js found no field called ${missing.join(", ")}`);
  process.exit(1);
}
writeFileSync(dst, await doc.saveDocument());
await doc.destroy();
