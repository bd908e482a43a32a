package dev.notes.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.notes.platform.Settings;
import dev.notes.platform.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The configured OpenID provider as discovered from {@code <issuer>/.well-known/openid-configuration}:
 * its endpoints and the validator of its ID tokens. Discovered at the first login rather than at
 * start-up, so that a provider that is down then does not stop Notes from starting (form logins go
 * on); kept once read. A failed discovery is not retried for {@link #RETRY_AFTER_FAILURE}: while the
 * provider is away, each click on the button answers at once instead of holding a request thread
 * for the whole timeout.
 * <p>
 * The validator fetches the provider's JWKS and keeps it, fetching it again when a token is signed
 * with a key it does not know (the provider rotated its keys; Nimbus limits how often).
 */
@ApplicationScoped
public class OidcProvider {

    /** Connect and read timeout of every call to the provider: discovery, JWKS, code exchange. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

    /** A JWKS larger than this is not one: the provider is not what it should be. */
    private static final int JWKS_MAX_BYTES = 256 * 1024;

    /** What was discovered: the metadata, and the validator built from it. */
    record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    private Settings settings;

    private volatile Discovered discovered;
    private volatile Instant lastFailure;

    @Inject
    OidcProvider(Settings settings) {
        this.settings = settings;
    }

    /** For CDI's proxy. */
    protected OidcProvider() {
    }

    /** Whether OpenID Connect login is configured at all. */
    public boolean isConfigured() {
        return settings.oidc().isPresent();
    }

    /** The configuration; only to be asked when {@link #isConfigured()}. */
    Settings.Oidc configuration() {
        return settings.oidc().orElseThrow(() -> new IllegalStateException("OpenID Connect login is not configured"));
    }

    /** The provider's name, for the login page's button. */
    public Optional<String> name() {
        return settings.oidc().map(Settings.Oidc::providerName);
    }

    /**
     * The absolute URL of one of Notes' pages ({@code path} from the application's root) as the
     * provider and the browser are to see it: under {@code OIDC_APP_URL} when set, otherwise as
     * {@code request} reached this instance (its scheme and {@code Host} header; behind a trusted
     * proxy, the ones it forwarded). The provider accepts only the URLs registered for this client,
     * so a forged Host header only makes it refuse.
     */
    public String addressOf(String path, HttpServletRequest request) {
        return settings.oidc().flatMap(oidc -> oidc.publicUrl(path)).orElseGet(() ->
                URI.create(request.getRequestURL().toString()).resolve(request.getContextPath() + path).toString());
    }

    /** The provider's metadata and ID token validator, discovered now if not yet. */
    Discovered discovered() throws OidcLoginException {
        Discovered known = discovered;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovered != null) {
                return discovered;
            }
            Instant failed = lastFailure;
            if (failed != null && Times.now().isBefore(failed.plus(RETRY_AFTER_FAILURE))) {
                throw new OidcLoginException(OidcProblem.UNAVAILABLE, "discovery failed less than "
                        + RETRY_AFTER_FAILURE.toSeconds() + " s ago");
            }
            try {
                discovered = discover(configuration());
                return discovered;
            } catch (IOException | GeneralException | RuntimeException e) {
                lastFailure = Times.now();
                throw new OidcLoginException(OidcProblem.UNAVAILABLE, "discovery failed: " + e, e);
            }
        }
    }

    private static Discovered discover(Settings.Oidc configuration) throws IOException, GeneralException {
        int timeout = (int) TIMEOUT.toMillis();
        // Nimbus checks that the document names this very issuer.
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(configuration.issuer()), timeout, timeout);
        if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getAuthorizationEndpointURI() == null) {
            throw new GeneralException("the discovery document lacks the authorization, token or JWKS endpoint");
        }
        IDTokenValidator validator;
        try {
            validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(configuration.clientId()),
                    signingAlgorithm(metadata.getIDTokenJWSAlgs()), metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(timeout, timeout, JWKS_MAX_BYTES));
        } catch (MalformedURLException e) {
            throw new GeneralException("the JWKS endpoint is not a URL", e);
        }
        // Clocks of two machines differ a little: a token issued "in a second" is not refused.
        validator.setMaxClockSkew(60);
        return new Discovered(metadata, validator);
    }

    /**
     * RS256 when the provider signs with it (every provider must support it, OpenID Connect Core
     * 15.1), else the first public-key algorithm it lists. Never HMAC, whose key would be the client
     * secret, nor "none".
     */
    static JWSAlgorithm signingAlgorithm(List<JWSAlgorithm> offered) throws GeneralException {
        if (offered == null || offered.contains(JWSAlgorithm.RS256)) {
            return JWSAlgorithm.RS256;
        }
        return offered.stream()
                .filter(algorithm -> JWSAlgorithm.Family.SIGNATURE.contains(algorithm))
                .findFirst()
                .orElseThrow(() -> new GeneralException("the provider signs ID tokens with no public-key algorithm"));
    }
}
