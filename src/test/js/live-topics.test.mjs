import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TopicFeeds } from '../../main/webapp/resources/js/live-topics.js';

/** A renderer that writes down what it was given. */
function recorder() {
    const seen = [];
    return {
        seen,
        snapshot: (message) => seen.push(`snapshot@${message.lastEventId}`),
        event: (message) => seen.push(`event ${message.id}`),
    };
}

const snapshot = (topic, lastEventId) => ({ type: 'snapshot', topic, lastEventId });
const event = (topic, id) => ({ type: 'event', topic, id });

test('the subscription names every topic, and where the home page starts when it is not the first', () => {
    const feeds = new TopicFeeds();
    feeds.add('home', recorder());
    feeds.add('note:a', recorder());
    assert.deepEqual(feeds.subscribeMessage(), { type: 'subscribe', topics: ['home', 'note:a'] });

    const later = new TopicFeeds({ homeFrom: 'cursor' });
    later.add('home', recorder());
    assert.deepEqual(later.subscribeMessage(), { type: 'subscribe', topics: ['home'], homeFrom: 'cursor' });
});

test('events before the snapshot wait for it, and only those it does not cover are applied', () => {
    const feeds = new TopicFeeds();
    const home = recorder();
    feeds.add('home', home);
    feeds.awaitSnapshots();
    assert.ok(feeds.receive(event('home', 4)));
    assert.ok(feeds.receive(event('home', 6)));
    assert.ok(feeds.receive(event('home', 5)));
    assert.deepEqual(home.seen, []);

    feeds.receive(snapshot('home', 5));
    assert.deepEqual(home.seen, ['snapshot@5', 'event 6']);

    feeds.receive(event('home', 7));
    assert.deepEqual(home.seen, ['snapshot@5', 'event 6', 'event 7']);
});

test('a resync holds events again until the fresh snapshot, and drops those held before it', () => {
    const feeds = new TopicFeeds();
    const note = recorder();
    feeds.add('note:a', note);
    feeds.receive(snapshot('note:a', 1));
    feeds.receive(event('note:a', 9));
    feeds.awaitSnapshots();
    feeds.receive(event('note:a', 10));
    feeds.receive(snapshot('note:a', 8));
    assert.deepEqual(note.seen, ['snapshot@1', 'event 9', 'snapshot@8', 'event 10']);
});

test('messages of other topics or other types are not the feeds\' business', () => {
    const feeds = new TopicFeeds();
    const home = recorder();
    feeds.add('home', home);
    assert.equal(feeds.receive(event('note:x', 1)), false);
    assert.equal(feeds.receive({ type: 'resync' }), false);
    assert.equal(feeds.receive({ type: 'pong' }), false);
    assert.deepEqual(home.seen, []);
});
