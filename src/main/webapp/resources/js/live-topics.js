// The topics a page follows on /live (protocol: docs/live-protocol.md), each with the renderer that
// shows it: the renderer gets the topic's snapshot first, then only the events the snapshot does not
// already cover. Pure (no socket, no DOM), so the ordering is testable (src/test/js/live-topics.test.mjs).
//
// A snapshot is asked for on every (re)subscription. Events that arrive before it are kept and, once
// it is there, applied only if their id is above the snapshot's lastEventId. Renderers are idempotent
// anyway (upsert by key or id, remove if present), because an event may also be reflected in a snapshot.

export class TopicFeeds {
    /** `homeFrom`: where the home page's stretch of the list starts (data-live-from), if it is not the first page. */
    constructor({ homeFrom = null } = {}) {
        this.homeFrom = homeFrom;
        this.feeds = new Map();
    }

    /** Follows `name` with `renderer` ({ snapshot(message), event(message) }). */
    add(name, renderer) {
        this.feeds.set(name, { renderer, ready: false, lastEventId: 0, early: [] });
    }

    get size() {
        return this.feeds.size;
    }

    /** The message that subscribes to every topic. */
    subscribeMessage() {
        return { type: 'subscribe', topics: [...this.feeds.keys()], ...(this.homeFrom ? { homeFrom: this.homeFrom } : {}) };
    }

    /** From now on, hold every topic's events until its next snapshot (a new socket, a resync). */
    awaitSnapshots() {
        for (const feed of this.feeds.values()) {
            feed.ready = false;
            feed.early = [];
        }
    }

    /** Passes a snapshot or event of a followed topic on to its renderer; true if the message was one. */
    receive(message) {
        const feed = this.feeds.get(message.topic);
        if (!feed) {
            return false;
        }
        if (message.type === 'snapshot') {
            feed.renderer.snapshot(message);
            feed.lastEventId = message.lastEventId;
            feed.ready = true;
            // Events that overtook the snapshot: apply those it does not already cover.
            for (const early of feed.early.filter((event) => event.id > message.lastEventId)) {
                feed.renderer.event(early);
            }
            feed.early = [];
            return true;
        }
        if (message.type === 'event') {
            if (feed.ready) {
                feed.lastEventId = Math.max(feed.lastEventId, message.id);
                feed.renderer.event(message);
            } else {
                feed.early.push(message);
            }
            return true;
        }
        return false;
    }
}
