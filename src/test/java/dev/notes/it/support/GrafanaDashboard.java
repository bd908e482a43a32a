package dev.notes.it.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard of {@code docker/grafana/dashboards/notes.json}: its panels' Prometheus
 * queries and the metric names they read, for the checks that it parses ({@code DeploymentFilesTest})
 * and that a real server has every series it asks for ({@code MetricsIT}).
 */
public final class GrafanaDashboard {

    public static final Path FILE = Path.of("docker/grafana/dashboards/notes.json");

    /** What is no metric name in a query: label matchers, ranges, groupings and strings. */
    private static final Pattern NOT_NAMES = Pattern.compile("\\{[^}]*}|\\[[^]]*]|\\b(?:by|without)\\s*\\([^)]*\\)|\"[^\"]*\"");
    /** An identifier not followed by "(" (a function): a metric name once the rest is gone. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

    private final JsonObject dashboard;

    private GrafanaDashboard(JsonObject dashboard) {
        this.dashboard = dashboard;
    }

    /** Reads the file; a JSON syntax error fails here. */
    public static GrafanaDashboard read() {
        try {
            return new GrafanaDashboard(JsonParser.parseString(Files.readString(FILE)).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }

    public JsonObject json() {
        return dashboard;
    }

    /** Every panel's every query. */
    public List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                expressions.add(target.getAsJsonObject().get("expr").getAsString());
            }
        }
        return expressions;
    }

    /** The metric names the queries read, as Prometheus names them (e.g. {@code notes_live_connections}). */
    public Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            names.addAll(metricNames(expression));
        }
        return names;
    }

    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(NOT_NAMES.matcher(expression).replaceAll(" "));
        while (name.find()) {
            if (!Character.isDigit(name.group(1).charAt(0))) {
                names.add(name.group(1));
            }
        }
        return names;
    }
}
