//! What a story's photo file is, read from its bytes without decoding it: its format (JPEG or PNG,
//! nothing else), its size as it is shown (the EXIF orientation applied: a camera stores a photo
//! taken upright sideways and says so), and a hash of its content. `build.rs` reads every photo
//! of the story so (a file the page cannot use fails the build, naming the figure) and gives the
//! page each photo's size and hash; the prerender step checks that the decoder agrees. Pure logic,
//! no dependency (it is compiled into the build script too), natively tested.

/// A photo's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JPEG (a camera's or a phone's photo).
    Jpeg,
    /// PNG.
    Png,
}

/// What [`inspect`] found in a photo file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFile {
    /// Its format.
    pub format: Format,
    /// Its width in pixels as shown (the stored height when the orientation turns it a quarter).
    pub width: u32,
    /// Its height in pixels as shown.
    pub height: u32,
    /// The EXIF orientation (1 to 8; 1, upright, when the file has none).
    pub orientation: u8,
    /// The FNV-1a hash of its bytes ([`fnv1a`]).
    pub hash: u64,
}

/// The narrowest photo accepted, in pixels: a phone's screen at twice its density takes 800.
pub const MIN_WIDTH: u32 = 800;
/// The lowest photo accepted, in pixels.
pub const MIN_HEIGHT: u32 = 300;
/// The most pixels a photo may have (a 100-megapixel camera's): the prerender decodes it whole.
pub const MAX_PIXELS: u64 = 100_000_000;

/// The FNV-1a hash (64 bits) of `data`: the same bytes, the same hash, on every machine.
pub fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Reads a photo file's format, size and orientation from `bytes`, and checks that the page can
/// use it: a JPEG or a PNG, at least [`MIN_WIDTH`] × [`MIN_HEIGHT`] as shown, at most
/// [`MAX_PIXELS`]. The error says what is wrong in the staff's words.
pub fn inspect(bytes: &[u8]) -> Result<PhotoFile, String> {
    let (format, (width, height), orientation) = if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        let (size, orientation) = jpeg(bytes)?;
        (Format::Jpeg, size, orientation)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let (size, orientation) = png(bytes)?;
        (Format::Png, size, orientation)
    } else {
        return Err("is not a JPEG or PNG file (export the photo as JPEG)".into());
    };
    let (width, height) = if orientation >= 5 {
        (height, width)
    } else {
        (width, height)
    };
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Err(format!(
            "is {width} × {height} px: a photo must be at least {MIN_WIDTH} × {MIN_HEIGHT} \
             (use the camera's original file)"
        ));
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "is {width} × {height} px: a photo may have at most {} megapixels",
            MAX_PIXELS / 1_000_000
        ));
    }
    Ok(PhotoFile {
        format,
        width,
        height,
        orientation,
        hash: fnv1a(bytes),
    })
}

/// A big-endian `u16` at `at`, if the bytes reach that far.
fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

/// A big-endian `u32` at `at`.
fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// A JPEG's stored size (from its frame header) and EXIF orientation.
fn jpeg(bytes: &[u8]) -> Result<((u32, u32), u8), String> {
    let broken = || "is a damaged JPEG file (no image size before its data)".to_owned();
    let mut orientation = 1;
    let mut at = 2;
    loop {
        // A marker: 0xFF (and any fill bytes 0xFF), then its code.
        while bytes.get(at) == Some(&0xff) {
            at += 1;
        }
        let code = *bytes.get(at).ok_or_else(broken)?;
        at += 1;
        // Markers without a length: RST0-7, TEM.
        if (0xd0..=0xd7).contains(&code) || code == 0x01 {
            continue;
        }
        let len = usize::from(be16(bytes, at).ok_or_else(broken)?);
        let segment = bytes.get(at + 2..at + len).ok_or_else(broken)?;
        match code {
            // APP1: EXIF.
            0xe1 if segment.starts_with(b"Exif\0\0") => {
                orientation = exif_orientation(&segment[6..]).unwrap_or(1);
            }
            // A frame header (SOF0-15 but DHT, JPG and DAC): precision, height, width.
            0xc0..=0xcf if ![0xc4, 0xc8, 0xcc].contains(&code) => {
                let height = be16(segment, 1).ok_or_else(broken)?;
                let width = be16(segment, 3).ok_or_else(broken)?;
                return Ok(((width.into(), height.into()), orientation));
            }
            // Start of scan, end of image: the frame header should have come first.
            0xda | 0xd9 => return Err(broken()),
            _ => {}
        }
        at += len;
    }
}

