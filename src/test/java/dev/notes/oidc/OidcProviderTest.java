package dev.notes.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.notes.platform.Settings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The addresses of Notes' pages given to the provider: from the request, or under OIDC_APP_URL. */
class OidcProviderTest {

    private static final Map<String, String> OIDC = Map.of("OIDC_ISSUER", "https://login.example.org/realms/notes",
            "OIDC_CLIENT_ID", "notes", "OIDC_CLIENT_SECRET", "s3cr3t-from-the-provider");

    @Test
    void withoutTheApplicationsAddressThePagesAreWhereTheRequestCameIn() {
        OidcProvider provider = provider(OIDC);

        assertThat(provider.addressOf("/user/oidc-callback", requestTo("http://10.0.0.7:9080/user/login")))
                .isEqualTo("http://10.0.0.7:9080/user/oidc-callback");
        assertThat(provider.addressOf("/", requestTo("http://10.0.0.7:9080/note/view")))
                .isEqualTo("http://10.0.0.7:9080/");
    }

    @Test
    void theApplicationsAddressWinsOverWhereTheRequestCameIn() {
        Map<String, String> behindProxy = new HashMap<>(OIDC);
        behindProxy.put("OIDC_APP_URL", "https://notes.example.org");
        OidcProvider provider = provider(behindProxy);

        assertThat(provider.addressOf("/user/oidc-callback", requestTo("http://10.0.0.7:9080/user/login")))
                .isEqualTo("https://notes.example.org/user/oidc-callback");
        assertThat(provider.addressOf("/", requestTo("http://10.0.0.7:9080/note/view")))
                .isEqualTo("https://notes.example.org/");
    }

    private static HttpServletRequest requestTo(String url) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURL()).thenReturn(new StringBuffer(url));
        when(request.getContextPath()).thenReturn("");
        return request;
    }

    private static OidcProvider provider(Map<String, String> environment) {
        return new OidcProvider(Settings.from(name -> Optional.ofNullable(environment.get(name))));
    }
}
