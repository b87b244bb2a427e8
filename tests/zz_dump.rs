mod common;
use jobpack::render::xlsx::*;
#[test]
fn dump() {
    let fw = common::load("examples/senior-2024.toml");
    std::fs::create_dir_all("/tmp/xl/senior").unwrap();
    std::fs::write(
        "/tmp/xl/senior/matrix.xlsx",
        role_workbook(&fw, 0, 1_578_355_200).unwrap(),
    )
    .unwrap();
    std::fs::write(
        "/tmp/xl/senior/appraisal.xlsx",
        appraisal_workbook(&fw, 0, 1_578_355_200).unwrap(),
    )
    .unwrap();
}
