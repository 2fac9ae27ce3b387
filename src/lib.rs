//! dechrome: strips site chrome from crawled pages and leaves the document.
pub mod decode;
pub mod eval;
