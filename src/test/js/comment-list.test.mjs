import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fillComment } from '../../main/webapp/resources/js/comment-list.js';

/**
 * The few DOM calls fillComment makes, on a clone of note/view.xhtml's #commentTemplate: a
 * hand-written fake, since the tests use no browser and no libraries. Setting innerHTML throws, so
 * a renderer that tried would fail here.
 */
function fakeElement() {
    const element = {
        dataset: {},
        textContent: '',
        removed: false,
        classes: new Set(),
        classList: { add: (name) => element.classes.add(name) },
        children: [],
        remove() {
            element.removed = true;
        },
        replaceChildren(...children) {
            element.children = children;
        },
    };
    Object.defineProperty(element, 'innerHTML', {
        set() {
            throw new Error('user content must not become markup');
        },
    });
    return element;
}

function fakeCommentItem() {
    const parts = {
        '.comment-author': fakeElement(),
        '.comment-username': fakeElement(),
        time: fakeElement(),
        '.comment-text': fakeElement(),
        button: fakeElement(),
    };
    const item = fakeElement();
    item.querySelector = (selector) => parts[selector];
    return { item, parts };
}

/** What the comment link template's clone becomes: rel comes from the page's template. */
const newLink = () => Object.assign(fakeElement(), { rel: 'nofollow noopener noreferrer' });

const comment = {
    id: 42,
    author: 'bob',
    authorName: 'Bob <b>the builder</b>',
    text: '<img src=x onerror=alert(1)>',
    createdAt: '2026-12-03T09:00:00Z',
    createdAtText: '2026-12-03 09:00 UTC',
    segments: [{ text: '<img src=x onerror=alert(1)>' }],
};

test('a comment fills the template with text and attributes only, time as the server wrote it', () => {
    const { item, parts } = fakeCommentItem();
    fillComment(item, comment, false, newLink);
    assert.equal(item.dataset.commentId, '42');
    assert.equal(parts['.comment-author'].textContent, 'Bob <b>the builder</b>');
    assert.equal(parts['.comment-username'].textContent, '@bob');
    assert.equal(parts.time.dateTime, '2026-12-03T09:00:00Z');
    assert.equal(parts.time.textContent, '2026-12-03 09:00 UTC');
    assert.deepEqual(parts['.comment-text'].children, ['<img src=x onerror=alert(1)>'], 'a string becomes a text node');
});

test('web links in the text become link clones with the address as href and text', () => {
    const { item, parts } = fakeCommentItem();
    const segments = [{ text: 'see ' }, { text: 'https://example.org/?a=1&b=<2>', href: 'https://example.org/?a=1&b=<2>' }, { text: '!' }];
    fillComment(item, { ...comment, text: 'see https://example.org/?a=1&b=<2>!', segments }, false, newLink);
    const [before, link, after] = parts['.comment-text'].children;
    assert.equal(before, 'see ');
    assert.equal(link.href, 'https://example.org/?a=1&b=<2>');
    assert.equal(link.textContent, 'https://example.org/?a=1&b=<2>');
    assert.equal(link.rel, 'nofollow noopener noreferrer');
    assert.equal(after, '!');
});

test('a segment whose address is not a web address stays text, whatever the message says', () => {
    const { item, parts } = fakeCommentItem();
    const segments = [{ text: 'click', href: 'javascript:alert(1)' }, { text: ' me', href: 'data:text/html,x' }];
    fillComment(item, { ...comment, segments }, false, newLink);
    assert.deepEqual(parts['.comment-text'].children, ['click', ' me']);
});

test('a comment from an instance without segments shows its text', () => {
    const { item, parts } = fakeCommentItem();
    fillComment(item, { ...comment, text: 'plain https://example.org', segments: undefined }, false, newLink);
    assert.equal(parts['.comment-text'].textContent, 'plain https://example.org');
    assert.deepEqual(parts['.comment-text'].children, []);
});

test('without a chosen name the username stands for the author', () => {
    const { item, parts } = fakeCommentItem();
    fillComment(item, { ...comment, authorName: null }, false, newLink);
    assert.equal(parts['.comment-author'].textContent, 'bob');
});

test('the delete button stays, naming the comment, only where the viewer may delete', () => {
    const allowed = fakeCommentItem();
    fillComment(allowed.item, comment, true, newLink);
    assert.equal(allowed.parts.button.removed, false);
    assert.equal(allowed.parts.button.value, '42');
    assert.ok(allowed.parts.button.classes.has('delete-comment'));

    const refused = fakeCommentItem();
    fillComment(refused.item, comment, false, newLink);
    assert.equal(refused.parts.button.removed, true);
    assert.equal(refused.parts.button.classes.has('delete-comment'), false);
});
