//! Camera-like photos made up for the tests (the `ssr` build; `src/bin/test-photo.rs` writes
//! them to files): no photo is shipped in the repository, and a test makes the one it needs, as
//! large as a phone's. Detail at every scale (noise summed over octaves, coarse to fine, as a
//! landscape's), a few hard edges, a sensor's grain, and a red mark in the stored top-left corner,
//! so that a test can tell which way up a photo was turned. It compresses about as a real photo
//! does (a 4000 × 3000 JPEG at quality 92 is some 6 MB), so sizes measured on it mean something.

use image::{imageops::FilterType, DynamicImage, ExtendedColorType, ImageEncoder, RgbImage};

/// A small, fast, deterministic random number generator (SplitMix64).
struct Random(u64);

impl Random {
    /// A byte, uniformly.
    fn byte(&mut self) -> u8 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z >> 56) as u8
    }
}

/// The photo's pixels, `width` × `height`, the same for the same `seed`.
pub fn pixels(width: u32, height: u32, seed: u64) -> RgbImage {
    let mut random = Random(seed);
    // From 1/256 of the size up, doubling: each level is the last one enlarged (smoothly) plus
    // noise of its own, weaker at the finest levels.
    let mut levels = Vec::new();
    let (mut w, mut h) = (width, height);
    while w > 16 && h > 16 {
        levels.push((w, h));
        (w, h) = (w.div_ceil(2), h.div_ceil(2));
    }
    let mut image = RgbImage::from_fn(w.max(1), h.max(1), |_, _| {
        image::Rgb([random.byte(), random.byte(), random.byte()])
    });
    for (i, &(w, h)) in levels.iter().rev().enumerate() {
        image = DynamicImage::ImageRgb8(image)
            .resize_exact(w, h, FilterType::Triangle)
            .into_rgb8();
        let finest = levels.len() - 1 - i;
        let amplitude = [32, 40, 46, 52, 56, 56, 56, 56][finest.min(7)];
        add_noise(&mut image, amplitude, &mut random);
    }
    // Hard edges: dark and light blocks, as buildings and a road.
    for k in 0..12 {
        let x0 = width / 12 * k;
        let y0 = height / 2 + u32::from(random.byte()) * height / 1024;
        let shade = if k % 2 == 0 { 40 } else { 215 };
        for y in y0..(y0 + height / 5).min(height) {
            for x in x0..(x0 + width / 20).min(width) {
                let p = image.get_pixel_mut(x, y);
                p.0 = p.0.map(|c| ((u16::from(c) + shade * 3) / 4) as u8);
            }
        }
    }
    // The mark: red, in the stored top-left corner.
    for y in 0..height / 10 {
        for x in 0..width / 10 {
            image.put_pixel(x, y, image::Rgb([230, 20, 20]));
        }
    }
    image
}

/// Adds to every sample noise of up to ± `amplitude` / 2, shared by the three channels (light
/// and shade) with a little of its own each (colour).
fn add_noise(image: &mut RgbImage, amplitude: u8, random: &mut Random) {
    let amplitude = i16::from(amplitude);
    for pixel in image.as_mut().chunks_exact_mut(3) {
        let light = i16::from(random.byte()) * amplitude / 256 - amplitude / 2;
        for c in pixel {
            let colour = i16::from(random.byte() >> 5) - 4;
            *c = (i16::from(*c) + light + colour).clamp(0, 255) as u8;
        }
    }
}

/// The photo as a camera's JPEG (`quality` 1 to 100), its EXIF orientation `orientation` if
/// given (the pixels stay as made: a viewer turns them).
pub fn jpeg(width: u32, height: u32, quality: u8, orientation: Option<u16>) -> Vec<u8> {
    let image = pixels(width, height, 1);
    let mut out = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality);
    if let Some(o) = orientation {
        encoder
            .set_exif_metadata(crate::photo_file::exif_orientation_tiff(o, true))
            .expect("JPEG takes EXIF");
    }
    encoder
        .encode(image.as_raw(), width, height, ExtendedColorType::Rgb8)
        .expect("encode the test JPEG");
    out
}

/// The photo as a PNG.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let image = pixels(width, height, 2);
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(image.as_raw(), width, height, ExtendedColorType::Rgb8)
        .expect("encode the test PNG");
    out
}
