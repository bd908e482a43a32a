import assert from 'node:assert/strict';
import { test } from 'node:test';

import { compareSortKeys, HomeListModel, sortKey } from '../../main/webapp/resources/js/home-list-model.js';

const note = (key, title) => ({ key, title });
const keys = (model) => model.notes.map((shown) => shown.key);
const created = (key, title) => ({ event: 'note.created', key, note: note(key, title) });
const updated = (key, title) => ({ event: 'note.updated', key, note: note(key, title) });
const deleted = (key) => ({ event: 'note.deleted', key });

test('the order is the lower-case title, then the key', () => {
    const sorted = [note('b', 'apple'), note('a', 'Banana'), note('c', 'apple'), note('d', 'Apple pie')]
        .sort((x, y) => compareSortKeys(sortKey(x), sortKey(y)));
    assert.deepEqual(sorted.map((shown) => shown.key), ['b', 'c', 'd', 'a']);
});

test('the first page takes every new note that sorts before its last one, in its place', () => {
    const model = new HomeListModel({ firstPage: true });
    model.snapshot({ notes: [note('a', 'Alpha'), note('c', 'Charlie')], total: 2, hasNext: false });

    const change = model.apply(created('b', 'Bravo'));
    assert.deepEqual(change.inserted, { note: note('b', 'Bravo'), beforeKey: 'c' });
    assert.equal(change.removed, null);
    assert.equal(change.hint, false);
    assert.deepEqual(keys(model), ['a', 'b', 'c']);
    assert.equal(model.total, 3);

    assert.deepEqual(model.apply(created('z', 'Zulu')).inserted.beforeKey, null, 'the last page reaches the end');
    assert.deepEqual(keys(model), ['a', 'b', 'c', 'z']);
});

test('a page with a next page leaves a note beyond its last one to it, counts it and hints', () => {
    const model = new HomeListModel({ firstPage: true });
    model.snapshot({ notes: [note('a', 'Alpha'), note('c', 'Charlie')], total: 60, hasNext: true });
    const change = model.apply(created('d', 'Delta'));
    assert.equal(change.inserted, null);
    assert.equal(change.hint, true);
    assert.deepEqual(keys(model), ['a', 'c']);
    assert.equal(model.total, 61);
});

test('a later page leaves a note before its first one to the pages before it', () => {
    const model = new HomeListModel({ firstPage: false });
    model.snapshot({ notes: [note('m', 'Mike'), note('o', 'Oscar')], total: 120, hasNext: true });
    assert.equal(model.apply(created('a', 'Alpha')).hint, true);
    assert.deepEqual(model.apply(created('n', 'November')).inserted, { note: note('n', 'November'), beforeKey: 'o' });
    assert.deepEqual(keys(model), ['m', 'n', 'o']);
});

test('a renamed note moves within the page, or leaves it with a hint when its title takes it elsewhere', () => {
    const model = new HomeListModel({ firstPage: false });
    model.snapshot({ notes: [note('m', 'Mike'), note('n', 'November'), note('o', 'Oscar')], total: 120, hasNext: true });

    const moved = model.apply(updated('m', 'Nz'));
    assert.equal(moved.removed, 'm');
    assert.deepEqual(moved.inserted, { note: note('m', 'Nz'), beforeKey: 'o' });
    assert.deepEqual(keys(model), ['n', 'm', 'o']);

    const away = model.apply(updated('m', 'Zulu'));
    assert.equal(away.removed, 'm');
    assert.equal(away.inserted, null);
    assert.equal(away.hint, true);
    assert.deepEqual(keys(model), ['n', 'o']);
    assert.equal(model.total, 120, 'a rename counts nothing');
    assert.deepEqual(away.recent, { key: 'm', title: 'Zulu' });
});

test('a note updated elsewhere, not shown, changes nothing on the page but the recently viewed links', () => {
    const model = new HomeListModel({ firstPage: true });
    model.snapshot({ notes: [note('a', 'Alpha')], total: 80, hasNext: true });
    const change = model.apply(updated('z', 'Zulu'));
    assert.deepEqual(change, { removed: null, inserted: null, hint: false, recent: { key: 'z', title: 'Zulu' } });
});

test('a deletion removes a shown note, counts down never below zero, and drops the recently viewed link', () => {
    const model = new HomeListModel({ firstPage: true });
    model.snapshot({ notes: [note('a', 'Alpha')], total: 1, hasNext: false });
    assert.equal(model.empty, false);
    const change = model.apply(deleted('a'));
    assert.equal(change.removed, 'a');
    assert.deepEqual(change.recent, { key: 'a', title: null });
    assert.equal(model.total, 0);
    assert.equal(model.empty, true);

    assert.equal(model.apply(deleted('gone')).removed, null);
    assert.equal(model.total, 0);
});

test('an upsert is idempotent: an event the snapshot already reflects leaves the page as it is', () => {
    const model = new HomeListModel({ firstPage: true });
    model.snapshot({ notes: [note('a', 'Alpha'), note('b', 'Bravo')], total: 2, hasNext: false });
    model.apply(updated('a', 'Alpha'));
    assert.deepEqual(keys(model), ['a', 'b']);
});

test('only the first page says there are no notes', () => {
    const later = new HomeListModel({ firstPage: false });
    later.snapshot({ notes: [], total: 3, hasNext: false });
    assert.equal(later.empty, false);
});

test('an event without a note (a deleted account\'s, from an older instance) changes nothing', () => {
    const model = new HomeListModel({ firstPage: true });
    model.snapshot({ notes: [note('a', 'Alpha')], total: 1, hasNext: false });
    assert.deepEqual(model.apply({ event: 'note.updated', key: 'a' }), { removed: null, inserted: null, hint: false, recent: null });
    assert.equal(model.total, 1);
});
