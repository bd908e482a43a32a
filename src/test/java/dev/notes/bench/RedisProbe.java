package dev.notes.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A few Redis commands over a plain socket, so that measuring Redis adds no client library of its
 * own to the figures: {@code INFO} counters, {@code DBSIZE}, and the PUBLISH → message floor.
 */
final class RedisProbe implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RedisProbe(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Redis on port " + port, e);
        }
    }

    /**
     * One {@code INFO} reply, read once: the counters it holds belong to one moment, and each
     * further {@code INFO} would add its own command and several kilobytes of reply to what is measured.
     */
    Info info() {
        return Info.parse((String) command("INFO"));
    }

    /** The fields of one {@code INFO} reply, e.g. {@code total_net_input_bytes}. */
    record Info(Map<String, String> fields) {

        /** {@code # Section} headings and blank lines apart, each line is {@code field:value}. */
        static Info parse(String reply) {
            Map<String, String> fields = new HashMap<>();
            for (String line : reply.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1));
                }
            }
            return new Info(fields);
        }

        String text(String field) {
            String value = fields.get(field);
            if (value == null) {
                throw new IllegalStateException("Redis INFO has no " + field);
            }
            return value;
        }

        long number(String field) {
            return Long.parseLong(text(field));
        }

        double decimal(String field) {
            return Double.parseDouble(text(field));
        }
    }

    long dbSize() {
        return (Long) command("DBSIZE");
    }

    /** Sends a command and reads its reply: a String, Long, List or null. */
    Object command(String... arguments) {
        send(arguments);
        return read();
    }

    void send(String... arguments) {
        StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
        for (String argument : arguments) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
        }
        try {
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object read() {
        try {
            String line = line();
            char kind = line.charAt(0);
            String rest = line.substring(1);
            switch (kind) {
                case '+':
                    return rest;
                case '-':
                    throw new IllegalStateException("Redis: " + rest);
                case ':':
                    return Long.parseLong(rest);
                case '$': {
                    int length = Integer.parseInt(rest);
                    if (length < 0) {
                        return null;
                    }
                    byte[] bytes = in.readNBytes(length + 2);
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                case '*': {
                    int count = Integer.parseInt(rest);
                    List<Object> items = new ArrayList<>(Math.max(count, 0));
                    for (int i = 0; i < count; i++) {
                        items.add(read());
                    }
                    return items;
                }
                default:
                    throw new IllegalStateException("Unexpected Redis reply: " + line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int previous = -1;
        for (int c = in.read(); c != -1; c = in.read()) {
            if (previous == '\r' && c == '\n') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) c);
            previous = c;
        }
        throw new IOException("Redis closed the connection");
    }

    /**
     * The floor under any cross-instance event: PUBLISH on one connection until the message arrives
     * on a subscribed one, in milliseconds, {@code samples} times one after another.
     */
    static List<Double> publishToMessage(int port, int samples) {
        List<Double> millis = new ArrayList<>(samples);
        try (RedisProbe subscriber = new RedisProbe(port); RedisProbe publisher = new RedisProbe(port)) {
            subscriber.command("SUBSCRIBE", "notes-bench-floor");
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                publisher.send("PUBLISH", "notes-bench-floor", Integer.toString(i));
                subscriber.read();
                millis.add((System.nanoTime() - start) / 1e6);
                publisher.read();
            }
        }
        return millis;
    }

    /**
     * One command Redis executed, as {@code MONITOR} showed it: its arguments, the name first; the
     * database index it ran in (the Spring peer's sessions have one of their own); whether a Lua
     * script ran it (then no request carried it) or a client sent it, in a request of so many bytes.
     */
    record Command(List<String> arguments, int database, boolean fromScript, long requestBytes) {
    }

    /**
     * Every command Redis executed, from any client, while {@code work} ran: Redis's {@code MONITOR},
     * read until a marker sent after the work (at most {@code limit} commands).
     */
    static List<Command> monitor(int port, int limit, Runnable work) {
        String marker = "notes-bench-monitor-" + System.nanoTime();
        List<Command> commands = new ArrayList<>();
        try (RedisProbe monitor = new RedisProbe(port)) {
            monitor.command("MONITOR");
            work.run();
            try (RedisProbe other = new RedisProbe(port)) {
                other.command("ECHO", marker);
            }
            while (commands.size() < limit) {
                Command command = parseMonitorLine(monitor.line());
                if (command.arguments().size() == 2 && command.arguments().get(1).equals(marker)) {
                    return commands;
                }
                commands.add(command);
            }
            throw new IllegalStateException("MONITOR showed more than " + limit + " commands");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code +1764446400.123456 [0 127.0.0.1:5555] "EVALSHA" "…" "9" "key"}: the quoted arguments, with
     * the size of the request that carried them ({@code *n}, then {@code $len} and the bytes of each).
     */
    static Command parseMonitorLine(String line) {
        List<String> arguments = new ArrayList<>();
        long bytes = 0;
        int at = line.indexOf("] \"");
        int client = line.indexOf('[');
        if (at < 0 || client < 0 || client > at) {
            throw new IllegalStateException("Not a MONITOR line: " + line);
        }
        String origin = line.substring(client + 1, at);
        boolean fromScript = origin.endsWith(" lua");
        int database = Integer.parseInt(origin.substring(0, origin.indexOf(' ')));
        at += 2;
        while (at < line.length() && line.charAt(at) == '"') {
            StringBuilder argument = new StringBuilder();
            int length = 0;
            int i = at + 1;
            while (line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(i + 1);
                    i += escaped == 'x' ? 4 : 2;
                    argument.append(escaped == 'x' ? '?' : escaped);
                } else {
                    argument.append(c);
                    i++;
                }
                length++;
            }
            arguments.add(argument.toString());
            bytes += 1 + Integer.toString(length).length() + 2 + length + 2;
            at = i + 2;
        }
        bytes += 1 + Integer.toString(arguments.size()).length() + 2;
        return new Command(arguments, database, fromScript, fromScript ? 0 : bytes);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}
