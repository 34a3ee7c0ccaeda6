const queries = new URLSearchParams(location.search).get('q').split(',');
const out = { cadence: [], pagefind: [] };
const resources = (win) => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
const since = (list, seen) => list.filter((path) => !seen.has(path) && seen.add(path));

// Cadence: type into the real search page and wait for its status line to change.
const frame = document.getElementById('cadence');
await new Promise((resolve) => frame.complete || frame.contentDocument?.readyState === 'complete' ? resolve() : frame.addEventListener('load', resolve));
const page = frame.contentWindow;
const input = page.document.querySelector('input[type="search"]');
const status = page.document.querySelector('[data-search-status]');
const seen = new Set(resources(page));
for (const query of queries) {
  const before = status.textContent;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  for (let i = 0; i < 400 && (status.textContent === before || status.textContent.startsWith('Type')); i++) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 200));
  out.cadence.push({ query, status: status.textContent, files: since(resources(page), seen).filter((p) => p.startsWith('/search/')) });
}

// Pagefind: its own API, the first ten results' data loaded as its UI would.
const pfSeen = new Set(resources(window));
const pagefind = await import('/pagefind/pagefind.js');
for (const query of queries) {
  const search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  out.pagefind.push({ query, results: search.results.length, files: since(resources(window), pfSeen).filter((p) => p.startsWith('/pagefind/')) });
}
document.getElementById('out').textContent = JSON.stringify(out);
