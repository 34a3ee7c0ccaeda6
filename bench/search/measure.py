#!/usr/bin/env python3
"""Turns the file lists queries.js printed into a Markdown table: files and bytes per query, raw and gzip-compressed
(Pagefind's files are compressed already, so the two are equal there), plus each index's size and file count."""
import gzip, json, os, sys

site, size, dump = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(dump, encoding='utf-8').read()
data = json.loads(text[text.index('{"cadence"'):text.rindex('}') + 1].replace('&quot;', '"'))

def file_bytes(path):
    raw = open(os.path.join(site, path.lstrip('/')), 'rb').read()
    return len(raw), len(gzip.compress(raw, 6, mtime=0))

def folder(path):
    files = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, path)) for f in fs]
    raw = sum(os.path.getsize(f) for f in files)
    packed = sum(len(gzip.compress(open(f, 'rb').read(), 6, mtime=0)) for f in files)
    return len(files), raw, packed

kb = lambda n: f"{n / 1024:,.1f} KB"
for name, path in (('Cadence', 'search'), ('Pagefind', 'pagefind')):
    count, raw, packed = folder(path)
    print(f"| {size} | {name} | index | {count:,} files | {kb(raw)} | {kb(packed)} |")
for name in ('cadence', 'pagefind'):
    for i, q in enumerate(data[name]):
        sizes = [file_bytes(f) for f in q['files']]
        label = 'first query' if i == 0 else 'then'
        print(f"| {size} | {name.capitalize()} | {label} \"{q['query']}\" | {len(sizes)} files | {kb(sum(s[0] for s in sizes))} | {kb(sum(s[1] for s in sizes))} |")
