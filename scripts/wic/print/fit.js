// Fitting printed pages (posters, handouts), run inside Chromium. show() puts one page (the body's
// first element) on the paper and finds the largest
// text scale (--fit) between minFit and maxFit at which everything fits the page: no content
// taller than the paper, no text wider than its box or off the page edge. If even minFit does not
// fit, it reports why, and the poster is not printed.
window.wicPrint = (function () {
  const PX_PER_MM = 96 / 25.4;
  const STEP = 0.01;

  function describe(el) {
    const text = (el.textContent || "").replace(/\s+/g, " ").trim();
    return text.length > 50 ? text.slice(0, 50) + "…" : text;
  }

  function problems(poster, limitH, measuring) {
    const out = [];
    // While measuring, keep 2 px in hand: the final page rounds heights to whole pixels.
    const height = measuring ? poster.getBoundingClientRect().height : poster.scrollHeight;
    const allowed = measuring ? limitH - 2 : poster.clientHeight + 1;
    if (height > allowed) {
      out.push(`content is ${((height - allowed) / PX_PER_MM).toFixed(1)} mm taller than the page`);
    }
    const page = poster.getBoundingClientRect();
    for (const el of poster.querySelectorAll("*")) {
      if (el instanceof SVGElement) continue;
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        out.push(`text wider than its box: "${describe(el)}"`);
        break;
      }
      const r = el.getBoundingClientRect();
      if (r.width && (r.right > page.right + 0.5 || r.left < page.left - 0.5)) {
        out.push(`text runs off the page edge: "${describe(el)}"`);
        break;
      }
    }
    return out;
  }

  // The largest v in [lo, hi] for which measure(v).ok, to within STEP; null if lo itself fails.
  // Height grows about linearly with the scale, so a guess interpolated from two measurements (or
  // a hint: the value this poster got at the other paper size) settles it in 3-5 layouts.
  function maximise(measure, lo, hi, hint) {
    let good = null, bad = null, guess = null;
    if (hint != null && hint >= lo && hint <= hi) {
      // The other paper size is the same design scaled: if its scale fits here, keep it, so the
      // A4 and A3 prints of a poster look the same.
      if (measure(hint).ok) return hint;
      bad = hint;
      guess = hint - STEP;
    } else {
      const top = measure(hi);
      if (top.ok) return hi;
      bad = hi;
      const bottom = measure(lo);
      if (!bottom.ok) return null;
      good = lo;
      guess = top.h > bottom.h ? lo + (hi - lo) * (top.limit - bottom.h) / (top.h - bottom.h) : lo;
    }
    guess = Math.min(hi, Math.max(lo, Math.floor(guess * 1000) / 1000));
    if (measure(guess).ok) {
      good = guess;
      const up = Math.min(hi, guess + STEP);
      if (up === guess || (bad !== null && up >= bad)) return guess;
      if (measure(up).ok) good = up; else bad = up;
    } else {
      bad = guess;
      const down = Math.max(lo, guess - STEP);
      if (down < guess && measure(down).ok) good = down;
    }
    if (good === null) {
      if (!measure(lo).ok) return null;
      good = lo;
    }
    if (bad === null) {
      if (measure(hi).ok) return hi;
      bad = hi;
    }
    while (bad - good > STEP) {
      const mid = (good + bad) / 2;
      if (measure(mid).ok) good = mid; else bad = mid;
    }
    return Math.floor(good * 1000) / 1000;
  }

  function fit(poster, minFit, maxFit, hint) {
    const limitH = poster.getBoundingClientRect().height;
    poster.classList.add("is-measuring");
    const measureWith = (name) => (v) => {
      poster.style.setProperty(name, String(v));
      return { ok: problems(poster, limitH, true).length === 0, h: poster.getBoundingClientRect().height, limit: limitH };
    };
    const best = maximise(measureWith("--fit"), minFit, maxFit, hint && hint.fit);
    if (best === null) {
      poster.style.setProperty("--fit", String(minFit));
      const why = problems(poster, limitH, true);
      poster.classList.remove("is-measuring");
      return { ok: false, fit: minFit, problems: why };
    }
    poster.style.setProperty("--fit", String(best));
    poster.classList.remove("is-measuring");
    // Final check on the real, fixed-height page; step down a little if rounding still overflows.
    let fitNow = best, final = problems(poster, limitH, false);
    for (let i = 0; final.length && i < 3 && fitNow - STEP >= minFit; i++) {
      fitNow = Math.round((fitNow - STEP) * 1000) / 1000;
      poster.style.setProperty("--fit", String(fitNow));
      final = problems(poster, limitH, false);
    }
    return { ok: final.length === 0, fit: fitNow, problems: final };
  }

  async function show(body, pageCss, title, minFit, maxFit, hint) {
    document.getElementById("page-size").textContent = pageCss;
    document.title = title;
    document.body.innerHTML = body;
    const poster = document.body.firstElementChild;
    void poster.offsetHeight;          // lay out, so the fonts the text needs start loading
    await document.fonts.ready;
    // The page address stays on one line: a long one is set smaller rather than broken.
    const url = poster.querySelector("[data-one-line]");
    for (let scale = 1; url && url.scrollWidth > url.clientWidth + 0.5 && scale > 0.55; ) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      url.style.fontSize = scale + "em";
    }
    return fit(poster, minFit, maxFit, hint);
  }

  return { show, fit, problems };
})();
