package dev.notes.live;

import dev.notes.comment.CommentService;
import dev.notes.note.NoteDraft;
import dev.notes.note.NoteService;
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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code /live}: browsers subscribe to topics and receive a snapshot of each, then its events.
 * Read-only: changes go through the pages and the HTTP API, where the caller is authenticated and
 * the request checked. Every client message is validated; a bad one gets an error message, never
 * an exception.
 */
@ServerEndpoint(value = "/live", configurator = LiveHandshake.class)
@Dependent // a bean, so that the container injects it (beans.xml discovers annotated classes only)
public class LiveEndpoint {

    static final int MAX_MESSAGE_BYTES = 4096;
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

    private LiveConnection connection;

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        session.setMaxIdleTimeout(MAX_IDLE_MILLIS);
        session.getAsyncRemote().setSendTimeout(10_000);
        connection = new LiveConnection(session,
                (String) config.getUserProperties().get(LiveHandshake.USERNAME),
                (String) config.getUserProperties().get(LiveHandshake.HTTP_SESSION_ID));
        delivery.add(connection);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(String text) {
        LiveMessages.ClientMessage message;
        try {
            message = LiveMessages.parse(text);
        } catch (JsonbException e) {
            connection.send(LiveMessages.error("Not a message: expected JSON like {\"type\":\"subscribe\",\"topics\":[\"home\"]}."));
            return;
        }
        switch (message.type()) {
            case "subscribe" -> subscribe(message.topics());
            case "unsubscribe" -> topicsOrError(message.topics()).forEach(t -> delivery.unsubscribe(connection, t));
            case "ping" -> connection.send(LiveMessages.pong());
            default -> connection.send(LiveMessages.error("Unknown message type '" + abbreviate(message.type())
                    + "': expected subscribe, unsubscribe or ping."));
        }
    }

    private void subscribe(List<String> topics) {
        for (String topic : topicsOrError(topics)) {
            if (!delivery.subscribe(connection, topic)) {
                connection.send(LiveMessages.error("Too many topics: at most "
                        + LiveDelivery.MAX_TOPICS_PER_CONNECTION + " per connection."));
                return;
            }
            // Subscribed first, snapshot second: an event committed in between is in the
            // snapshot or arrives after it (the client applies events newer than lastEventId).
            connection.send(snapshot(topic));
        }
    }

    private String snapshot(String topic) {
        long lastEventId = publisher.lastEventId();
        if (topic.equals(LiveMessages.HOME)) {
            return LiveMessages.homeSnapshot(lastEventId, notes.listByTitle());
        }
        String key = topic.substring(LiveMessages.NOTE_PREFIX.length());
        return LiveMessages.noteSnapshot(key, lastEventId, notes.find(key).orElse(null), comments.listFor(key));
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
        delivery.remove(connection);
    }

    @OnError
    public void error(Session session, Throwable error) {
        // Oversized frames and broken connections are everyday events: the container closes the
        // socket. Anything else is a bug worth a log line.
        boolean everyday = error instanceof java.io.IOException || error instanceof jakarta.websocket.DecodeException
                || error.getCause() instanceof java.io.IOException;
        LOG.log(everyday ? Level.FINE : Level.WARNING, "Live connection " + session.getId() + " failed", error);
        if (connection != null) {
            delivery.remove(connection);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
