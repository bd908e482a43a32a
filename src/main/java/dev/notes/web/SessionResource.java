package dev.notes.web;

import dev.notes.user.Registration;
import dev.notes.user.SessionAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/session}: the login of a client without a browser. The username and password go
 * through the same {@link SessionAuthenticationMechanism} as the login form (throttling, the
 * authentication log, a fresh session holding the same {@code SignedInUser}), so the session
 * cookie it answers with is a login like any other, and logging out ends it the same way, on every
 * instance. The login is a POST like every change: a page of another site cannot log a browser in
 * to an account of its choosing ({@code SameOriginFilter}, login CSRF).
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
public class SessionResource {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private CurrentUser currentUser;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    @Schema(name = "Login", description = "A username and its password.")
    public record Login(
            @Schema(example = "ada")
            @NotBlank(message = "Please enter your username.")
            @Size(max = Registration.USERNAME_MAX, message = "A username is at most {max} characters long.")
            String username,
            @Schema(example = "correct horse battery")
            @NotBlank(message = "Please enter your password.")
            @Size(max = Registration.PASSWORD_MAX, message = "A password is at most {max} characters long.")
            String password) {
    }

    @Schema(name = "SessionUser", description = "Who the session is logged in as.")
    public record LoggedIn(@Schema(example = "ada") String username, @Schema(example = "Ada Lovelace") String displayName) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in", description = "Answers with a new session cookie: send it with every request that follows.")
    @APIResponse(responseCode = "200", description = "Logged in.",
            headers = @Header(name = "Set-Cookie", description = "The session cookie, the login.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LoggedIn.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: each one in errors.")
    @APIResponse(responseCode = "401", description = "Wrong username or password.")
    @APIResponse(responseCode = "429", description = "Too many failed logins; Retry-After says when to try again.")
    @APIResponse(responseCode = "503", description = "Temporarily unavailable; Retry-After says when to try again.")
    public Response logIn(
            @RequestBody(content = @Content(schema = @Schema(implementation = Login.class),
                    examples = @ExampleObject(name = "login", value = "{\"username\": \"ada\", \"password\": \"correct horse battery\"}")))
            @NotNull(message = "Please send your username and password as JSON.") @Valid Login login) {
        var credential = new UsernamePasswordCredential(login.username(), new Password(login.password()));
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        if (request.getAttribute(SessionAuthenticationMechanism.SESSION_STORE_FAILED) != null
                || request.getAttribute(SessionAuthenticationMechanism.LOGIN_UNAVAILABLE) != null) {
            return Problem.unavailable();
        }
        if (request.getAttribute(SessionAuthenticationMechanism.LOGIN_THROTTLED) instanceof Duration wait) {
            return Problem.tooManyRequests(LoginPage.throttledMessage(wait), wait);
        }
        if (status != AuthenticationStatus.SUCCESS) {
            return Problem.response(Status.UNAUTHORIZED, LoginPage.FAILED);
        }
        return Response.ok(new LoggedIn(currentUser.getUsername(), currentUser.getDisplayName())).build();
    }

    @GET
    @Operation(summary = "Who is logged in")
    @APIResponse(responseCode = "200", description = "The session's login.",
            content = @Content(schema = @Schema(implementation = LoggedIn.class)))
    @APIResponse(responseCode = "401", description = "Not logged in.")
    public Response current() {
        if (!currentUser.isLoggedIn()) {
            return Problem.response(Status.UNAUTHORIZED, "Not logged in.");
        }
        return Response.ok(new LoggedIn(currentUser.getUsername(), currentUser.getDisplayName())).build();
    }

    @DELETE
    @Operation(summary = "Log out", description = "Ends the session, on every instance; without a login, nothing to end.")
    @APIResponse(responseCode = "204", description = "Logged out.")
    public Response logOut() throws ServletException {
        LogoutAction.logOut(request);
        return Response.noContent().build();
    }
}
