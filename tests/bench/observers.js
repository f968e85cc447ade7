// A PATCH for where.mjs (`PATCH=tests/bench/observers.js node tests/bench/where.mjs /`): every
// IntersectionObserver the page makes, by kind (`band`: one with a root margin, a trigger line or
// the section bar's line; `t1`, `t3`: one with that many thresholds, a scene's steps or a
// counter), how many were made, how many reports they delivered with how many entries, and the
// time their callbacks took (ms, as the throttled page's clock runs), in `window.__probe`.
{
  const probe = (window.__probe = {});
  const Native = window.IntersectionObserver;
  window.IntersectionObserver = function (callback, options) {
    const kind = options?.rootMargin ? 'band' : `t${[options?.threshold ?? 0].flat().length}`;
    const row = (probe[kind] ??= { made: 0, reports: 0, entries: 0, ms: 0 });
    row.made++;
    return new Native((entries, observer) => {
      const t = performance.now();
      try {
        callback(entries, observer);
      } finally {
        row.reports++;
        row.entries += entries.length;
        row.ms = Math.round((row.ms + performance.now() - t) * 10) / 10;
      }
    }, options);
  };
}
