//! Screenshot pixels for the page tests' comparisons (PNG, as WebDriver and
//! DevTools give them).

/// The RGBA pixels of `[x0, x1) × [y0, y1)` of a PNG (clipped to it): width, height, bytes.
pub fn crop(png: &[u8], x0: usize, y0: usize, x1: usize, y1: usize) -> (usize, usize, Vec<u8>) {
    let mut decoder = png::Decoder::new(png);
    decoder.set_transformations(
        png::Transformations::EXPAND | png::Transformations::STRIP_16 | png::Transformations::ALPHA,
    );
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buffer).expect("a PNG frame");
    assert_eq!(info.color_type, png::ColorType::Rgba, "expanded to RGBA");
    let (w, h) = (info.width as usize, info.height as usize);
    let (x1, y1) = (x1.min(w), y1.min(h));
    let (x0, y0) = (x0.min(x1), y0.min(y1));
    let mut out = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        out.extend_from_slice(&buffer[(y * w + x0) * 4..(y * w + x1) * 4]);
    }
    (x1 - x0, y1 - y0, out)
}

/// Where two crops really differ, over the area both cover: pixelmatch's
/// comparison (dify), its YIQ colour distance over `threshold` (0 to 1, 0.1
/// is pixelmatch's default) and not anti-aliasing, which an engine may draw
/// differently on two paints of one page (WebKit does, after a repaint of part
/// of a rounded border or a line of text). Count, area, the first few (x, y).
pub fn differences(
    a: &(usize, usize, Vec<u8>),
    b: &(usize, usize, Vec<u8>),
    threshold: f32,
) -> (usize, usize, Vec<(usize, usize)>) {
    let (w, h) = (a.0.min(b.0), a.1.min(b.1));
    let image = |(cw, _, bytes): &(usize, usize, Vec<u8>)| {
        let rows: Vec<u8> = bytes.chunks(cw * 4).take(h).flat_map(|row| &row[..w * 4]).copied().collect();
        image::RgbaImage::from_raw(w as u32, h as u32, rows).expect("w × h RGBA")
    };
    // dify takes pixelmatch's squared YIQ distance; 35,215 is its largest.
    let max_delta = 35_215.0 * threshold * threshold;
    let Some((_, marked)) = dify::diff::get_results(image(a), image(b), max_delta, true, None, &None, &None) else {
        return (0, w * h, Vec::new());
    };
    let at: Vec<(usize, usize)> = marked
        .enumerate_pixels()
        .filter(|(_, _, p)| p.0 == [255, 0, 0, 255])
        .map(|(x, y, _)| (x as usize, y as usize))
        .collect();
    let count = at.len();
    (count, w * h, at.into_iter().take(20).collect())
}

#[cfg(test)]
mod tests {
    use super::differences;

    /// A white 40 × 40 crop with a black 10 × 10 square whose left edge is at `x`.
    fn square(x: usize) -> (usize, usize, Vec<u8>) {
        let mut bytes = vec![255u8; 40 * 40 * 4];
        for y in 10..20 {
            for px in x..x + 10 {
                bytes[(y * 40 + px) * 4..][..3].copy_from_slice(&[0, 0, 0]);
            }
        }
        (40, 40, bytes)
    }

    #[test]
    fn a_moved_edge_differs_and_a_softer_one_does_not() {
        let (count, area, at) = differences(&square(10), &square(11), 0.1);
        assert_eq!((count, area), (20, 1600), "the square's left and right columns: {at:?}");
        assert!(at.contains(&(10, 10)) && at.contains(&(20, 10)), "{at:?}");
        // The same square, its left edge anti-aliased grey in one of the two.
        let mut soft = square(10);
        for y in 10..20 {
            soft.2[(y * 40 + 9) * 4..][..3].copy_from_slice(&[128, 128, 128]);
        }
        assert_eq!(differences(&square(10), &soft, 0.1).0, 0);
        // Colour, not only brightness: the square red in one.
        let mut red = square(10);
        red.2.chunks_mut(4).filter(|p| p[0] == 0).for_each(|p| p[0] = 200);
        assert_eq!(differences(&square(10), &red, 0.1).0, 100);
    }
}
