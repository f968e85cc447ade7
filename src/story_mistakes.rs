//! The mistakes an author can make in a story's data file, each tried on the small valid story of
//! `tests/fixtures/mistakes/` (`story.toml`, with its source text `source.txt`): the cases are
//! listed in `cases.toml` there, and each fails the check the build runs with its line, its field,
//! its message and a hint. Tests only.

#[cfg(test)]
mod tests {
    use crate::story_errors::{line_of, Problem};
    use crate::story_model::StoryFile;
    use serde::Deserialize;

    /// The fixture's path, as the build would print it.
    const FILE: &str = "tests/fixtures/mistakes/story.toml";
    /// The valid story every case changes.
    const BASE: &str = include_str!("../tests/fixtures/mistakes/story.toml");
    /// Its source text.
    const SOURCE: &str = include_str!("../tests/fixtures/mistakes/source.txt");
    /// The mistakes.
    const CASES: &str = include_str!("../tests/fixtures/mistakes/cases.toml");

    /// A mistake: the base story with every `find` replaced by `replace` fails with a problem at
    /// `place`, on the line where `at` starts in the changed file, whose message and hint hold
    /// `message` and `hint`.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Mistake {
        find: String,
        replace: String,
        at: String,
        place: String,
        message: String,
        hint: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Cases {
        mistake: Vec<Mistake>,
    }

    /// The problems the build's check finds in `text` (none for a valid story).
    fn problems(text: &str) -> Vec<Problem> {
        StoryFile::check(text, SOURCE).err().unwrap_or_default()
    }

    /// The problems as the build prints them.
    fn printed(problems: &[Problem]) -> String {
        let lines: Vec<String> = problems.iter().map(|p| p.render(FILE)).collect();
        lines.join("\n")
    }

    #[test]
    fn the_fixture_story_is_valid() {
        let found = problems(BASE);
        assert!(found.is_empty(), "{}", printed(&found));
    }

    #[test]
    fn each_mistake_fails_with_its_line_field_message_and_hint() {
        let cases: Cases = toml::from_str(CASES).expect("cases.toml");
        assert!(cases.mistake.len() > 50, "only {}", cases.mistake.len());
        let mut missed = Vec::new();
        for m in &cases.mistake {
            assert!(BASE.contains(&m.find), "not in the fixture: {}", m.find);
            let text = BASE.replace(&m.find, &m.replace);
            assert_ne!(text, BASE, "the edit changes nothing: {}", m.find);
            let at = text
                .find(&m.at)
                .unwrap_or_else(|| panic!("not in the changed file: {}", m.at));
            let line = line_of(&text, at);
            let found = problems(&text);
            for p in &found {
                assert!(p.line > 0 && !p.hint.is_empty(), "no line or hint: {p:?}");
            }
            let hit = found.iter().any(|p| {
                p.place == m.place
                    && p.line == line
                    && p.message.contains(&m.message)
                    && p.hint.contains(&m.hint)
            });
            if !hit {
                missed.push(format!(
                    "`{}` → `{}`: expected line {line}, {}: {} / {}; got\n{}",
                    m.find,
                    m.replace,
                    m.place,
                    m.message,
                    m.hint,
                    printed(&found)
                ));
            }
        }
        assert!(missed.is_empty(), "{}", missed.join("\n\n"));
    }

    #[test]
    fn mistakes_print_as_compiler_errors() {
        let text = BASE.replace("{workers}施工人员、", "{worker}施工人员、");
        let found = problems(&text);
        let line = line_of(&text, text.find("text = \"经过").unwrap());
        let counter = line_of(&text, text.find("id = \"workers\"").unwrap()) - 1;
        assert_eq!(
            printed(&found),
            format!(
                "error: {FILE}:{line}: sections[1].blocks[0].steps[2].text: unknown counter id `worker`\n  hint: did you mean `workers`? a figure is written `{{id}}` with the `id` of one of the [[counters]]\n\
                 error: {FILE}:{counter}: counters[2]: the figure `workers` is never placed in the text\n  hint: write `{{workers}}` in the paragraph or step where the article gives it, or take this counter out"
            )
        );
        let text = BASE.replace("byline", "biline");
        assert_eq!(
            printed(&problems(&text)),
            format!("error: {FILE}:6: biline: `biline` is not a field here\n  hint: did you mean `byline`? the fields here are `title`, `byline`, `description`, `authors`, `summary`, `counters`, `sections` (see \"The story data\" in README.md for the fields of each part)")
        );
    }
}
