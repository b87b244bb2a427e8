mod common;
use jobpack::render::xlsx::*;
#[test]
fn dump() {
    let fw = common::seed_framework();
    std::fs::create_dir_all("/tmp/xl").unwrap();
    std::fs::write(
        "/tmp/xl/matrix.xlsx",
        role_workbook(&fw, 0, 1_578_355_200).unwrap(),
    )
    .unwrap();
    std::fs::write(
        "/tmp/xl/appraisal.xlsx",
        appraisal_workbook(&fw, 0, 1_578_355_200).unwrap(),
    )
    .unwrap();
    let fw7 = common::synthetic_framework(7);
    std::fs::write(
        "/tmp/xl/seven.xlsx",
        role_workbook(&fw7, 0, 1_578_355_200).unwrap(),
    )
    .unwrap();
}
