use galley::lexicon::model::Model;
use std::io::BufRead;
fn main() {
    let m = Model::builtin();
    for w in std::io::stdin().lock().lines() {
        let w = w.unwrap();
        let forms: Vec<_> = m.forms(&w).collect();
        let inside: u32 = forms.iter().map(|f| f.inside).sum();
        let caps: u32 = forms.iter().filter(|f| f.text.chars().any(char::is_uppercase)).map(|f| f.inside).sum();
        println!("{w}\t{inside}\t{:.3}", f64::from(caps) / f64::from(inside.max(1)));
    }
}
