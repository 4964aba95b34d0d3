//! Manual inspection: `PDF=file.pdf [PAGE=n] [BACKEND=name] cargo test --test pdf_dump -- --ignored --nocapture`.
use shinchoku_extract::pdf::backend::PdfBackend;
use shinchoku_extract::pdf::{read_pdf, PdfOptions, PlumberBackend};
use shinchoku_extract::render_cells;

#[test]
#[ignore]
fn dump_cells() {
    let Ok(path) = std::env::var("PDF") else {
        return;
    };
    let page = std::env::var("PAGE").ok().map(|p| p.parse().unwrap());
    let bytes = std::fs::read(path).unwrap();
    let opts = PdfOptions {
        backend: std::env::var("BACKEND").ok(),
        password: std::env::var("PASSWORD").ok(),
        ..Default::default()
    };
    match read_pdf(&bytes, &opts) {
        Ok(doc) => {
            print!("{}", render_cells(&doc, page));
            for w in &doc.warnings {
                println!("WARN {} p{:?}: {}", w.code, w.provenance.page, w.message);
            }
        }
        Err(e) => println!("ERROR {e}"),
    }
}

#[test]
#[ignore]
fn dump_glyphs() {
    let Ok(path) = std::env::var("PDF") else {
        return;
    };
    let page: usize = std::env::var("PAGE")
        .map(|p| p.parse::<usize>().unwrap() - 1)
        .unwrap_or(0);
    let bytes = std::fs::read(path).unwrap();
    let doc = PlumberBackend.open(&bytes, None).unwrap();
    let p = doc.page(page).unwrap();
    println!(
        "{} x {}  glyphs {} rules {}",
        p.width,
        p.height,
        p.glyphs.len(),
        p.rules.len()
    );
    for g in &p.glyphs {
        println!(
            "G {:?} x {:.1}-{:.1} y {:.1}-{:.1} s {:.1} {} {}",
            g.text, g.x0, g.x1, g.top, g.bottom, g.size, g.upright, g.font
        );
    }
    for r in &p.rules {
        println!("R x {:.1}-{:.1} y {:.1}-{:.1}", r.x0, r.x1, r.top, r.bottom);
    }
}
