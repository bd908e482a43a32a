// When the live socket closes: whether to reload, reconnect at once or wait, and how long to wait.
// Pure, so that the back-off can be tested without a socket (src/test/js/reconnect.test.mjs).

/** Application close code: the login the socket was opened with has ended (see LiveConnection). */
export const CLOSE_LOGGED_OUT = 4001;
/**
 * "Policy violation": what Jakarta WebSocket itself closes a socket with when the HTTP session it
 * was opened in is invalidated. It races the application's 4001 at a logout, so it means the same.
 */
export const CLOSE_SESSION_INVALIDATED = 1008;
/** "Going away": the instance is stopping (see LiveDelivery); the load balancer has others. */
export const CLOSE_GOING_AWAY = 1001;

/**
 * What to do after a close with this code: 'reload' when logged out elsewhere (the page then shows
 * what this visitor may now see), 'at-once' when the instance went away (another one is there now),
 * 'back-off' otherwise (the server may be down: retry later, and later each time).
 */
export function afterClose(code) {
    if (code === CLOSE_LOGGED_OUT || code === CLOSE_SESSION_INVALIDATED) {
        return 'reload';
    }
    return code === CLOSE_GOING_AWAY ? 'at-once' : 'back-off';
}

/**
 * Delays between reconnection attempts: from `min`, doubled after each attempt up to `max`, each
 * with up to 30 % random jitter added so that the browsers of a restarted server do not all come
 * back in the same instant. An opened socket resets it.
 */
export class ReconnectBackoff {
    constructor({ min = 500, max = 15_000, random = Math.random } = {}) {
        this.min = min;
        this.max = max;
        this.random = random;
        this.base = min;
    }

    /** The delay before the next attempt, in milliseconds; the one after it will be longer. */
    next() {
        const delay = this.base + this.random() * this.base * 0.3;
        this.base = Math.min(this.base * 2, this.max);
        return delay;
    }

    reset() {
        this.base = this.min;
    }
}
