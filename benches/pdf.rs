//! Speed of the PDF engine on the seed role (framework.toml): one job
//! profile, the role's five profiles, the steps inside one render, and one
//! appraisal sheet (nine pages, two hundred form fields: a batch's main cost),
//! and the same profile as an HTML page and an OpenDocument file.
//! Run with `cargo bench --bench pdf`; the README records the numbers.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use jobpack::compose::appraisal::appraisal;
use jobpack::compose::profile::profile;
use jobpack::render::html::{self, HtmlOptions};
use jobpack::render::odt::{self, OdtOptions};
use jobpack::render::pdf::finish::finish;
use jobpack::render::pdf::{lay_out, render, save_options, FontSet, PdfOptions};

fn benches(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("framework.toml");
    let fw = jobpack::load::load_file(&path)
        .expect("framework.toml loads")
        .framework;
    // As a build makes them: one program per face for the whole framework.
    let fonts = FontSet::load()
        .expect("bundled fonts parse")
        .for_repertoire(jobpack::build::repertoire::of_framework(&fw));
    let opts = PdfOptions::default();
    let epoch = fw.document_epoch(None);
    let levels = fw.roles[0].levels.len();
    let senior = 2.min(levels - 1);

    c.bench_function("fonts: load the four faces", |b| {
        b.iter(|| FontSet::load().unwrap())
    });
    c.bench_function("profile: compose the senior level", |b| {
        b.iter(|| profile(black_box(&fw), 0, senior, epoch).unwrap())
    });
    let doc = profile(&fw, 0, senior, epoch).unwrap();
    c.bench_function("profile: lay out, paint and subset (no file)", |b| {
        b.iter(|| lay_out(black_box(&doc), &opts, &fonts).unwrap())
    });
    let laid = lay_out(&doc, &opts, &fonts).unwrap();
    let save = save_options();
    c.bench_function("printpdf: to_lopdf_document", |b| {
        b.iter(|| {
            laid.pdf
                .to_lopdf_document(black_box(&save), &mut Vec::new())
        })
    });
    let lo = laid.pdf.to_lopdf_document(&save, &mut Vec::new());
    let told = laid.handover(&doc.meta, None);
    c.bench_function("finish: the finishing pass, compress and save", |b| {
        b.iter(|| finish(black_box(lo.clone()), &told).unwrap())
    });
    c.bench_function("profile: one finished PDF (senior)", |b| {
        b.iter(|| render(black_box(&doc), &opts, &fonts).unwrap())
    });
    let sheet = appraisal(&fw, 0, senior, None, epoch).unwrap();
    c.bench_function("appraisal: one finished PDF (senior)", |b| {
        b.iter(|| render(black_box(&sheet), &opts, &fonts).unwrap())
    });
    c.bench_function("profile: the role's five PDFs", |b| {
        b.iter(|| {
            for level in 0..levels {
                let d = profile(&fw, 0, level, epoch).unwrap();
                black_box(render(&d, &opts, &fonts).unwrap());
            }
        })
    });
}

/// The other editions of the senior profile, from the composed document.
fn editions(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("framework.toml");
    let fw = jobpack::load::load_file(&path)
        .expect("framework.toml loads")
        .framework;
    let epoch = fw.document_epoch(None);
    let senior = 2.min(fw.roles[0].levels.len() - 1);
    let doc = profile(&fw, 0, senior, epoch).unwrap();
    let mut group = c.benchmark_group("editions");
    group.sample_size(30);
    group.bench_function("html: one profile page (senior)", |b| {
        b.iter(|| html::render(black_box(&doc), &HtmlOptions::default()))
    });
    group.bench_function("odt: one profile file (senior)", |b| {
        b.iter(|| odt::render(black_box(&doc), &OdtOptions::default()).unwrap())
    });
    group.finish();
}

criterion_group!(pdf, benches, editions);
criterion_main!(pdf);
