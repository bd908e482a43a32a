import assert from 'node:assert/strict';
import { test } from 'node:test';

import { commentPermissions, mayDeleteComment } from '../../main/webapp/resources/js/comment-permissions.js';

const byBob = { id: 1, author: 'bob' };

test('the page\'s data- attributes say who the viewer is and whether they may delete any comment', () => {
    assert.deepEqual(commentPermissions({ viewer: 'alice', mayDeleteAny: 'true' }), { viewer: 'alice', mayDeleteAny: true });
    assert.deepEqual(commentPermissions({ viewer: '', mayDeleteAny: 'false' }), { viewer: null, mayDeleteAny: false });
    assert.deepEqual(commentPermissions({}), { viewer: null, mayDeleteAny: false });
});

test('authors may delete their own comments', () => {
    assert.equal(mayDeleteComment({ viewer: 'bob', mayDeleteAny: false }, byBob), true);
    assert.equal(mayDeleteComment({ viewer: 'carol', mayDeleteAny: false }, byBob), false);
    assert.equal(mayDeleteComment({ viewer: 'Bob', mayDeleteAny: false }, byBob), false);
});

test('whoever the server lets delete any comment (the note\'s author, an administrator) may delete every one', () => {
    assert.equal(mayDeleteComment({ viewer: 'alice', mayDeleteAny: true }, byBob), true);
});

test('an anonymous reader may delete nothing, whatever the page says', () => {
    assert.equal(mayDeleteComment({ viewer: null, mayDeleteAny: true }, byBob), false);
    assert.equal(mayDeleteComment({ viewer: null, mayDeleteAny: false }, { id: 2, author: null }), false);
});
