package dev.notes.web;

import java.util.Map;

/**
 * The name a request is counted under in the request metrics: one of a fixed set of pages and API
 * routes, so that the number of series stays bounded whatever paths clients send. A note key or a
 * comment id is never part of it: the API's paths become their templates.
 */
enum Route {
    HOME("/"),
    NOTE_VIEW("/note/view"),
    NOTE_ADD("/note/add"),
    NOTE_EDIT("/note/edit"),
    NOTE_DELETE("/note/delete"),
    NOTE_SEARCH("/note/search"),
    USER_LOGIN("/user/login"),
    USER_REGISTER("/user/register"),
    USER_ACCOUNT("/user/account"),
    USER_OIDC_CALLBACK("/user/oidc-callback"),
    USER_DELETE("/user/delete"),
    ADMIN_USERS("/admin/users"),
    LIVE("/live"),
    API_NOTES("/api/notes"),
    API_NOTE("/api/notes/{key}"),
    API_COMMENTS("/api/notes/{key}/comments"),
    API_COMMENT("/api/notes/{key}/comments/{id}"),
    API_OTHER("/api/other"),
    STATIC("static"),
    OTHER("other");

    private static final Map<String, Route> PAGES = Map.ofEntries(
            Map.entry("/", HOME), Map.entry("/index", HOME),
            Map.entry("/note/view", NOTE_VIEW), Map.entry("/note/add", NOTE_ADD), Map.entry("/note/edit", NOTE_EDIT),
            Map.entry("/note/delete", NOTE_DELETE), Map.entry("/note/search", NOTE_SEARCH),
            Map.entry("/user/login", USER_LOGIN), Map.entry("/user/register", USER_REGISTER),
            Map.entry("/user/account", USER_ACCOUNT), Map.entry("/user/delete", USER_DELETE),
            Map.entry("/user/oidc-callback", USER_OIDC_CALLBACK), Map.entry("/admin/users", ADMIN_USERS),
            Map.entry("/live", LIVE));

    private static final String API_NOTES_PREFIX = "/api/notes/";

    private final String label;

    Route(String label) {
        this.label = label;
    }

    /** The value of the {@code route} tag. */
    String label() {
        return label;
    }

    /** The route of a path within the application (the request URI without the context path). */
    static Route of(String path) {
        String page = path.endsWith(".xhtml") ? path.substring(0, path.length() - ".xhtml".length()) : path;
        Route known = PAGES.get(page);
        if (known != null) {
            return known;
        }
        if (path.startsWith("/resources/") || path.startsWith("/jakarta.faces.resource/")) {
            return STATIC;
        }
        if (path.equals("/api/notes")) {
            return API_NOTES;
        }
        if (path.startsWith(API_NOTES_PREFIX)) {
            return api(path.substring(API_NOTES_PREFIX.length()).split("/", -1));
        }
        return path.startsWith("/api/") ? API_OTHER : OTHER;
    }

    /** {@code segments}: what follows {@code /api/notes/}, split at every slash. */
    private static Route api(String[] segments) {
        if (segments[0].isEmpty()) {
            return API_OTHER;
        }
        if (segments.length == 1) {
            return API_NOTE;
        }
        if (!segments[1].equals("comments")) {
            return API_OTHER;
        }
        if (segments.length == 2) {
            return API_COMMENTS;
        }
        return segments.length == 3 && !segments[2].isEmpty() ? API_COMMENT : API_OTHER;
    }
}
