//! Every integration test in one crate, so that CI links one test binary
//! instead of one per file (most of its time was compiling and linking).
//! Each file of this folder is a module; shared support lives beside it.

#[path = "../build_support/mod.rs"]
mod build_support;
#[path = "../common/mod.rs"]
mod common;

mod appraisal_pdf;
mod build_cli;
mod build_cli_run;
mod build_engine;
mod build_interrupt;
mod build_leftovers;
mod build_rebuild;
mod build_same_bytes;
mod cli;
mod cli_check_list;
mod collect;
mod forms;
mod html;
mod import;
mod load_errors;
mod load_good;
mod load_seed;
mod output_atomic;
mod output_full_disk;
mod pages;
mod pdf_structure;
mod people;
mod people_cli;
mod profile_pdf;
mod prop_build;
mod prop_loader;
mod robust;
mod welsh;
mod welsh_end_to_end;
mod workbook;
mod workbook_appraisal;
mod workbook_libreoffice;
