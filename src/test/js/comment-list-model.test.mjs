import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CommentListModel } from '../../main/webapp/resources/js/comment-list-model.js';

const comment = (id) => ({ id, author: 'bob', text: `comment ${id}` });
const comments = (...ids) => ids.map(comment);

/** The newest slice of a note with `count` comments: `shownIds` newest first, older ones behind "Show older comments" if `hasOlder`. */
function newest({ count, shownIds, hasOlder }) {
    return new CommentListModel({ count, hasOlder, cursor: shownIds.at(-1) ?? 0, olderSlice: false, shownIds });
}

test('a new comment goes on top and is counted', () => {
    const model = newest({ count: 2, shownIds: [20, 10], hasOlder: false });
    assert.deepEqual(model.added(comment(30)), { beforeId: 20 });
    assert.deepEqual(model.shownIds, [30, 20, 10]);
    assert.equal(model.count, 3);
});

test('a comment the snapshot already had is neither shown again nor counted', () => {
    const model = newest({ count: 2, shownIds: [20, 10], hasOlder: false });
    assert.equal(model.added(comment(20)), null);
    assert.equal(model.count, 2);
});

test('an addition that overtook others takes its place by id', () => {
    const model = newest({ count: 2, shownIds: [30, 10], hasOlder: false });
    assert.deepEqual(model.added(comment(20)), { beforeId: 10 });
    assert.deepEqual(model.added(comment(5)), { beforeId: null }, 'nothing older exists: it shows at the end');
    assert.deepEqual(model.shownIds, [30, 20, 10, 5]);
});

test('with older comments behind the link, one older than the oldest shown is only counted', () => {
    const model = newest({ count: 70, shownIds: [100, 90], hasOlder: true });
    assert.equal(model.added(comment(50)), null);
    assert.equal(model.count, 71);
    assert.deepEqual(model.shownIds, [100, 90]);
});

test('a page on an older slice counts new comments and shows none', () => {
    const model = new CommentListModel({ count: 70, hasOlder: true, cursor: 40, olderSlice: true, shownIds: [50, 40] });
    assert.equal(model.added(comment(200)), null);
    assert.equal(model.count, 71);
    assert.equal(model.snapshot({ commentCount: 72, comments: comments(200, 199), olderComments: true }), false,
        'a snapshot brings the newest slice, which is not this page');
    assert.deepEqual(model.shownIds, [50, 40]);
    assert.equal(model.count, 72);
    assert.equal(model.deleted(100), false);
    assert.equal(model.count, 71, 'a deletion elsewhere is counted');
});

test('a deletion removes a shown comment; one in the shown range but not shown was not counted', () => {
    const model = newest({ count: 60, shownIds: [100, 90, 80], hasOlder: true });
    assert.equal(model.deleted(90), true);
    assert.deepEqual(model.shownIds, [100, 80]);
    assert.equal(model.count, 59);

    assert.equal(model.deleted(95), false, 'gone before the snapshot, which counted without it');
    assert.equal(model.count, 59);

    assert.equal(model.deleted(10), false, 'older than those shown');
    assert.equal(model.count, 58);
});

test('a snapshot replaces the list, the count and the cursor', () => {
    const model = newest({ count: 2, shownIds: [20, 10], hasOlder: false });
    assert.equal(model.snapshot({ commentCount: 80, comments: comments(300, 250), olderComments: true }), true);
    assert.deepEqual(model.shownIds, [300, 250]);
    assert.equal(model.count, 80);
    assert.equal(model.hasOlder, true);
    assert.equal(model.cursor, 250);
});

test('an older slice is appended below, and moves the cursor on', () => {
    const model = newest({ count: 120, shownIds: [300, 250], hasOlder: true });
    const token = model.startLoadingOlder();
    assert.deepEqual(token, { generation: 0, before: 250 });
    assert.equal(model.startLoadingOlder(), null, 'one load at a time');
    const appended = model.olderLoaded(token, { comments: comments(240, 200), hasOlder: true });
    model.finishLoadingOlder();
    assert.deepEqual(appended.map((shown) => shown.id), [240, 200]);
    assert.deepEqual(model.shownIds, [300, 250, 240, 200]);
    assert.equal(model.cursor, 200);
    assert.equal(model.hasOlder, true);
    assert.notEqual(model.startLoadingOlder(), null);
});

test('an older slice leaves out comments deleted while it loaded and those shown already', () => {
    const model = newest({ count: 120, shownIds: [300, 250], hasOlder: true });
    const token = model.startLoadingOlder();
    model.deleted(240);
    const appended = model.olderLoaded(token, { comments: [comment(250), comment(240), comment(230)], hasOlder: false });
    assert.deepEqual(appended.map((shown) => shown.id), [230]);
    assert.equal(model.hasOlder, false);
});

test('an older slice loaded for a list that a snapshot replaced meanwhile is dropped', () => {
    const model = newest({ count: 120, shownIds: [300, 250], hasOlder: true });
    const token = model.startLoadingOlder();
    model.snapshot({ commentCount: 121, comments: comments(301, 300), olderComments: true });
    assert.deepEqual(model.olderLoaded(token, { comments: comments(240), hasOlder: true }), []);
    model.finishLoadingOlder();
    assert.deepEqual(model.shownIds, [301, 300]);
    assert.equal(model.cursor, 300);
});

test('an empty older slice keeps the cursor', () => {
    const model = newest({ count: 3, shownIds: [30], hasOlder: true });
    const token = model.startLoadingOlder();
    assert.deepEqual(model.olderLoaded(token, { comments: [], hasOlder: false }), []);
    assert.equal(model.cursor, 30);
    assert.equal(model.hasOlder, false);
});
