// A scripted stand-in for the browser's speechSynthesis and SpeechSynthesisUtterance, installed before
// the page's own scripts (Playwright's addInitScript, a <script> the WebDriver tests' server adds to its
// copy of the page, or the browser tests through Function), so that the read-aloud's logic is tested in
// every engine without a voice or a sound card. It behaves as the engines do: utterances queue and are
// spoken one after another, each sends `start`, word `boundary` events and `end`; `cancel()` ends the one
// being spoken with an `interrupted` error. Settings (window.__speech.config, or window.__speechConfig
// set before it is installed):
//   voices      the voices getVoices() lists (default: an English one and a zh-CN one)
//   late        list no voice until this many ms after install, then send `voiceschanged`
//   manual      true: an utterance is spoken until the test calls __speech.end() (default: timed)
//   msPerChar   speaking time per character of a timed utterance, at rate 1 (default 4)
//   wordChars   characters between word boundaries (default 4)
//   hiddenStops true: hiding the page interrupts speech with an error, as iOS does (default false)
// window.__speech.log has every utterance spoken ({text, lang, rate, voice, from}), __speech.events every
// call and event, in order.
(() => {
  const config = Object.assign({
    voices: [
      { name: 'Stand-in English', lang: 'en-US', localService: true, default: true, voiceURI: 'standin-en' },
      { name: 'Stand-in 普通话', lang: 'zh-CN', localService: true, default: false, voiceURI: 'standin-zh' },
    ],
    late: 0, manual: false, msPerChar: 4, wordChars: 4, hiddenStops: false,
  }, window.__speechConfig || {});
  const log = [];
  const events = [];
  let listed = config.late <= 0;
  let queue = [];
  let current = null;
  let timers = [];
  let paused = false;

  class Utterance extends EventTarget {
    constructor(text = '') {
      super();
      Object.assign(this, { text: String(text), lang: '', voice: null, rate: 1, pitch: 1, volume: 1 });
    }
  }

  const clear = () => { timers.forEach(clearTimeout); timers = []; };
  const fire = (u, type, extra = {}) => {
    events.push(`${type}${extra.error ? ':' + extra.error : ''}${type === 'boundary' ? ':' + extra.charIndex : ''}`);
    u.dispatchEvent(Object.assign(new Event(type), { utterance: u, charIndex: 0, charLength: 0, elapsedTime: 0, name: 'word' }, extra));
  };
  const finish = (type, extra) => {
    const u = current;
    if (!u) return;
    clear();
    current = null;
    fire(u, type, extra);
    setTimeout(next, 0);
  };
  const boundary = (charIndex) => { if (current) fire(current, 'boundary', { charIndex, charLength: config.wordChars }); };
  function next() {
    if (current || paused || !queue.length) return;
    current = queue.shift();
    const u = current;
    log.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name });
    fire(u, 'start');
    if (config.manual) return;
    const ms = config.msPerChar / (u.rate || 1);
    for (let i = config.wordChars; i < u.text.length; i += config.wordChars) {
      timers.push(setTimeout(() => current === u && boundary(i), i * ms));
    }
    timers.push(setTimeout(() => current === u && finish('end'), u.text.length * ms + 1));
  }

  class Synthesis extends EventTarget {
    get speaking() { return !!current; }
    get pending() { return queue.length > 0; }
    get paused() { return paused; }
    getVoices() { return listed ? config.voices.slice() : []; }
    speak(u) { events.push('speak'); queue.push(u); setTimeout(next, 0); }
    cancel() {
      events.push('cancel');
      const dropped = queue; queue = [];
      const u = current;
      current = null;
      clear();
      // As the engines do: later, in a task of its own.
      setTimeout(() => {
        if (u) fire(u, 'error', { error: 'interrupted' });
        dropped.forEach((d) => fire(d, 'error', { error: 'canceled' }));
      }, 0);
    }
    pause() { events.push('pause'); paused = true; }
    resume() { events.push('resume'); paused = false; next(); }
  }
  const synth = new Synthesis();
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true, writable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
  if (!listed) setTimeout(() => { listed = true; synth.dispatchEvent(new Event('voiceschanged')); }, config.late);
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && config.hiddenStops) finish('error', { error: 'interrupted' });
  });
  window.__speech = {
    config, log, events, synth,
    /** The utterance being spoken, or null. */
    get current() { return current && current.text; },
    /** Ends the utterance being spoken (after a boundary at `at`, if given). */
    end(at) { if (at !== undefined) boundary(at); finish('end'); },
    /** A word boundary of the utterance being spoken. */
    boundary,
    /** Fails the utterance being spoken with `error` (what a platform does when it stops speech). */
    fail(error = 'interrupted') { finish('error', { error }); },
  };
})();
