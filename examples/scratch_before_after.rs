#[path = "../tests/pdf_structure/fixture.rs"]
mod fixture;
fn main() {
    let bytes = std::fs::read("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf").unwrap();
    let font = printpdf::ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).unwrap();
    let (mut lo, laid) = fixture::document(Some(font.clone()), None);
    let mut before = Vec::new();
    lo.compress();
    lo.save_to(&mut before).unwrap();
    std::fs::write("/tmp/before.pdf", &before).unwrap();
    let (lo, laid2) = fixture::document(Some(font), None);
    assert_eq!(laid, laid2);
    let n = 200;
    let mut lo_copies: Vec<_> = (0..n).map(|_| lo.clone()).collect();
    let t = std::time::Instant::now();
    let mut out = Vec::new();
    for l in lo_copies.drain(..) {
        out = jobpack::render::pdf::finish::finish(l, &laid, &fixture::meta()).unwrap();
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
    // baseline: compress + save only
    let mut copies: Vec<_> = (0..n).map(|_| lo.clone()).collect();
    let t = std::time::Instant::now();
    let mut base = Vec::new();
    for mut l in copies.drain(..) {
        l.compress();
        base.clear();
        l.save_to(&mut base).unwrap();
    }
    let per_base = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
    let mut modern = Vec::new();
    let mut l = lo.clone();
    l.compress();
    l.save_modern(&mut modern).unwrap();
    std::fs::write("/tmp/after.pdf", &out).unwrap();
    println!("finish {per:.3} ms/doc, compress+save_to {per_base:.3} ms/doc; size finished {} vs plain save_to {} vs plain save_modern {}", out.len(), base.len(), modern.len());
}
