// Reads a Cadence CMS through Ghost's official Content API client and prints, as one JSON object, what every
// call answered: a list as {items, meta}, one resource as itself, a refusal as {error: {name, message, status}}.
// Usage: node check.js <cms address> <content key>
'use strict';
const GhostContentAPI = require('@tryghost/content-api');

const [url, key] = process.argv.slice(2);
if (!url || !key) {
    console.error('usage: node check.js <cms address> <content key>');
    process.exit(2);
}

const api = new GhostContentAPI({url, key, version: 'v5.0'});
const out = {};

async function call(name, request) {
    try {
        const answer = await request();
        out[name] = Array.isArray(answer) ? {items: [...answer], meta: answer.meta} : answer;
    } catch (error) {
        out[name] = {error: {name: error.name, message: error.message, status: error.response ? error.response.status : null}};
    }
    return out[name];
}

(async () => {
    const firstPage = await call('posts.browse.page1', () => api.posts.browse({limit: 4, page: 1, include: 'tags,authors'}));
    await call('posts.browse.page2', () => api.posts.browse({limit: 4, page: 2, include: 'tags,authors'}));
    await call('posts.browse.all.fields', () => api.posts.browse({limit: 'all', fields: 'title,slug', order: 'title asc'}));
    await call('posts.browse.tag', () => api.posts.browse({filter: 'tag:knee-pain', limit: 'all'}));
    await call('posts.browse.tags.and.date', () => api.posts.browse({filter: "tags:[feet,hips]+published_at:>'2025-07-01'", limit: 'all'}));
    await call('posts.browse.or', () => api.posts.browse({filter: 'slug:shin-splints,author:maya-okafor', limit: 'all', order: 'published_at asc'}));
    await call('posts.browse.featured', () => api.posts.browse({filter: 'featured:true'}));
    await call('posts.browse.visibility', () => api.posts.browse({filter: 'visibility:public', limit: 'all'}));
    const newest = firstPage.items ? firstPage.items[0] : {id: 'none', slug: 'none'};
    await call('posts.browse.not.newest', () => api.posts.browse({filter: `id:-${newest.id}`, limit: 'all'}));
    await call('posts.browse.plaintext', () => api.posts.browse({filter: 'author:tom-reddy', formats: 'html,plaintext', limit: 2}));
    await call('posts.read.id', () => api.posts.read({id: newest.id}));
    await call('posts.read.slug', () => api.posts.read({slug: newest.slug}, {include: 'tags,authors', formats: 'plaintext'}));
    await call('posts.read.draft', () => api.posts.read({slug: 'cadence-and-stride-length'}));
    await call('posts.read.scheduled', () => api.posts.read({slug: 'strength-training-for-spring-races'}));
    await call('posts.browse.bad.filter', () => api.posts.browse({filter: 'tag:knee-pain+'}));

    const pages = await call('pages.browse', () => api.pages.browse({order: 'title asc'}));
    await call('pages.read.slug', () => api.pages.read({slug: 'about'}));
    await call('pages.read.id', () => api.pages.read({id: pages.items ? pages.items[0].id : 'none'}));

    const tags = await call('tags.browse', () => api.tags.browse({include: 'count.posts', limit: 'all', filter: 'visibility:public'}));
    await call('tags.read.slug', () => api.tags.read({slug: 'knee-pain'}, {include: 'count.posts'}));
    await call('tags.read.id', () => api.tags.read({id: tags.items ? tags.items[0].id : 'none'}));

    const authors = await call('authors.browse', () => api.authors.browse({include: 'count.posts'}));
    await call('authors.read.slug', () => api.authors.read({slug: 'maya-okafor'}));
    await call('authors.read.id', () => api.authors.read({id: authors.items ? authors.items[0].id : 'none'}));

    await call('settings.browse', () => api.settings.browse());

    const stranger = new GhostContentAPI({url, key: '0123456789abcdef0123456789abcdef', version: 'v5.0'});
    await call('posts.browse.wrong.key', () => stranger.posts.browse());

    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
})().catch((error) => {
    console.error(error);
    process.exit(1);
});
