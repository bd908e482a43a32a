package dev.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notes.user.SessionAuthenticationMechanism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginPageTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "/",
        "/x",
        "/note/view?key=abc",
        "/note/edit?key=a.b-c&x=1",
        "/note/add",
        "/index.xhtml",
        "/user/register",
        "/users/login",
        "/x//evil.example",
        "/x?next=https://evil.example",
    })
    void pathsOfThisApplicationAreKept(String next) {
        assertThat(LoginPage.safeNext(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "//evil.example",
        "//evil.example/path",
        "///evil.example",
        "/\\evil.example",
        "/\\/evil.example",
        "https://evil.example",
        "http://evil.example/x",
        "javascript:alert(1)",
        "evil.example",
        "x",
        " /x",
        "\\\\evil.example",
        "?next=/x",
        "/\t/evil.example",
        "/\n/evil.example",
    })
    void anythingElseGoesHome(String next) {
        assertThat(LoginPage.safeNext(next)).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/user/login", "/user/login?next=/x", "/user/login.xhtml", "/user/loginx"})
    void theLoginPageItselfGoesHome(String next) {
        assertThat(SessionAuthenticationMechanism.LOGIN_PATH).isEqualTo("/user/login");
        assertThat(LoginPage.safeNext(next)).isEqualTo("/");
    }

    @Test
    void theFailureMessageNamesNeitherFieldAlone() {
        assertThat(LoginPage.FAILED).isEqualTo("Wrong username or password.");
    }

    @Test
    void propertiesAreKept() {
        LoginPage page = new LoginPage();
        page.setUsername("alice");
        page.setPassword("secret12");
        page.setNext("/x");
        assertThat(page.getUsername()).isEqualTo("alice");
        assertThat(page.getPassword()).isEqualTo("secret12");
        assertThat(page.getNext()).isEqualTo("/x");
    }
}
