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
