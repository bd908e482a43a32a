package dev.notes.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.notes.platform.Settings;
import dev.notes.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The authorization code flow with PKCE against the configured provider ({@link OidcProvider}).
 * {@link #begin} makes a fresh {@code state}, {@code nonce} and PKCE verifier (S256) for one login,
 * to be kept in the HTTP session, and the provider's authorization URL; {@link #complete} checks
 * what the provider sent back against them, exchanges the code for tokens (authenticating with the
 * client secret) and validates the ID token: issuer, audience (the client id), signature (the
 * provider's JWKS), expiry and issue time (a minute of clock skew) and the nonce. Only then does
 * it say who logged in. The access token is not used: Notes calls no API of the provider.
 */
@ApplicationScoped
public class OidcLogin {

    @Inject
    private OidcProvider provider;

    /**
     * A new login for the browser to take to the provider.
     *
     * @param redirectUri the callback page's absolute URL
     * @param next        the page of this application to show afterwards
     * @throws OidcLoginException {@link OidcProblem#UNAVAILABLE} when the provider cannot be discovered
     */
    public Start begin(String redirectUri, String next) throws OidcLoginException {
        OIDCProviderMetadata metadata = provider.discovered().metadata();
        Settings.Oidc configuration = provider.configuration();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(configuration.scopes()),
                new ClientID(configuration.clientId()), URI.create(redirectUri))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Start(new OidcLoginAttempt(state.getValue(), nonce.getValue(), verifier.getValue(), redirectUri,
                next, Times.now()), authorization);
    }

    /** A login begun: the attempt to keep in the session, and where to send the browser. */
    public record Start(OidcLoginAttempt attempt, URI authorizationUrl) {
    }

    /**
     * Who logged in, once everything the provider sent checks out.
     *
     * @param attempt  the login kept in the session, or null when there is none
     * @param callback what the browser brought back
     * @throws OidcLoginException saying which check failed
     */
    public ExternalIdentity complete(OidcLoginAttempt attempt, OidcCallback callback) throws OidcLoginException {
        if (attempt == null || !attempt.matches(callback.state(), Times.now())) {
            throw new OidcLoginException(OidcProblem.STATE, attempt == null ? "no login was begun in this session"
                    : "the state does not match the login begun in this session, or that login is too old");
        }
        if (callback.error() != null) {
            throw new OidcLoginException(OidcProblem.DENIED, "the provider answered error=" + callback.error());
        }
        OidcProvider.Discovered discovered = provider.discovered();
        Settings.Oidc configuration = provider.configuration();
        // RFC 9207: a provider that names itself must name the one the login began with (mix-up attacks).
        if (callback.issuer() != null && !callback.issuer().equals(discovered.metadata().getIssuer().getValue())) {
            throw new OidcLoginException(OidcProblem.TOKEN, "the callback names another issuer");
        }
        if (callback.code() == null) {
            throw new OidcLoginException(OidcProblem.TOKEN, "the callback has neither code nor error");
        }
        JWT idToken = exchange(discovered.metadata(), configuration, attempt, callback.code());
        IDTokenClaimsSet claims;
        try {
            claims = discovered.validator().validate(idToken, new Nonce(attempt.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcLoginException(OidcProblem.TOKEN, "the ID token is not valid: " + e.getMessage(), e);
        }
        boolean keepToken = discovered.metadata().getEndSessionEndpointURI() != null;
        return new ExternalIdentity(claims.getIssuer().getValue(), claims.getSubject().getValue(),
                stringClaim(claims, configuration.usernameClaim()), stringClaim(claims, configuration.displayNameClaim()),
                keepToken ? idToken.getParsedString() : null);
    }

    /** The code, the PKCE verifier and the client's secret for the tokens; the ID token of them. */
    private static JWT exchange(OIDCProviderMetadata metadata, Settings.Oidc configuration, OidcLoginAttempt attempt,
                                String code) throws OidcLoginException {
        ClientID client = new ClientID(configuration.clientId());
        Secret secret = new Secret(configuration.clientSecret());
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        // client_secret_basic is the default (RFC 8414 2); client_secret_post where that is all the provider takes.
        ClientAuthentication authentication = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                ? new ClientSecretPost(client, secret) : new ClientSecretBasic(client, secret);
        HTTPRequest request = new TokenRequest(metadata.getTokenEndpointURI(), authentication,
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(attempt.redirectUri()),
                        new CodeVerifier(attempt.codeVerifier()))).toHTTPRequest();
        int timeout = (int) OidcProvider.TIMEOUT.toMillis();
        request.setConnectTimeout(timeout);
        request.setReadTimeout(timeout);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(request.send());
        } catch (IOException e) {
            throw new OidcLoginException(OidcProblem.UNAVAILABLE, "the token endpoint did not answer: " + e, e);
        } catch (ParseException e) {
            throw new OidcLoginException(OidcProblem.TOKEN, "the token response is not one: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            throw new OidcLoginException(OidcProblem.TOKEN, "the token endpoint refused the code: "
                    + response.toErrorResponse().getErrorObject().getCode());
        }
        JWT idToken = response.toSuccessResponse().getTokens().toOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new OidcLoginException(OidcProblem.TOKEN, "the token response has no ID token");
        }
        return idToken;
    }

    private static String stringClaim(IDTokenClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    /**
     * Where to send the browser after a logout so that the provider ends its login too
     * (RP-initiated logout), when the provider advertises an end-session endpoint and the login
     * kept its ID token; the provider then returns the browser to {@code afterLogout}.
     */
    public Optional<URI> endSessionUrl(String idToken, String afterLogout) {
        if (idToken == null || !provider.isConfigured()) {
            return Optional.empty();
        }
        try {
            URI endpoint = provider.discovered().metadata().getEndSessionEndpointURI();
            if (endpoint == null) {
                return Optional.empty();
            }
            return Optional.of(new LogoutRequest(endpoint, JWTParser.parse(idToken), null,
                    new ClientID(provider.configuration().clientId()), URI.create(afterLogout), null, null).toURI());
        } catch (OidcLoginException | java.text.ParseException providerAwayOrNoToken) {
            // The login at Notes is over all the same; the provider's own ends when it ends.
            return Optional.empty();
        }
    }
}
