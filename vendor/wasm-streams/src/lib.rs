//! A stand-in for [wasm-streams](https://crates.io/crates/wasm-streams) 0.5, which Leptos brings in
//! through `server_fn`'s browser client (streaming server-function requests and responses). This
//! page has no server functions, so that client never runs; but wasm-streams exports three classes
//! to JavaScript (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`), and
//! wasm-bindgen keeps every export with all the code behind it: 5.5 KB brotli (wasm 69 902 →
//! 64 948 B, JS glue 6 165 → 5 573 B) the phone downloads and compiles for nothing.
//!
//! Only what `server_fn` names is here, with the same signatures; turning a Rust stream into a
//! JavaScript one, or back, panics. A story that needs server functions removes the
//! `[patch.crates-io]` entry (and this folder) to get the real crate back.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use wasm_bindgen::JsValue;

/// A JavaScript `ReadableStream`, as wasm-streams wraps it.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a JavaScript stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// A JavaScript stream fed by a Rust one: not in this stand-in (panics).
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        unsupported()
    }

    /// The JavaScript stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// The stream's chunks as a Rust stream: not in this stand-in (panics).
    pub fn into_stream(self) -> IntoStream {
        unsupported()
    }
}

/// What [`ReadableStream::into_stream`] would return.
pub struct IntoStream(());

impl Stream for IntoStream {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(None)
    }
}

fn unsupported() -> ! {
    panic!("streaming server functions: this build has the wasm-streams stand-in of vendor/")
}
