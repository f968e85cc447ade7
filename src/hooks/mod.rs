//! Hooks: reactive behaviour that components share, built on the browser layer
//! ([`crate::browser`]), whose starters clean up after themselves. A hook returns signals; the
//! component only renders them.

pub mod active_step;
pub mod count_up;
pub mod page;
