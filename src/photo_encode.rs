//! Making a story photo's files (the `ssr` build, called by the prerender step): the photo is
//! decoded (a camera's EXIF orientation applied, any transparency laid on white), made into each
//! of its [`photos::widths`] (Lanczos), each written as WebP (libwebp) and JPEG, with a tiny
//! blurred WebP placeholder; the names, widths and qualities are [`crate::photos`]'s, the same
//! the page's markup gives. A file already made (the same name: the same photo, made the same
//! way) is copied from a cache folder instead of being made again, so a rebuild costs nothing.

use crate::photos::{self, Format};
use crate::story::Image;
use image::{imageops::FilterType, DynamicImage, ExtendedColorType, ImageDecoder, RgbImage};
use std::path::Path;

/// A file written to the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Its path in the built site (`photos/road-…-800.webp`).
    pub file: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// Makes every file of `image` (its file in `story_dir`) in `site` (the built site's folder),
/// through `cache` (a folder kept between builds) when given. Returns the files, in
/// [`photos::widths`] order (WebP and JPEG of each), then the placeholder. The error says what
/// is wrong with the photo.
pub fn make(
    image: &Image,
    story_dir: &Path,
    site: &Path,
    cache: Option<&Path>,
) -> Result<Vec<Written>, String> {
    let widths = photos::widths(image.width);
    let mut files: Vec<String> = widths
        .iter()
        .flat_map(|&w| [Format::Webp, Format::Jpeg].map(|f| photos::file(image, w, f)))
        .collect();
    files.push(photos::placeholder_file(image));
    let folder = site.join(photos::FOLDER);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let cached = |file: &str| cache.map(|c| c.join(file.trim_start_matches("photos/")));
    let all_cached = files
        .iter()
        .all(|f| cached(f).is_some_and(|path| path.is_file()));
    let made = if all_cached {
        None
    } else {
        let bytes =
            std::fs::read(story_dir.join(image.src)).map_err(|e| format!("cannot be read: {e}"))?;
        Some(encode(image, &bytes)?)
    };
    let mut written = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let data = match &made {
            Some(made) => made[i].clone(),
            None => {
                let path = cached(file).expect("cached");
                std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?
            }
        };
        if let (Some(path), Some(_)) = (cached(file), &made) {
            write_atomically(&path, &data)?;
        }
        let path = site.join(file);
        std::fs::write(&path, &data).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(Written {
            file: file.clone(),
            bytes: data.len(),
        });
    }
    Ok(written)
}

/// Writes `data` to `path` through a temporary file beside it, so that a build stopped midway
/// leaves no half file in the cache.
fn write_atomically(path: &Path, data: &[u8]) -> Result<(), String> {
    let folder = path.parent().expect("a file in a folder");
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let temporary = path.with_extension(format!("{}.part", std::process::id()));
    std::fs::write(&temporary, data)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The encoded files of `image` from its file's `bytes`, in [`make`]'s order.
fn encode(image: &Image, bytes: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let source = decode(bytes)?;
    if (source.width(), source.height()) != (image.width, image.height) {
        return Err(format!(
            "decodes to {} × {} px, not the {} × {} read from its header: re-export it",
            source.width(),
            source.height(),
            image.width,
            image.height
        ));
    }
    // Each width from the next wider one (the widest from the photo): as sharp, and far quicker
    // than each from the photo.
    let widths = photos::widths(image.width);
    let mut sized: Vec<DynamicImage> = Vec::new();
    for &w in widths.iter().rev() {
        let from = sized.last().unwrap_or(&source);
        let h = photos::height_at(image, w);
        sized.push(if (w, h) == (from.width(), from.height()) {
            from.clone()
        } else {
            from.resize_exact(w, h, FilterType::Lanczos3)
        });
    }
    let mut out = Vec::new();
    for sized in sized.iter().rev() {
        let rgb = sized.to_rgb8();
        out.push(webp(&rgb, photos::WEBP_QUALITY));
        out.push(jpeg(&rgb)?);
    }
    let smallest = sized.last().unwrap_or(&source);
    let w = photos::PLACEHOLDER_WIDTH;
    let tiny = smallest
        .resize_exact(w, photos::height_at(image, w), FilterType::Triangle)
        .blur(0.6);
    out.push(webp(&tiny.to_rgb8(), 40));
    Ok(out)
}

/// The photo in `bytes` as RGB pixels, turned upright as its EXIF orientation says, any
/// transparency laid on white.
fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    let problem = |e: image::ImageError| format!("cannot be decoded: {e}");
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot be read: {e}"))?
        .into_decoder()
        .map_err(problem)?;
    let orientation = decoder.orientation().map_err(problem)?;
    let mut photo = DynamicImage::from_decoder(decoder).map_err(problem)?;
    photo.apply_orientation(orientation);
    Ok(if photo.has_alpha() {
        DynamicImage::ImageRgb8(on_white(&photo))
    } else {
        DynamicImage::ImageRgb8(photo.into_rgb8())
    })
}

