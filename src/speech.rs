//! 听新闻, the read-aloud: its pure logic, unit-tested natively. The browser side (speech
//! synthesis, the highlight, scrolling) is `crate::browser::speech`; the control is
//! [`crate::components::listen_control`].
//!
//! The article is read block by block (the title, the section headings, the paragraphs and the
//! scenes' steps, as the page shows them) and sentence by sentence: one utterance per sentence, so
//! the sentence being read is known without relying on boundary events (some engines send none),
//! and no utterance is long enough for an engine to cut it off. Offsets are in UTF-16 code units,
//! the unit of DOM ranges and of speech boundary events.

use std::ops::Range;

/// What ends a sentence.
const ENDS: &[char] = &['。', '！', '？'];

/// Closing quotes and brackets that stay with the sentence they close (「……”。」 ends after 」).
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', '》'];

/// The sentences of `text`, as UTF-16 offset ranges: each ends after its run of 。！？ and the
/// closing quotes that follow; text after the last one (a paragraph ending in 「……」) is a
/// sentence too. Leading and trailing white space is left out; nothing is empty.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut last, mut at) = (None, 0, 0);
    let mut ended = false;
    for c in text.chars() {
        if ended && !ENDS.contains(&c) && !CLOSERS.contains(&c) {
            out.extend(start.take().map(|s| s..last));
            ended = false;
        }
        let len = c.len_utf16();
        if !c.is_whitespace() {
            start.get_or_insert(at);
            last = at + len;
        }
        ended |= ENDS.contains(&c);
        at += len;
    }
    out.extend(start.map(|s| s..last));
    out
}

/// The length of `text` in UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The part of `text` between UTF-16 offsets `start` and `end` (the end of the text at most).
pub fn utf16_slice(text: &str, start: usize, end: usize) -> &str {
    let (mut at, mut from, mut to) = (0, text.len(), text.len());
    for (i, c) in text.char_indices() {
        if at == start {
            from = i;
        }
        if at == end {
            to = i;
            break;
        }
        at += c.len_utf16();
    }
    &text[from.min(to)..to]
}

/// Where `offset` (UTF-16, in the concatenated text of pieces `lens` long) falls: the piece and
/// the offset in it. A start (`end == false`) belongs to the piece whose text begins there, an
/// end to the piece whose text stops there, so a range never begins or ends in a piece it does
/// not cover. `None` past the text.
pub fn locate(lens: &[usize], offset: usize, end: bool) -> Option<(usize, usize)> {
    let mut at = 0;
    for (i, &len) in lens.iter().enumerate() {
        let inside = if end {
            offset > at && offset <= at + len
        } else {
            offset >= at && offset < at + len
        };
        if inside {
            return Some((i, offset - at));
        }
        at += len;
    }
    None
}

/// How far (px) to scroll so that a sentence spanning `top`..`bottom` (px from the viewport top)
/// is in view within the band `band_top`..`band_bottom` (the viewport less the sticky bar above
/// and the read-aloud bar below): `None` when it already is; otherwise its top goes a quarter of
/// the way down the band, or to the band's top when it is too tall for that.
pub fn scroll_delta(top: f64, bottom: f64, band_top: f64, band_bottom: f64) -> Option<f64> {
    if top >= band_top && bottom <= band_bottom {
        return None;
    }
    let room = band_bottom - band_top;
    let to = if bottom - top > room * 0.75 {
        band_top
    } else {
        band_top + room / 4.0
    };
    Some(top - to)
}

/// Speech rates the reader can step through, with the label shown for each.
pub const RATES: [(f32, &str); 6] = [
    (0.6, "0.6×"),
    (0.8, "0.8×"),
    (1.0, "1×"),
    (1.25, "1.25×"),
    (1.5, "1.5×"),
    (2.0, "2×"),
];

/// A speech rate: an index into [`RATES`], 1× by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate(usize);

