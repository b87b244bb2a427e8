//! Writing files: safe names, atomic replacement, the manifest.