/// A PNG's size (from its header) and the orientation of its EXIF chunk, if any.
fn png(bytes: &[u8]) -> Result<((u32, u32), u8), String> {
    let broken = || "is a damaged PNG file".to_owned();
    if bytes.get(12..16) != Some(b"IHDR") {
        return Err(broken());
    }
    let width = be32(bytes, 16).ok_or_else(broken)?;
    let height = be32(bytes, 20).ok_or_else(broken)?;
    // The chunks before the image data: length, type, data, CRC.
    let mut orientation = 1;
    let mut at = 8;
    while let (Some(len), Some(kind)) = (be32(bytes, at), bytes.get(at + 4..at + 8)) {
        let data = usize::try_from(len)
            .ok()
            .and_then(|len| bytes.get(at + 8..at + 8 + len))
            .ok_or_else(broken)?;
        match kind {
            b"eXIf" => orientation = exif_orientation(data).unwrap_or(1),
            b"IDAT" | b"IEND" => break,
            _ => {}
        }
        at += 12 + data.len();
    }
    Ok(((width, height), orientation))
}

/// The orientation tag (0x0112) of EXIF data (a TIFF structure), if it has a valid one.
fn exif_orientation(tiff: &[u8]) -> Option<u8> {
    let little = match tiff.get(..4)? {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => return None,
    };
    let u16_at = |at: usize| {
        let b: [u8; 2] = tiff.get(at..at + 2)?.try_into().ok()?;
        Some(if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |at: usize| {
        let b: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    // The first directory: a count of 12-byte entries (tag, type, count, value).
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = u16_at(ifd)?;
    (0..usize::from(entries))
        .map(|i| ifd + 2 + 12 * i)
        .find(|&entry| u16_at(entry) == Some(0x0112))
        .and_then(|entry| u16_at(entry + 8))
        .and_then(|value| u8::try_from(value).ok())
        .filter(|value| (1..=8).contains(value))
}

/// EXIF data (a TIFF structure, little- or big-endian) whose only tag is the orientation: what a
/// camera writes, for the test photos.
pub fn exif_orientation_tiff(orientation: u16, little: bool) -> Vec<u8> {
    let mut tiff = Vec::from(if little { *b"II*\0" } else { *b"MM\0*" });
    // `value` in `bytes` bytes, in the structure's byte order.
    let mut put = |value: u32, bytes: usize| {
        if little {
            tiff.extend(&value.to_le_bytes()[..bytes]);
        } else {
            tiff.extend(&value.to_be_bytes()[4 - bytes..]);
        }
    };
    // The first directory at 8: one entry, tag 0x0112, type SHORT (3), count 1, the value in the
    // first two bytes of its field; no next directory.
    put(8, 4);
    put(1, 2);
    put(0x0112, 2);
    put(3, 2);
    put(1, 4);
    put(orientation.into(), 2);
    put(0, 2);
    put(0, 4);
    tiff
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head of a JPEG: SOI, an APP0, an APP1 with `exif` if given, a DQT, then a baseline
    /// frame header of `width` × `height`, then the start of a scan.
    fn jpeg_head(width: u16, height: u16, exif: Option<&[u8]>) -> Vec<u8> {
        let segment = |code: u8, data: &[u8]| {
            let mut s = vec![0xff, code];
            s.extend(u16::try_from(data.len() + 2).unwrap().to_be_bytes());
            s.extend(data);
            s
        };
        let mut out = vec![0xff, 0xd8];
        out.extend(segment(0xe0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        if let Some(exif) = exif {
            out.extend(segment(0xe1, &[b"Exif\0\0".as_slice(), exif].concat()));
        }
        out.extend(segment(0xdb, &[0; 65]));
        let mut sof = vec![8];
        sof.extend(height.to_be_bytes());
        sof.extend(width.to_be_bytes());
        sof.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        out.extend(segment(0xc0, &sof));
        out.extend(segment(0xda, &[0; 10]));
        out
    }

    /// A PNG's signature and header of `width` × `height`, then `chunks` (type, data), then IEND.
    fn png_head(width: u32, height: u32, chunks: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
        let chunk = |kind: &[u8; 4], data: &[u8]| {
            let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
            c.extend(kind);
            c.extend(data);
            c.extend([0; 4]);
            c
        };
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let ihdr = [
            &width.to_be_bytes()[..],
            &height.to_be_bytes(),
            &[8, 2, 0, 0, 0],
        ]
        .concat();
        out.extend(chunk(b"IHDR", &ihdr));
        for (kind, data) in chunks {
            out.extend(chunk(kind, data));
        }
        out.extend(chunk(b"IEND", &[]));
        out
    }

    #[test]
    fn a_jpeg_s_size_is_read_from_its_frame_header() {
        let file = inspect(&jpeg_head(4000, 3000, None)).unwrap();
        assert_eq!(
            (file.format, file.width, file.height, file.orientation),
            (Format::Jpeg, 4000, 3000, 1)
        );
    }

    #[test]
    fn an_upright_camera_photo_is_as_wide_as_it_is_shown() {
        // Stored 4000 × 3000, orientation 6 (turn a quarter clockwise): shown 3000 × 4000.
        for little in [true, false] {
            let file = inspect(&jpeg_head(
                4000,
                3000,
                Some(&exif_orientation_tiff(6, little)),
            ))
            .unwrap();
            assert_eq!((file.width, file.height, file.orientation), (3000, 4000, 6));
        }
        // Orientation 3 (upside down) keeps the size; a value out of range counts as none.
        let file = inspect(&jpeg_head(
            4000,
            3000,
            Some(&exif_orientation_tiff(3, true)),
        ))
        .unwrap();
        assert_eq!((file.width, file.height, file.orientation), (4000, 3000, 3));
        let file = inspect(&jpeg_head(
            4000,
            3000,
            Some(&exif_orientation_tiff(9, true)),
        ))
        .unwrap();
        assert_eq!(file.orientation, 1);
    }

    #[test]
    fn a_png_s_size_and_exif_orientation_are_read() {
        let file = inspect(&png_head(1600, 900, &[])).unwrap();
        assert_eq!(
            (file.format, file.width, file.height, file.orientation),
            (Format::Png, 1600, 900, 1)
        );
        let exif = exif_orientation_tiff(8, false);
        let file = inspect(&png_head(1600, 900, &[(b"eXIf", &exif)])).unwrap();
        assert_eq!((file.width, file.height, file.orientation), (900, 1600, 8));
    }

    #[test]
    fn files_the_page_cannot_use_are_refused_saying_why() {
        let error = |bytes: &[u8]| inspect(bytes).unwrap_err();
        assert!(error(b"GIF89a....").contains("not a JPEG or PNG"));
        assert!(error(b"RIFF....WEBPVP8 ").contains("not a JPEG or PNG"));
        assert!(error(b"").contains("not a JPEG or PNG"));
        assert!(error(&jpeg_head(640, 480, None)).contains("640 × 480 px"));
        assert!(error(&png_head(1200, 200, &[])).contains("at least 800 × 300"));
        assert!(error(&png_head(20_000, 20_000, &[])).contains("at most 100 megapixels"));
        // Cut short: before its frame header, inside its header.
        let head = jpeg_head(4000, 3000, None);
        assert!(error(&head[..30]).contains("damaged JPEG"));
        assert!(error(&png_head(1600, 900, &[])[..20]).contains("damaged PNG"));
        // A scan before any frame header.
        let mut scan_first = vec![0xff, 0xd8, 0xff, 0xda, 0, 2];
        scan_first.extend(&head[2..]);
        assert!(error(&scan_first).contains("damaged JPEG"));
    }

    #[test]
    fn the_hash_is_of_the_bytes() {
        let file = |w| inspect(&png_head(w, 900, &[])).unwrap().hash;
        assert_eq!(file(1600), file(1600));
        assert_ne!(file(1600), file(1601));
        // FNV-1a's published test values.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
