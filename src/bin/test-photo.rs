//! Writes a camera-like test photo (`ruzhou_story::test_photo`): no photo is shipped in the
//! repository, so the tests (`tests/e2e/photos.test.mjs`) make the ones they need.
//!
//! `cargo run --no-default-features --features ssr --bin test-photo -- FILE WIDTH HEIGHT [ORIENTATION]`
//! writes a JPEG (quality 92, as a phone's camera; with that EXIF orientation, 1 to 8, if given)
//! or, for a FILE ending in `.png`, a PNG.

use ruzhou_story::test_photo;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize| args.get(i).and_then(|a| a.parse::<u32>().ok());
    let (Some(file), Some(width), Some(height)) = (args.first(), number(1), number(2)) else {
        eprintln!("usage: test-photo FILE WIDTH HEIGHT [ORIENTATION]");
        std::process::exit(2);
    };
    let orientation = number(3).and_then(|o| u16::try_from(o).ok());
    let bytes = if file.ends_with(".png") {
        test_photo::png(width, height)
    } else {
        test_photo::jpeg(width, height, 92, orientation)
    };
    if let Some(folder) = std::path::Path::new(file).parent() {
        std::fs::create_dir_all(folder).expect("make the photo's folder");
    }
    std::fs::write(file, &bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
    println!(
        "test-photo: {file} ({width} × {height}, {} bytes)",
        bytes.len()
    );
}
