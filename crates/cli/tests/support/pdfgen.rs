//! A minimal PDF writer for tests: enough to make valid, broken and huge files on the fly
//! without shipping them (text in the standard Helvetica font, optional rectangles).

/// One page: lines of ASCII text at (x, y), and rectangles to stroke.
#[derive(Default, Clone)]
pub(crate) struct Page {
    pub texts: Vec<(f32, f32, String)>,
    pub rects: Vec<(f32, f32, f32, f32)>,
}

/// Serialize pages into a complete PDF with a correct xref table.
pub(crate) fn pdf(pages: &[Page]) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    // 1: catalog, 2: pages, 3: font, then per page: page object + content stream.
    let n = pages.len();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".to_string());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string());
    for (i, page) in pages.iter().enumerate() {
        let mut content = String::new();
        for (x, y, w, h) in &page.rects {
            content.push_str(&format!("{x} {y} {w} {h} re S\n"));
        }
        for (x, y, text) in &page.texts {
            let escaped = text
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            content.push_str(&format!("BT /F1 10 Tf {x} {y} Td ({escaped}) Tj ET\n"));
        }
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{obj}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A page of a small KPI-like table in ASCII (ruled cells), for volume tests.
pub(crate) fn table_page(i: usize) -> Page {
    let mut page = Page::default();
    page.texts
        .push((50.0, 800.0, format!("Page {i} KPI progress")));
    for row in 0..10 {
        let y = 760.0 - row as f32 * 20.0;
        page.rects.push((45.0, y - 5.0, 200.0, 20.0));
        page.rects.push((245.0, y - 5.0, 100.0, 20.0));
        page.texts.push((50.0, y, format!("Indicator {i}-{row}")));
        page.texts.push((250.0, y, format!("{}", i * 10 + row)));
    }
    page
}
