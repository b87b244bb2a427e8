//! `jobpack import ddat`, tracks and `jobpack diff`, on the sample of the
//! official DDaT download in tests/data/ddat-sample/.

mod diff;
mod sample;
mod table;
