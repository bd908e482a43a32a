import assert from 'node:assert/strict';
import { test } from 'node:test';

import { afterClose, CLOSE_GOING_AWAY, CLOSE_LOGGED_OUT, CLOSE_SESSION_INVALIDATED, ReconnectBackoff } from '../../main/webapp/resources/js/reconnect.js';

test('a logged-out close reloads, a going-away close reconnects at once, any other backs off', () => {
    assert.equal(afterClose(CLOSE_LOGGED_OUT), 'reload');
    assert.equal(afterClose(CLOSE_SESSION_INVALIDATED), 'reload');
    assert.equal(afterClose(CLOSE_GOING_AWAY), 'at-once');
    assert.equal(afterClose(1006), 'back-off');
    assert.equal(afterClose(1000), 'back-off');
});

test('the delay doubles from the minimum up to the maximum', () => {
    const backoff = new ReconnectBackoff({ min: 500, max: 15_000, random: () => 0 });
    const delays = Array.from({ length: 8 }, () => backoff.next());
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
});

test('the jitter adds up to 30 % of the delay', () => {
    const backoff = new ReconnectBackoff({ min: 1000, max: 15_000, random: () => 0.999 });
    const first = backoff.next();
    assert.ok(first >= 1000 && first < 1300, `${first}`);
    const second = backoff.next();
    assert.ok(second >= 2000 && second < 2600, `${second}`);
});

test('an opened socket starts the delays again from the minimum', () => {
    const backoff = new ReconnectBackoff({ min: 500, max: 15_000, random: () => 0 });
    backoff.next();
    backoff.next();
    backoff.reset();
    assert.equal(backoff.next(), 500);
});