impl Default for Rate {
    fn default() -> Self {
        Self(2)
    }
}

impl Rate {
    /// The `SpeechSynthesisUtterance.rate`.
    pub fn value(self) -> f32 {
        RATES[self.0].0
    }

    /// What the control shows ("1.25×").
    pub fn label(self) -> &'static str {
        RATES[self.0].1
    }

    /// One step faster, `None` at the fastest.
    pub fn faster(self) -> Option<Self> {
        (self.0 + 1 < RATES.len()).then_some(Self(self.0 + 1))
    }

    /// One step slower, `None` at the slowest.
    pub fn slower(self) -> Option<Self> {
        self.0.checked_sub(1).map(Self)
    }
}

/// How well a voice's language tag fits the article, Mandarin as written in mainland China: 0 is
/// best (`zh-CN`, `zh_CN`, `zh-Hans`, `zh`, `cmn`), then a Mandarin voice of another place or
/// one that reads Latin letters as pinyin, then Cantonese; `None` for a voice that does not
/// read Chinese.
pub fn language_rank(lang: &str) -> Option<u8> {
    let mut tags = lang.split(['-', '_']);
    let is = |tag: &str, names: &[&str]| names.iter().any(|n| tag.eq_ignore_ascii_case(n));
    let primary = tags.next()?;
    if is(primary, &["yue"]) {
        return Some(3);
    }
    if !is(primary, &["zh", "cmn"]) {
        return None;
    }
    // The worst of the subtags: Hong Kong or Macau (Cantonese voices), another script or place.
    Some(tags.fold(0, |rank, tag| {
        if is(tag, &["hk", "mo"]) {
            2
        } else if is(tag, &["tw", "hant", "latn"]) {
            rank.max(1)
        } else {
            rank
        }
    }))
}

/// How a voice ranks for reading the article, lower first (`None`: it reads no Chinese): a voice
/// on the device (`localService`, sending nothing anywhere) before one of a service, then by
/// [`language_rank`], then the plainer name (`name_len`: espeak-ng lists each voice with every
/// variant, `…+Andy`, `…+whisper`, and the plain voice has the shortest name). Among equals the
/// browser's first.
pub fn voice_score(lang: &str, local: bool, name_len: usize) -> Option<(bool, u8, usize)> {
    language_rank(lang).map(|rank| (!local, rank, name_len))
}

/// Whether the browser can read the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VoiceState {
    /// Not known yet (the voices load after the page).
    #[default]
    Checking,
    /// A Chinese voice was found.
    Found,
    /// The browser has no Chinese voice, or no speech synthesis.
    Missing,
}

impl VoiceState {
    /// The `data-voice` attribute of the control: `checking`, `found` or `missing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Checking => "checking",
            Self::Found => "found",
            Self::Missing => "missing",
        }
    }
}

/// Whether the article is being read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Play {
    /// Not reading.
    #[default]
    Stopped,
    /// Reading aloud.
    Playing,
    /// Paused on a sentence.
    Paused,
}

impl Play {
    /// The `data-play` attribute of the control: `stopped`, `playing` or `paused`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stopped => "stopped",
            Self::Playing => "playing",
            Self::Paused => "paused",
        }
    }
}

/// A sentence of the article: its block and its index there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The block (title, heading, paragraph or step).
    pub block: usize,
    /// The sentence in the block.
    pub sentence: usize,
}

/// What the browser side does after a step of the [`Player`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Do {
    /// Nothing changes.
    Nothing,
    /// Silence what is being said and speak this sentence from this UTF-16 offset into it, at the
    /// player's rate; highlight it and keep it in view.
    Speak(Place, usize),
    /// Silence what is being said; highlight this sentence and keep it in view (paused there).
    Show(Place),
    /// Silence what is being said; the highlight stays (paused).
    Silence,
    /// Silence what is being said and take the highlight away (stopped).
    Stop,
}

