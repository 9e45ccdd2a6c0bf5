use galley::lexicon::model::Model;
fn main() {
    let m = Model::builtin();
    for w in std::env::args().skip(1) {
        let forms: Vec<String> = m.forms(&w).map(|f| format!("{}:{}/{}", f.text, f.inside, f.start)).collect();
        println!("{w}: {}", forms.join(" "));
    }
}
