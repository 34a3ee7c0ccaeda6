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

  // Search: fetch the index once, then match every word of the query against title, excerpt and tags.
  const search = document.querySelector('form.search');
  if (search) {
    const input = search.querySelector('input[type="search"]');
    const results = document.querySelector('[data-search-results]');
    const status = document.querySelector('[data-search-status]');
    let index = null;
    let latest = 0;
    const load = async () => index ??= await (await fetch(search.dataset.index)).json();
    const run = async () => {
      const ticket = ++latest; // a slower earlier search must not overwrite a newer one's results
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) { results.replaceChildren(); status.textContent = 'Type a word to search the posts.'; return; }
      const posts = await load();
      if (ticket !== latest) return;
      results.replaceChildren();
      const found = posts.filter((post) => {
        const text = (post.title + ' ' + post.excerpt + ' ' + post.tags.join(' ')).toLowerCase();
        return words.every((word) => text.includes(word));
      }).slice(0, 50);
      for (const post of found) {
        const item = document.createElement('li');
        const heading = document.createElement('h2');
        const link = document.createElement('a');
        link.href = post.url;
        link.textContent = post.title;
        heading.append(link);
        const excerpt = document.createElement('p');
        excerpt.textContent = post.excerpt;
        item.append(heading, excerpt);
        results.append(item);
      }
      status.textContent = found.length === 0 ? 'No posts match.' : `${found.length} post${found.length === 1 ? '' : 's'} found.`;
    };
    search.addEventListener('submit', (event) => { event.preventDefault(); run(); });
    let timer = 0;
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
    status.textContent = 'Type a word to search the posts.';
    const query = new URLSearchParams(location.search).get('q');
    if (query) { input.value = query; run(); }
  }
})();