/// The read-aloud's state: where it is, whether it is speaking, at which rate. The browser side
/// feeds it the reader's commands and the speech engine's events, and carries out the [`Do`] each
/// returns.
///
/// Pausing cancels the speech and resuming speaks again from the last word boundary the engine
/// reported (the start of the sentence where it reports none): `speechSynthesis.pause()` does
/// nothing on some platforms (Android). A change of rate restarts the same way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Player {
    /// How many sentences each block has.
    counts: Vec<usize>,
    /// The sentence being read (or paused on).
    pub place: Place,
    /// Playing, paused or stopped.
    pub play: Play,
    /// The rate.
    pub rate: Rate,
    /// Where the utterance being spoken starts in its sentence (UTF-16).
    from: usize,
    /// How far into the sentence speech has got: the last word boundary reported (UTF-16).
    reached: usize,
    /// The platform stopped the speech while the page was hidden (iOS): go on from the start of
    /// the sentence when it shows again.
    held: bool,
}

impl Player {
    /// A stopped player for blocks of these sentence counts.
    pub fn new(counts: Vec<usize>) -> Self {
        Self {
            counts,
            ..Self::default()
        }
    }

    /// The first sentence at or after block `block`, if any block from there on has one.
    fn first_from(&self, block: usize) -> Option<Place> {
        (block..self.counts.len())
            .find(|&b| self.counts[b] > 0)
            .map(|block| Place { block, sentence: 0 })
    }

    /// Speak `place` from its start.
    fn speak(&mut self, place: Place) -> Do {
        self.place = place;
        self.play = Play::Playing;
        self.held = false;
        self.from = 0;
        self.reached = 0;
        Do::Speak(place, 0)
    }

    /// Speak the current sentence again from where speech had got to.
    fn again(&mut self) -> Do {
        self.play = Play::Playing;
        self.from = self.reached;
        Do::Speak(self.place, self.reached)
    }

    /// Starts reading at block `block` (the first in view), or the first block after it with
    /// words. Stopped where no block from there on has any.
    pub fn start(&mut self, block: usize) -> Do {
        match self.first_from(block).or_else(|| self.first_from(0)) {
            Some(place) => self.speak(place),
            None => self.stop(),
        }
    }

    /// Pauses while playing, resumes while paused.
    pub fn toggle(&mut self) -> Do {
        match self.play {
            Play::Playing => {
                self.play = Play::Paused;
                Do::Silence
            }
            Play::Paused => self.again(),
            Play::Stopped => Do::Nothing,
        }
    }

    /// Stops reading.
    pub fn stop(&mut self) -> Do {
        *self = Self {
            counts: std::mem::take(&mut self.counts),
            rate: self.rate,
            ..Self::default()
        };
        Do::Stop
    }

    /// Goes to the start of the next block (playing or paused, as it was); nothing at the last.
    pub fn next_block(&mut self) -> Do {
        match self.first_from(self.place.block + 1) {
            Some(place) if self.play != Play::Stopped => self.go(place),
            _ => Do::Nothing,
        }
    }

    /// Goes to the start of the block before (or of the first block), playing or paused.
    pub fn previous_block(&mut self) -> Do {
        if self.play == Play::Stopped {
            return Do::Nothing;
        }
        let place = (0..self.place.block)
            .rev()
            .find(|&b| self.counts[b] > 0)
            .map_or(Place::default(), |block| Place { block, sentence: 0 });
        self.go(place)
    }

    /// Moves to `place`: speaks it when playing, shows it when paused.
    fn go(&mut self, place: Place) -> Do {
        if self.play == Play::Paused {
            self.place = place;
            self.from = 0;
            self.reached = 0;
            self.held = false;
            Do::Show(place)
        } else {
            self.speak(place)
        }
    }

