import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { announce } from '../../main/webapp/resources/js/announce.js';

/** A page with (or without) the layout's #liveAnnouncement region; innerHTML throws, as user text must never become markup. */
function fakePage(withRegion = true) {
    const region = { textContent: '' };
    Object.defineProperty(region, 'innerHTML', {
        set() {
            throw new Error('user content must not become markup');
        },
    });
    return { region, getElementById: (id) => (withRegion && id === 'liveAnnouncement' ? region : null) };
}

test('the words reach the live region as text, a moment after it was emptied', async () => {
    const page = fakePage();
    page.region.textContent = 'New comment by Ana';
    announce('New comment by <b>Ana</b>', page);
    assert.equal(page.region.textContent, '', 'emptied first, so that the same words again are news');
    await sleep(200);
    assert.equal(page.region.textContent, 'New comment by <b>Ana</b>');
});

test('a page without the region is left alone', () => {
    assert.doesNotThrow(() => announce('New note: x', fakePage(false)));
});