/// `photo` laid on white (JPEG has no transparency, and a photo on the page has none either).
fn on_white(photo: &DynamicImage) -> RgbImage {
    let rgba = photo.to_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (to, from) in out
        .as_mut()
        .chunks_exact_mut(3)
        .zip(rgba.as_raw().chunks_exact(4))
    {
        let alpha = u16::from(from[3]);
        for (t, f) in to.iter_mut().zip(from) {
            *t = ((u16::from(*f) * alpha + 255 * (255 - alpha) + 127) / 255) as u8;
        }
    }
    out
}

/// `rgb` as lossy WebP of `quality`.
fn webp(rgb: &RgbImage, quality: u8) -> Vec<u8> {
    webp::Encoder::from_rgb(rgb.as_raw(), rgb.width(), rgb.height())
        .encode(f32::from(quality))
        .to_vec()
}

/// `rgb` as JPEG of [`photos::JPEG_QUALITY`].
fn jpeg(rgb: &RgbImage) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, photos::JPEG_QUALITY)
        .encode(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            ExtendedColorType::Rgb8,
        )
        .map_err(|e| format!("cannot be encoded as JPEG: {e}"))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo_file;
    use crate::test_photo;

    /// A fresh, empty folder for one test.
    fn folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("photo-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("photos")).unwrap();
        dir
    }

    /// `bytes` written as `src` in a story folder, and its [`Image`] as `build.rs` makes it.
    fn story_photo(dir: &Path, src: &'static str, bytes: &[u8]) -> Image {
        std::fs::write(dir.join(src), bytes).unwrap();
        let file = photo_file::inspect(bytes).unwrap();
        Image {
            src,
            width: file.width,
            height: file.height,
            hash: file.hash,
        }
    }

    /// The format and size of a made file.
    fn format_and_size(bytes: &[u8]) -> (image::ImageFormat, u32, u32) {
        let format = image::guess_format(bytes).unwrap();
        let size = match format {
            // `image` reads no WebP here: its header (`VP8 `, lossy) has the size.
            image::ImageFormat::WebP => {
                assert_eq!(&bytes[12..16], b"VP8 ", "lossy WebP");
                let le = |at: usize| u32::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
                (le(26) & 0x3fff, le(28) & 0x3fff)
            }
            _ => image::load_from_memory(bytes)
                .unwrap()
                .to_rgb8()
                .dimensions(),
        };
        (format, size.0, size.1)
    }

    #[test]
    fn a_camera_photo_is_made_into_small_files_for_every_screen() {
        let story = folder("story");
        let site = folder("site");
        let cache = folder("cache");
        // A phone camera's photo: 4000 × 3000, quality 92.
        let started = std::time::Instant::now();
        let bytes = test_photo::jpeg(4000, 3000, 92, None);
        println!(
            "test photo: {} bytes, made in {:.1?}",
            bytes.len(),
            started.elapsed()
        );
        assert!(bytes.len() > 5_500_000, "a camera's 6 MB: {}", bytes.len());
        let image = story_photo(&story, "photos/road.jpg", &bytes);
        let started = std::time::Instant::now();
        let written = make(&image, &story, &site, Some(&cache)).unwrap();
        let took = started.elapsed();
        for w in &written {
            println!("{:>9} B  {}", w.bytes, w.file);
        }
        println!("made in {took:.1?}");
        let expected: Vec<String> = [480, 800, 1200, 1600]
            .iter()
            .flat_map(|&w| [Format::Webp, Format::Jpeg].map(|f| photos::file(&image, w, f)))
            .chain([photos::placeholder_file(&image)])
            .collect();
        let files: Vec<&str> = written.iter().map(|w| w.file.as_str()).collect();
        assert_eq!(files, expected);
        for (w, written) in [480, 800, 1200, 1600].iter().zip(written.chunks(2)) {
            let webp = std::fs::read(site.join(&written[0].file)).unwrap();
            let jpeg = std::fs::read(site.join(&written[1].file)).unwrap();
            let h = w * 3 / 4;
            assert_eq!(format_and_size(&webp), (image::ImageFormat::WebP, *w, h));
            assert_eq!(format_and_size(&jpeg), (image::ImageFormat::Jpeg, *w, h));
            assert!(webp.len() < jpeg.len(), "{w}: WebP is the smaller");
        }
        let size = |file: &str| written.iter().find(|w| w.file == file).unwrap().bytes;
        // The most a phone of 390 CSS px takes (1200 wide, at 3×): under 200 KB of 6 MB.
        let phone = size(&photos::file(&image, 1200, Format::Webp));
        assert!(phone < 200_000, "1200 WebP: {phone} B");
        assert!(size(&photos::file(&image, 480, Format::Webp)) < 40_000);
        // The placeholder: 24 px wide, a few hundred bytes.
        let placeholder = std::fs::read(site.join(photos::placeholder_file(&image))).unwrap();
        assert_eq!(
            format_and_size(&placeholder),
            (image::ImageFormat::WebP, 24, 18)
        );
        assert!(placeholder.len() < 600, "{} B", placeholder.len());

        // Built again (another site folder): every file comes from the cache, unchanged.
        let again = folder("again");
        let started = std::time::Instant::now();
        assert_eq!(make(&image, &story, &again, Some(&cache)).unwrap(), written);
        assert!(started.elapsed() < took / 4, "{:?}", started.elapsed());
        for file in &files {
            assert_eq!(
                std::fs::read(again.join(file)).unwrap(),
                std::fs::read(site.join(file)).unwrap()
            );
        }
        for dir in [story, site, cache, again] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn a_photo_taken_upright_is_made_upright_and_a_narrow_one_never_upscaled() {
        let story = folder("upright");
        // Stored 1500 × 1000 with the camera's "turn a quarter clockwise": shown 1000 × 1500.
        let bytes = test_photo::jpeg(1500, 1000, 90, Some(6));
        let image = story_photo(&story, "photos/upright.jpg", &bytes);
        assert_eq!((image.width, image.height), (1000, 1500));
        let written = make(&image, &story, &story, None).unwrap();
        let widest = std::fs::read(story.join(&written[4].file)).unwrap();
        // 480, 800, then the photo's own 1000 (never 1200 or 1600).
        assert!(written[4].file.ends_with("-1000.webp"), "{written:?}");
        assert_eq!(written.len(), 7);
        let jpeg = image::load_from_memory(&std::fs::read(story.join(&written[5].file)).unwrap())
            .unwrap()
            .to_rgb8();
        assert_eq!(jpeg.dimensions(), (1000, 1500));
        assert_eq!(
            format_and_size(&widest),
            (image::ImageFormat::WebP, 1000, 1500)
        );
        // The red mark of the stored top-left corner is now top right.
        let [r, g, _] = jpeg.get_pixel(1000 - 20, 20).0;
        assert!(
            r > 180 && g < 80,
            "top right: {:?}",
            jpeg.get_pixel(980, 20)
        );
        let [r, _, _] = jpeg.get_pixel(20, 20).0;
        assert!(
            r < 180 || jpeg.get_pixel(20, 20).0[1] > 80,
            "top left is not red"
        );
        std::fs::remove_dir_all(story).unwrap();
    }

    #[test]
    fn a_png_is_made_as_a_jpeg_is_and_a_bad_file_says_what_is_wrong() {
        let story = folder("png");
        let bytes = test_photo::png(1200, 900);
        let image = story_photo(&story, "photos/plan.png", &bytes);
        let written = make(&image, &story, &story, None).unwrap();
        let files: Vec<&str> = written.iter().map(|w| w.file.as_str()).collect();
        assert_eq!(files.len(), 7, "480, 800, 1200: {files:?}");
        assert!(files[4].ends_with("-1200.webp"));
        // A header that says more than the file holds.
        let mut cut = bytes.clone();
        cut.truncate(bytes.len() / 2);
        std::fs::write(story.join("photos/plan.png"), &cut).unwrap();
        let error = make(&image, &story, &story, None).unwrap_err();
        assert!(error.starts_with("cannot be decoded"), "{error}");
        // A header that lies about the size.
        let lying = Image {
            width: 1300,
            ..image
        };
        std::fs::write(story.join("photos/plan.png"), &bytes).unwrap();
        let error = make(&lying, &story, &story, None).unwrap_err();
        assert!(
            error.contains("decodes to 1200 × 900 px, not the 1300 × 900"),
            "{error}"
        );
        std::fs::remove_dir_all(story).unwrap();
    }

    #[test]
    fn transparency_is_laid_on_white() {
        let mut rgba = image::RgbaImage::new(2, 1);
        rgba.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        rgba.put_pixel(1, 0, image::Rgba([0, 100, 200, 255]));
        let rgb = on_white(&DynamicImage::ImageRgba8(rgba));
        assert_eq!(rgb.as_raw(), &[255, 255, 255, 0, 100, 200]);
    }
}
