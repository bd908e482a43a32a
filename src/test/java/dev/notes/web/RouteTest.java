package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {

    @ParameterizedTest
    @CsvSource({
            "/, /",
            "/index.xhtml, /",
            "/note/view, /note/view",
            "/note/view.xhtml, /note/view",
            "/note/add, /note/add",
            "/note/edit.xhtml, /note/edit",
            "/note/delete, /note/delete",
            "/note/search, /note/search",
            "/user/login, /user/login",
            "/user/register.xhtml, /user/register",
            "/user/account, /user/account",
            "/user/delete.xhtml, /user/delete",
            "/admin/users.xhtml, /admin/users",
            "/admin/anything-else, other",
            "/live, /live",
            "/api/notes, /api/notes",
            "/api/notes/a-secret-key, /api/notes/{key}",
            "/api/notes/a-secret-key/comments, /api/notes/{key}/comments",
            "/api/notes/a-secret-key/comments/42, /api/notes/{key}/comments/{id}",
            "/api/notes/a/comments/42/x, /api/other",
            "/api/notes/a/likes, /api/other",
            "/api/notes/, /api/other",
            "/api/users/alice, /api/other",
            "/resources/js/live.js, static",
            "/jakarta.faces.resource/faces.js, static",
            "/error/not-found.xhtml, other",
            "/wp-login.php, other",
            "/note/view/alice, other",
    })
    void everyPathMapsToOneOfAFixedSetOfRoutesWithoutKeysOrIds(String path, String route) {
        assertThat(Route.of(path).label()).isEqualTo(route);
    }
}