    /// One rate step faster (`true`) or slower; the sentence being spoken goes on at the new rate
    /// from where it had got to. Nothing at either end.
    pub fn change_rate(&mut self, faster: bool) -> Do {
        let Some(rate) = (if faster {
            self.rate.faster()
        } else {
            self.rate.slower()
        }) else {
            return Do::Nothing;
        };
        self.rate = rate;
        if self.play == Play::Playing {
            self.again()
        } else {
            Do::Nothing
        }
    }

    /// The engine reached a word boundary at `char_index` of the utterance being spoken.
    pub fn boundary(&mut self, char_index: usize) {
        self.reached = self.reached.max(self.from + char_index);
    }

    /// The utterance being spoken ended: on to the next sentence, or stop after the last.
    pub fn ended(&mut self) -> Do {
        if self.play != Play::Playing {
            return Do::Nothing;
        }
        let Place { block, sentence } = self.place;
        if sentence + 1 < self.counts[block] {
            self.speak(Place {
                block,
                sentence: sentence + 1,
            })
        } else {
            match self.first_from(block + 1) {
                Some(place) => self.speak(place),
                None => self.stop(),
            }
        }
    }

    /// The engine stopped the utterance being spoken with an error (the platform interrupted it,
    /// or could not speak): paused on that sentence. While the page is `hidden` (iOS stops speech
    /// in the background) it goes on from the start of the sentence when the page shows again.
    pub fn failed(&mut self, hidden: bool) -> Do {
        if self.play != Play::Playing {
            return Do::Nothing;
        }
        self.play = Play::Paused;
        self.held = hidden;
        Do::Nothing
    }

