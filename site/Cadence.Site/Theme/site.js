// Progressive enhancement only: every page and form works without this file.
(() => {
  'use strict';
  const started = String(Date.now());

  // A post's contents are folded on a phone; where they sit in a side column they start open.
  const toc = document.querySelector('details[data-toc]');
  if (toc && matchMedia('(min-width: 64rem)').matches) toc.open = true;

  // Forms post to the CMS. With script: stamp the load time (spam check), send JSON, show the answer in place.
  for (const form of document.querySelectorAll('form.cadence-form')) {
    const stamp = form.querySelector('input[name="_started"]');
    if (stamp) stamp.value = started;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const status = form.querySelector('.form-status');
      const button = form.querySelector('button[type="submit"]');
      clearErrors(form);
      if (!form.checkValidity()) {
        for (const field of form.querySelectorAll(':invalid')) showError(form, field.name, field.validationMessage);
        form.querySelector(':invalid')?.focus();
        return;
      }
      const body = {};
      for (const [name, value] of new FormData(form)) body[name] = value;
      button.disabled = true;
      status.textContent = 'Sending…';
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
          body: JSON.stringify(body),
        });
        const answer = await response.json().catch(() => ({}));
        if (response.ok) {
          form.reset();
          status.replaceChildren(message('ok', answer.message || form.dataset.success));
          if (answer.download) {
            const link = document.createElement('a');
            link.href = answer.download;
            link.textContent = 'Download now';
            status.append(' ', link);
          }
          for (const control of form.querySelectorAll('input, select, textarea, button')) control.disabled = true;
          return;
        }
        for (const [name, messages] of Object.entries(answer.errors || {})) showError(form, name, [].concat(messages).join(' '));
        status.replaceChildren(message('error', answer.title || answer.detail || 'Sorry, that did not work. Please try again.'));
      } catch {
        status.replaceChildren(message('error', 'Sorry, the form could not be sent. Please check your connection and try again.'));
      }
      button.disabled = false;
    });
  }

  function message(kind, text) {
    const span = document.createElement('span');
    span.className = kind;
    span.textContent = text;
    return span;
  }

  function showError(form, name, text) {
    const field = form.elements.namedItem(name);
    const slot = field && field.id ? document.getElementById(field.id + '-error') : null;
    if (!slot) return;
    slot.textContent = text;
    field.setAttribute('aria-invalid', 'true');
  }

  function clearErrors(form) {
    for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  }

  // Search over the split index (/search/index.json, written by Outputs/Search): the manifest names one shard per
  // two-letter term prefix; a query fetches only its words' shards, then the list chunks and texts of the results it shows.
  const search = document.querySelector('form.search');
  if (search) {
    const input = search.querySelector('input[type="search"]');
    const results = document.querySelector('[data-search-results]');
    const status = document.querySelector('[data-search-status]');
    const base = search.dataset.index.replace(/[^/]*$/, '');
    const cache = new Map();
    const get = (url) => { if (!cache.has(url)) cache.set(url, fetch(url).then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })); return cache.get(url); };
    const shown = 10;
    let latest = 0;
    let manifest = null;

    // Keep in step with Outputs/Search/SearchText.cs.
    const fold = (text) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
    const undouble = (stem) => stem.length >= 3 && stem.at(-1) === stem.at(-2) && 'bdgmnprt'.includes(stem.at(-1)) ? stem.slice(0, -1) : stem;
    const stem = (word) => {
      if (word.length <= 3 || !/[a-z]$/.test(word)) return word;
      if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
      if (word.endsWith('sses')) return word.slice(0, -2);
      if (word.endsWith('ing') && word.length >= 6) return undouble(word.slice(0, -3));
      if (word.endsWith('ed') && word.length >= 5) return undouble(word.slice(0, -2));
      if (word.endsWith('ly') && word.length >= 5) return word.slice(0, -2);
      if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
      return word;
    };
    const words = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2).map((w) => w.slice(0, 24));
    const shardOf = (term) => {
      const prefix = term.slice(0, 2);
      return /^[a-z0-9]{2}$/.test(prefix) ? prefix
        : 'x' + Array.from(new TextEncoder().encode(prefix), (b) => b.toString(16).padStart(2, '0')).join('');
    };

    // Every word must match; the word still being typed also matches as a prefix. Scores add up the weights.
    const match = async (query) => {
      const typed = words(query);
      const partial = !/\s$/.test(query);
      let scores = null;
      for (const [i, word] of typed.entries()) {
        const term = manifest.english ? stem(word) : word;
        const name = manifest.shards[shardOf(term)];
        const shard = name ? await get(`${base}t/${shardOf(term)}.${name}.json`) : {};
        const found = new Map();
        const add = (postings, factor) => {
          for (let p = 0; p < postings.length; p += 2) found.set(postings[p], Math.max(found.get(postings[p]) || 0, postings[p + 1] * factor));
        };
        if (shard[term]) add(shard[term], 1);
        if (partial && i === typed.length - 1) {
          for (const [other, postings] of Object.entries(shard)) {
            if (other !== term && (other.startsWith(word) || (word.startsWith(other) && word.length - other.length <= 3))) add(postings, 0.5);
          }
        }
        const next = new Map();
        for (const [id, score] of found) if (scores === null || scores.has(id)) next.set(id, (scores?.get(id) || 0) + score);
        scores = next;
      }
      return [...(scores || new Map())].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([id]) => id);
    };

    const documentOf = async (id) => {
      const chunk = Math.floor(id / manifest.chunk);
      const list = await get(`${base}m/${chunk}.${manifest.chunks[chunk]}.json`);
      const [url, title, date, text] = list[id % manifest.chunk];
      return { url, title, date, text: await get(`${base}f/${text}.json`) };
    };

    // The text around the first matched word, with every matched word marked.
    const snippet = (text, query) => {
      const terms = words(query);
      const hits = (word) => terms.some((t) => fold(word).startsWith(t.length > 3 ? stem(t) : t));
      const tokens = text.split(/([^\p{L}\p{N}]+)/u);
      let first = tokens.findIndex((token, i) => i % 2 === 0 && token && hits(token));
      if (first < 0) first = 0;
      const start = Math.max(0, first - 16);
      const paragraph = document.createElement('p');
      if (start > 0) paragraph.append('… ');
      let length = 0;
      for (let i = start; i < tokens.length && length < 220; i++) {
        const token = tokens[i];
        length += token.length;
        if (i % 2 === 0 && token && hits(token)) {
          const mark = document.createElement('mark');
          mark.textContent = token;
          paragraph.append(mark);
        } else paragraph.append(token);
      }
      if (length >= 220) paragraph.append(' …');
      return paragraph;
    };

    const run = async () => {
      const ticket = ++latest; // a slower earlier search must not overwrite a newer one's results
      const query = input.value;
      if (words(query).length === 0) { results.replaceChildren(); status.textContent = 'Type a word to search the posts and pages.'; return; }
      try {
        manifest ??= await get(search.dataset.index);
        const ids = await match(query);
        const documents = await Promise.all(ids.slice(0, shown).map(documentOf));
        if (ticket !== latest) return;
        results.replaceChildren(...documents.map((found) => {
          const item = document.createElement('li');
          const heading = document.createElement('h2');
          const link = document.createElement('a');
          link.href = found.url;
          link.textContent = found.title;
          heading.append(link);
          item.append(heading);
          if (found.date) {
            const date = document.createElement('p');
            date.className = 'post-meta';
            date.textContent = found.date;
            item.append(date);
          }
          item.append(snippet(found.text, query));
          return item;
        }));
        status.textContent = ids.length === 0 ? 'Nothing matches.'
          : ids.length > shown ? `${ids.length} results; the best ${shown} are shown.`
          : `${ids.length} result${ids.length === 1 ? '' : 's'}.`;
      } catch {
        if (ticket === latest) status.textContent = 'Search is unavailable just now. Please try again.';
      }
    };
    search.addEventListener('submit', (event) => { event.preventDefault(); run(); });
    let timer = 0;
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 150); });
    status.textContent = 'Type a word to search the posts and pages.';
    const query = new URLSearchParams(location.search).get('q');
    if (query) { input.value = query; run(); }
  }
})();
