// The one WebSocket of a page to /live: subscribes to its topics on every open, pings to keep
// proxies from closing an idle socket, reconnects after a close (reconnect.js says how soon) and
// answers a resync by subscribing again for fresh snapshots. What arrives goes to the TopicFeeds.

import { afterClose, ReconnectBackoff } from './reconnect.js';

const PING_MILLIS = 25_000;
/**
 * After a resync the page waits a random delay up to this before subscribing again: a resync
 * reaches every browser of an instance at once, and their snapshots are then asked for over these
 * seconds rather than in the same instant (docs/live-protocol.md).
 */
const RESYNC_SPREAD_MILLIS = 5_000;

/** Connects to `url` (ws: or wss:) for `feeds`, telling `showStatus` the connection's state. */
export function openLiveSocket({ url, feeds, showStatus }) {
    const backoff = new ReconnectBackoff();
    let socket = null;
    let pingTimer = null;

    function send(message) {
        if (socket && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify(message));
        }
    }

    function receive(message) {
        if (feeds.receive(message)) {
            return;
        }
        if (message.type === 'resync') {
            // The server may have missed events (its Redis was away): fresh snapshots bring us up to
            // date. Events are held meanwhile; a socket opened in between subscribes by itself.
            feeds.awaitSnapshots();
            const resynced = socket;
            setTimeout(() => {
                if (socket === resynced) {
                    send(feeds.subscribeMessage());
                }
            }, Math.random() * RESYNC_SPREAD_MILLIS);
        } else if (message.type === 'error') {
            console.warn('Notes live updates:', message.message);
        }
    }

    function connect() {
        showStatus('connecting');
        socket = new WebSocket(url);
        socket.addEventListener('open', () => {
            backoff.reset();
            feeds.awaitSnapshots();
            send(feeds.subscribeMessage());
            pingTimer = setInterval(() => send({ type: 'ping' }), PING_MILLIS);
            showStatus('live');
        });
        socket.addEventListener('message', (message) => receive(JSON.parse(message.data)));
        socket.addEventListener('close', (closed) => {
            clearInterval(pingTimer);
            switch (afterClose(closed.code)) {
                case 'reload':
                    window.location.reload();
                    return;
                case 'at-once':
                    // A failure after this one still backs off.
                    showStatus('reconnecting');
                    connect();
                    return;
                default:
                    showStatus('reconnecting');
                    setTimeout(connect, backoff.next());
            }
        });
    }

    connect();
}