    /// The page shows again. `stalled`: the engine is not speaking (or is paused) although the
    /// player plays, so the platform stopped it without a word. Either way, or after a
    /// [`failed`](Self::failed) while hidden, reading goes on from the start of that sentence.
    pub fn shown(&mut self, stalled: bool) -> Do {
        let stopped_by_platform = self.play == Play::Playing && stalled;
        if self.held || stopped_by_platform {
            let place = self.place;
            self.speak(place)
        } else {
            Do::Nothing
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences' text.
    fn split(text: &str) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        sentences(text)
            .into_iter()
            .map(|r| String::from_utf16(&units[r]).unwrap())
            .collect()
    }

    #[test]
    fn sentences_end_after_their_marks_and_closing_quotes() {
        assert_eq!(
            split(
                "目前，全长21.2公里的三条主干道路按期顺利实现通车。与此同时，一场收官战同步打响。"
            ),
            [
                "目前，全长21.2公里的三条主干道路按期顺利实现通车。",
                "与此同时，一场收官战同步打响。"
            ]
        );
        assert_eq!(
            split("让入驻企业“宾至如归”。管委会领导班子"),
            ["让入驻企业“宾至如归”。", "管委会领导班子"],
            "the quote is inside the sentence; the unfinished rest is a sentence"
        );
        assert_eq!(
            split("他说：“好。”真的吗？！是的！"),
            ["他说：“好。”", "真的吗？！", "是的！"],
            "closing quote after the full stop, and a run of marks"
        );
        assert_eq!(
            split("这里，以产业的力量，参与一座城市的涅槃重生……"),
            ["这里，以产业的力量，参与一座城市的涅槃重生……"],
            "an ellipsis ends no sentence"
        );
        assert_eq!(split("民生优先 基础设施先行"), ["民生优先 基础设施先行"]);
        assert_eq!(split("  即打响。 为促成 "), ["即打响。", "为促成"]);
        assert!(sentences("").is_empty());
        assert!(sentences(" \n ").is_empty());
    }

    #[test]
    fn sentence_offsets_count_utf16_units() {
        // 𠀀 is outside the BMP: two UTF-16 units, as the DOM counts it.
        assert_eq!(sentences("𠀀。好。"), [0..3, 3..5]);
    }

    #[test]
    fn offsets_fall_in_the_piece_that_covers_them() {
        // "累计融资到账" + "近20亿元" (a counter's final text) + "，有力保障"
        let lens = [6, 5, 5];
        assert_eq!(locate(&lens, 0, false), Some((0, 0)));
        assert_eq!(locate(&lens, 6, false), Some((1, 0)), "a start at a seam");
        assert_eq!(locate(&lens, 6, true), Some((0, 6)), "an end at a seam");
        assert_eq!(locate(&lens, 8, true), Some((1, 2)));
        assert_eq!(locate(&lens, 16, true), Some((2, 5)));
        assert_eq!(locate(&lens, 16, false), None);
        assert_eq!(
            locate(&[2, 0, 3], 2, false),
            Some((2, 0)),
            "empty pieces skipped"
        );
        assert_eq!(locate(&[2, 0, 3], 2, true), Some((0, 2)));
    }

    #[test]
    fn a_sentence_out_of_view_is_scrolled_a_quarter_down_the_band() {
        // The band: below a 44 px bar, above a 56 px bar at the bottom of an 844 px viewport.
        let (top, bottom) = (44.0, 788.0);
        assert_eq!(scroll_delta(300.0, 360.0, top, bottom), None, "in view");
        assert_eq!(scroll_delta(44.0, 788.0, top, bottom), None, "just fits");
        assert_eq!(
            scroll_delta(900.0, 960.0, top, bottom),
            Some(900.0 - 230.0),
            "below"
        );
        assert_eq!(
            scroll_delta(760.0, 820.0, top, bottom),
            Some(760.0 - 230.0),
            "under the bar"
        );
        assert_eq!(
            scroll_delta(-400.0, -340.0, top, bottom),
            Some(-400.0 - 230.0),
            "above"
        );
        assert_eq!(
            scroll_delta(20.0, 80.0, top, bottom),
            Some(20.0 - 230.0),
            "under the top bar"
        );
        assert_eq!(
            scroll_delta(900.0, 1600.0, top, bottom),
            Some(900.0 - 44.0),
            "too tall"
        );
    }

    #[test]
    fn states_name_their_attribute_values() {
        let voices = [VoiceState::Checking, VoiceState::Found, VoiceState::Missing];
        let names: Vec<&str> = voices.iter().map(|v| v.as_str()).collect();
        assert_eq!(names, ["checking", "found", "missing"]);
        let plays = [Play::Stopped, Play::Playing, Play::Paused];
        let names: Vec<&str> = plays.iter().map(|p| p.as_str()).collect();
        assert_eq!(names, ["stopped", "playing", "paused"]);
    }

    #[test]
    fn rates_step_within_their_range() {
        let normal = Rate::default();
        assert_eq!((normal.value(), normal.label()), (1.0, "1×"));
        let fast = normal.faster().unwrap();
        assert_eq!((fast.value(), fast.label()), (1.25, "1.25×"));
        let mut r = normal;
        while let Some(next) = r.faster() {
            assert!(next.value() > r.value());
            r = next;
        }
        assert_eq!(r.label(), "2×");
        while let Some(next) = r.slower() {
            r = next;
        }
        assert_eq!(r.label(), "0.6×");
        assert_eq!(r.slower(), None);
    }

    #[test]
    fn chinese_voices_rank_mainland_mandarin_first() {
        for lang in [
            "zh-CN",
            "zh_CN",
            "ZH-cn",
            "zh-Hans-CN",
            "zh",
            "cmn",
            "cmn-Hans-CN",
        ] {
            assert_eq!(language_rank(lang), Some(0), "{lang}");
        }
        for lang in ["zh-TW", "zh-Hant", "cmn-latn-pinyin"] {
            assert_eq!(language_rank(lang), Some(1), "{lang}");
        }
        assert_eq!(language_rank("zh-HK"), Some(2));
        assert_eq!(language_rank("yue"), Some(3));
        for lang in ["en-US", "ja", "hak", "", "z"] {
            assert_eq!(language_rank(lang), None, "{lang}");
        }
    }

    #[test]
    fn a_voice_on_the_device_is_picked_before_a_service() {
        let best = |voices: &[(&str, bool, usize)]| {
            let scored = voices.iter().enumerate();
            scored
                .filter_map(|(i, &(lang, local, len))| {
                    voice_score(lang, local, len).map(|s| (s, i))
                })
                .min()
                .map(|(_, i)| i)
        };
        assert_eq!(best(&[]), None);
        assert_eq!(best(&[("en-US", true, 5)]), None);
        // Chrome: a Google voice (a service) and the system's own.
        assert_eq!(best(&[("zh-CN", false, 10), ("zh-TW", true, 30)]), Some(1));
        assert_eq!(best(&[("zh-HK", true, 5), ("zh-CN", true, 40)]), Some(1));
        // espeak-ng: the plain voice before its variants; the first of equals.
        assert_eq!(
            best(&[
                ("cmn", true, 40),
                ("en", true, 2),
                ("cmn", true, 32),
                ("cmn", true, 32)
            ]),
            Some(2)
        );
        // Firefox reports its speech-dispatcher voices as not local: still a voice.
        assert_eq!(best(&[("cmn", false, 30)]), Some(0));
    }

    #[test]
    fn utf16_offsets_slice_and_measure_the_text() {
        assert_eq!(utf16_len("近20亿元"), 5);
        assert_eq!(utf16_len("𠀀好"), 3);
        assert_eq!(utf16_slice("汝州市产业集聚区", 3, 5), "产业");
        assert_eq!(utf16_slice("汝州市产业集聚区", 3, 99), "产业集聚区");
        assert_eq!(utf16_slice("𠀀好。", 2, 4), "好。");
        assert_eq!(utf16_slice("好", 5, 9), "");
    }

    /// Blocks of 2, 0 (no words) and 3 sentences, then 1.
    fn player() -> Player {
        Player::new(vec![2, 0, 3, 1])
    }

    fn at(block: usize, sentence: usize) -> Place {
        Place { block, sentence }
    }

    #[test]
    fn it_reads_sentence_after_sentence_to_the_end_and_stops() {
        let mut p = player();
        assert_eq!(p.start(0), Do::Speak(at(0, 0), 0));
        let mut spoken = vec![p.place];
        while let Do::Speak(place, 0) = p.ended() {
            spoken.push(place);
        }
        assert_eq!(
            spoken,
            [at(0, 0), at(0, 1), at(2, 0), at(2, 1), at(2, 2), at(3, 0)],
            "the block without words is skipped"
        );
        assert_eq!(p.play, Play::Stopped);
        assert_eq!(p.ended(), Do::Nothing, "a late end changes nothing");
    }

    #[test]
    fn it_starts_at_the_first_block_in_view_with_words() {
        let mut p = player();
        assert_eq!(p.start(1), Do::Speak(at(2, 0), 0));
        assert_eq!(
            p.start(9),
            Do::Speak(at(0, 0), 0),
            "past the end: from the top"
        );
        assert_eq!(Player::new(vec![0]).start(0), Do::Stop, "nothing to read");
    }

    #[test]
    fn pause_and_resume_go_on_from_the_last_word_boundary() {
        let mut p = player();
        p.start(2);
        p.boundary(4);
        p.boundary(9);
        assert_eq!(p.toggle(), Do::Silence);
        assert_eq!(p.play, Play::Paused);
        assert_eq!(p.ended(), Do::Nothing, "the cancelled utterance's end");
        assert_eq!(p.toggle(), Do::Speak(at(2, 0), 9));
        // Boundaries of the resumed utterance count from where it starts.
        p.boundary(3);
        assert_eq!(p.change_rate(true), Do::Speak(at(2, 0), 12));
        assert_eq!(p.rate.label(), "1.25×");
        // A new sentence starts from its beginning.
        assert_eq!(p.ended(), Do::Speak(at(2, 1), 0));
        assert_eq!(p.toggle(), Do::Silence);
        assert_eq!(
            p.toggle(),
            Do::Speak(at(2, 1), 0),
            "no boundary reported: its start"
        );
    }

    #[test]
    fn rate_changes_stop_at_either_end_and_wait_while_paused() {
        let mut p = player();
        for _ in 0..3 {
            p.change_rate(true);
        }
        assert_eq!(p.rate.label(), "2×");
        assert_eq!(p.change_rate(true), Do::Nothing);
        p.start(0);
        p.toggle();
        assert_eq!(
            p.change_rate(false),
            Do::Nothing,
            "paused: the next resume uses it"
        );
        assert_eq!(p.rate.label(), "1.5×");
        p.stop();
        assert_eq!(p.rate.label(), "1.5×", "kept after stopping");
    }

    #[test]
    fn skipping_goes_block_to_block_playing_or_paused() {
        let mut p = player();
        assert_eq!(p.next_block(), Do::Nothing, "stopped");
        p.start(0);
        p.ended();
        assert_eq!(p.place, at(0, 1));
        assert_eq!(
            p.next_block(),
            Do::Speak(at(2, 0), 0),
            "over the block without words"
        );
        assert_eq!(p.next_block(), Do::Speak(at(3, 0), 0));
        assert_eq!(p.next_block(), Do::Nothing, "the last block");
        assert_eq!(p.previous_block(), Do::Speak(at(2, 0), 0));
        assert_eq!(p.previous_block(), Do::Speak(at(0, 0), 0));
        assert_eq!(
            p.previous_block(),
            Do::Speak(at(0, 0), 0),
            "the first block again"
        );
        p.boundary(5);
        p.toggle();
        assert_eq!(p.next_block(), Do::Show(at(2, 0)));
        assert_eq!(p.play, Play::Paused);
        assert_eq!(
            p.toggle(),
            Do::Speak(at(2, 0), 0),
            "from the start of the block"
        );
    }

    #[test]
    fn stopping_forgets_the_place() {
        let mut p = player();
        p.start(2);
        p.ended();
        assert_eq!(p.stop(), Do::Stop);
        assert_eq!((p.play, p.place), (Play::Stopped, at(0, 0)));
        assert_eq!(p.toggle(), Do::Nothing);
        assert_eq!(p.previous_block(), Do::Nothing);
        assert_eq!(p.start(0), Do::Speak(at(0, 0), 0));
    }

    #[test]
    fn speech_stopped_in_the_background_goes_on_from_that_sentence() {
        // iOS: hiding the page interrupts the utterance with an error.
        let mut p = player();
        p.start(2);
        p.ended();
        p.boundary(6);
        assert_eq!(p.failed(true), Do::Nothing);
        assert_eq!(p.play, Play::Paused);
        assert_eq!(
            p.shown(true),
            Do::Speak(at(2, 1), 0),
            "the sentence from its start"
        );
        assert_eq!(p.shown(false), Do::Nothing, "only once");
        // Or it stops without a word: the engine is silent when the page shows again.
        assert_eq!(p.shown(true), Do::Speak(at(2, 1), 0));
        // A desktop browser goes on speaking in the background: nothing to do.
        assert_eq!(p.shown(false), Do::Nothing);
    }

    #[test]
    fn an_error_in_view_pauses_and_waits_for_the_reader() {
        let mut p = player();
        p.start(0);
        p.boundary(3);
        assert_eq!(p.failed(false), Do::Nothing);
        assert_eq!(p.play, Play::Paused);
        assert_eq!(p.shown(true), Do::Nothing, "not resumed by itself");
        assert_eq!(p.toggle(), Do::Speak(at(0, 0), 3));
        let mut stopped = player();
        assert_eq!(stopped.failed(true), Do::Nothing);
        assert_eq!(stopped.shown(true), Do::Nothing, "never starts by itself");
    }
}
