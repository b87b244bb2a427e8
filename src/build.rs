//! Planning and running a build: which documents, from which frameworks, in parallel.
