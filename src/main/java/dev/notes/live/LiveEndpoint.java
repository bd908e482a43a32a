package dev.notes.live;

import dev.notes.comment.NewestComments;
import dev.notes.comment.CommentService;
import dev.notes.note.Note;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteService;
import dev.notes.note.PageCursor;
import dev.notes.platform.Settings;
import dev.notes.user.DisplayNames;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code /live}: browsers subscribe to topics and receive a snapshot of each, then its events.
 * Read-only: changes go through the pages and the HTTP API, where the caller is authenticated and
 * the request checked. Every client message is validated; a bad one gets an error message, never
 * an exception. Each connection's messages are rate-limited ({@link MessageBudget}), its size, topics
 * and send queue bounded, and the sockets per client address capped ({@link LiveAdmissionFilter}),
 * all by {@link Settings.Live}.
 */
@ServerEndpoint(value = "/live", configurator = LiveHandshake.class)
@Dependent // a bean, so that the container injects it (beans.xml discovers annotated classes only)
public class LiveEndpoint {

    /** Browsers ping every 25 s; a connection silent for longer than this is dead and closed. */
    static final long MAX_IDLE_MILLIS = 90_000;

    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());

    private static final Pattern NOTE_TOPIC = Pattern.compile(
            Pattern.quote(LiveMessages.NOTE_PREFIX) + NoteDraft.KEY_CHARACTER + "{1," + NoteDraft.KEY_MAX + "}");

    @Inject
    private LiveDelivery delivery;

    @Inject
    private EventPublisher publisher;

    @Inject
    private NoteService notes;

    @Inject
    private CommentService comments;

    @Inject
    private SnapshotCache snapshots;

    @Inject
    private DisplayNames displayNames;

    @Inject
    private Settings settings;

    @Inject
    private LiveMetrics metrics;

    private LiveConnection connection;
    private MessageBudget budget;
    private ClientSockets.Slot slot;

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        Settings.Live limits = settings.live();
        slot = (ClientSockets.Slot) config.getUserProperties().get(LiveHandshake.SLOT);
        // The annotation's maxMessageSize would have to be a constant; a larger message closes the
        // socket with 1009 before it reaches message().
        session.setMaxTextMessageBufferSize(limits.maxMessageBytes());
        session.setMaxIdleTimeout(MAX_IDLE_MILLIS);
        session.getAsyncRemote().setSendTimeout(10_000);
        budget = new MessageBudget(limits.messagesPerMinute(), limits.messageBurst(), System::nanoTime);
        connection = new LiveConnection(session,
                (String) config.getUserProperties().get(LiveHandshake.USERNAME),
                (String) config.getUserProperties().get(LiveHandshake.HTTP_SESSION_ID),
                limits.queueMessages(), limits.queueChars(), metrics);
        delivery.add(connection);
    }

    @OnMessage
    public void message(String text) {
        switch (budget.take()) {
            case ACCEPTED -> handle(text);
            case REFUSED_WITH_WARNING -> connection.send(LiveMessages.error("Too many messages: at most "
                    + settings.live().messagesPerMinute() + " a minute, " + settings.live().messageBurst()
                    + " at once. This one was dropped; slow down or the connection is closed."));
            case REFUSED -> {
                // dropped: the client has been told
            }
            case EXHAUSTED -> {
                // Every message after the budget ran out is EXHAUSTED: count the socket once, as it starts closing.
                if (!connection.isClosing()) {
                    metrics.closedTooManyMessages();
                }
                if (slot != null) {
                    slot.holdOffAddress();
                }
                connection.closeAfterQueued(LiveConnection.CLOSE_TOO_MANY_MESSAGES, "too many messages");
            }
        }
    }

    private void handle(String text) {
        LiveMessages.ClientMessage message;
        try {
            message = LiveMessages.parse(text);
        } catch (JsonbException e) {
            connection.send(LiveMessages.error("Not a message: expected JSON like {\"type\":\"subscribe\",\"topics\":[\"home\"]}."));
            return;
        }
        switch (message.type()) {
            case "subscribe" -> subscribe(message.topics(), message.homeFrom());
            case "unsubscribe" -> topicsOrError(message.topics()).forEach(t -> delivery.unsubscribe(connection, t));
            case "ping" -> connection.send(LiveMessages.pong());
            default -> connection.send(LiveMessages.error("Unknown message type '" + abbreviate(message.type())
                    + "': expected subscribe, unsubscribe or ping."));
        }
    }

    /** Each topic once, however often it is listed; one the connection holds gets no second snapshot. */
    private void subscribe(List<String> topics, String homeFrom) {
        PageCursor homePage;
        try {
            homePage = homeFrom == null || homeFrom.isEmpty() ? null : PageCursor.parse(homeFrom);
        } catch (IllegalArgumentException e) {
            connection.send(LiveMessages.error("\"homeFrom\" is not a page cursor: " + e.getMessage() + "."));
            return;
        }
        Set<String> distinct = new LinkedHashSet<>(topicsOrError(topics));
        for (String topic : distinct) {
            switch (delivery.subscribe(connection, topic)) {
                case TOO_MANY_TOPICS -> {
                    connection.send(LiveMessages.error("Too many topics: at most " + delivery.maxTopics()
                            + " per connection."));
                    return;
                }
                case GONE -> {
                    return;
                }
                case SUBSCRIBED -> {
                    // Subscribed first, snapshot second: an event committed in between is in the
                    // snapshot or arrives after it (the client applies events newer than lastEventId).
                    if (connection.claimSnapshot(topic)) {
                        connection.send(snapshot(topic, homePage));
                    }
                }
            }
        }
    }

    /**
     * Built once per instance for all the sockets that ask for the same snapshot (the topic and, for
     * {@code home}, the page) at the same lastEventId ({@link SnapshotCache}).
     */
    private String snapshot(String topic, PageCursor homePage) {
        long lastEventId = publisher.lastEventId();
        boolean home = topic.equals(LiveMessages.HOME);
        String identity = home && homePage != null ? topic + " " + homePage.encode() : topic;
        return snapshots.snapshot(identity, lastEventId, () -> home
                ? homeSnapshot(homePage, lastEventId)
                : noteSnapshot(topic.substring(LiveMessages.NOTE_PREFIX.length()), lastEventId));
    }

    /**
     * The home page a browser shows: the page starting at {@code from} (null: the first page), not
     * every note.
     */
    private String homeSnapshot(PageCursor from, long lastEventId) {
        return LiveMessages.homeSnapshot(lastEventId, from == null ? notes.firstPage() : notes.pageFrom(from));
    }

    private String noteSnapshot(String key, long lastEventId) {
        NewestComments newest = comments.newest(key);
        Note note = notes.find(key).orElse(null);
        return LiveMessages.noteSnapshot(key, lastEventId, note, note == null ? null : displayNames.of(note.getAuthor()),
                comments.views(newest.slice().comments()), newest.slice().hasOlder(), newest.count());
    }

    /** The valid topics; an error message for a missing list or any invalid topic (then none is used). */
    private List<String> topicsOrError(List<String> topics) {
        if (topics == null || topics.isEmpty()) {
            connection.send(LiveMessages.error("\"topics\" must list \"home\" or \"note:<key>\" topics."));
            return List.of();
        }
        for (String topic : topics) {
            if (topic == null || !(topic.equals(LiveMessages.HOME) || NOTE_TOPIC.matcher(topic).matches())) {
                connection.send(LiveMessages.error("Unknown topic '" + abbreviate(topic)
                        + "': expected \"home\" or \"note:<key>\"."));
                return List.of();
            }
        }
        return topics;
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        ended();
    }

    @OnError
    public void error(Session session, Throwable error) {
        // Oversized frames and broken connections are everyday events: the container closes the
        // socket. Anything else is a bug worth a log line.
        boolean everyday = error instanceof java.io.IOException || error instanceof jakarta.websocket.DecodeException
                || error.getCause() instanceof java.io.IOException;
        LOG.log(everyday ? Level.FINE : Level.WARNING, "Live connection " + session.getId() + " failed", error);
        ended();
    }

    /** On close and on error (either or both may come): both steps may run twice. */
    private void ended() {
        if (connection != null) {
            delivery.remove(connection);
        }
        if (slot != null) {
            slot.release();
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
