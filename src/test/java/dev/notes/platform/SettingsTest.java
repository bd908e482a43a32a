package dev.notes.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings settings(Map<String, String> values) {
        return Settings.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void unsetValuesAreTheEmbeddedDefaults() {
        Settings settings = settings(Map.of());
        assertThat(settings.cluster().isRedis()).isFalse();
        assertThat(settings.cluster().mode()).isEqualTo("none");
        assertThat(settings.cluster().instanceName()).isEmpty();
        assertThat(settings.firstUser().username()).isEmpty();
    }

    @Test
    void thePageCacheIsOnUnlessSwitchedOff() {
        assertThat(settings(Map.of()).pageCache()).isTrue();
        assertThat(settings(Map.of("NOTES_PAGE_CACHE", "False")).pageCache()).isFalse();
        assertThatThrownBy(() -> settings(Map.of("NOTES_PAGE_CACHE", "off")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_PAGE_CACHE=off");
    }

    @Test
    void theInstanceHeaderAndHealthDetailsAreShownUnlessSwitchedOff() {
        assertThat(settings(Map.of()).disclosure()).isEqualTo(new Settings.Disclosure(true, true));
        assertThat(settings(Map.of("NOTES_INSTANCE_HEADER", "false")).disclosure())
                .isEqualTo(new Settings.Disclosure(false, true));
        assertThat(settings(Map.of("NOTES_HEALTH_DETAILS", " FALSE ")).disclosure())
                .isEqualTo(new Settings.Disclosure(true, false));
        assertThatThrownBy(() -> settings(Map.of("NOTES_INSTANCE_HEADER", "no", "NOTES_HEALTH_DETAILS", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_INSTANCE_HEADER=no is not one of true, false")
                .hasMessageContaining("NOTES_HEALTH_DETAILS=0 is not one of true, false");
    }

    @Test
    void theShutdownDrainIsFiveSecondsAndAtMostAMinute() {
        assertThat(settings(Map.of()).shutdownDrain()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings(Map.of("SHUTDOWN_DRAIN", "1m")).shutdownDrain()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings(Map.of("SHUTDOWN_DRAIN", "500ms")).shutdownDrain()).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> settings(Map.of("SHUTDOWN_DRAIN", "61s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHUTDOWN_DRAIN=61s is longer than 60s");
        assertThatThrownBy(() -> settings(Map.of("SHUTDOWN_DRAIN", "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHUTDOWN_DRAIN=soon");
    }

    @Test
    void theClusterModeIgnoresCaseAndBlanks() {
        // a cluster needs the Faces keys (FacesKeysTest): the refusal shows the mode was read as redis
        assertThatThrownBy(() -> settings(Map.of("NOTES_CLUSTER", " Redis ")))
                .hasMessageContaining("NOTES_CLUSTER=redis needs NOTES_FACES_SECRET");
    }

    @Test
    void blankValuesCountAsUnset() {
        assertThat(settings(Map.of("NOTES_INSTANCE", "  ")).cluster().instanceName()).isEmpty();
    }

    @Test
    void anUnknownModeStopsTheStartAndNamesTheVariable() {
        assertThatThrownBy(() -> settings(Map.of("NOTES_CLUSTER", "kafka")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_CLUSTER=kafka")
                .hasMessageContaining("none, redis");
    }

    @Test
    void theEventSecretIsOptionalAndKeptAsItsBytes() {
        assertThat(settings(Map.of()).cluster().eventSecret()).isEmpty();
        byte[] key = new byte[32];
        key[0] = 7;
        Settings.SecretKey secret = settings(Map.of("NOTES_EVENT_SECRET", Base64.getEncoder().encodeToString(key) + "\n"))
                .cluster().eventSecret().orElseThrow();
        assertThat(secret.bytes()).isEqualTo(key);
        assertThat(secret.toString()).doesNotContain(Base64.getEncoder().encodeToString(key)).contains("32 bytes");
    }

    @Test
    void anEventSecretThatIsNoBase64OrTooShortStopsTheStartWithoutQuotingIt() {
        assertThatThrownBy(() -> settings(Map.of("NOTES_EVENT_SECRET", "not base64!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_EVENT_SECRET is not base64")
                .hasMessageNotContaining("not base64!");
        byte[] shortBytes = new byte[31];
        for (int i = 0; i < shortBytes.length; i++) {
            shortBytes[i] = (byte) (i * 37 + 128);
        }
        String shortKey = Base64.getEncoder().encodeToString(shortBytes);
        assertThatThrownBy(() -> settings(Map.of("NOTES_EVENT_SECRET", shortKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_EVENT_SECRET decodes to 31 bytes; it needs at least 32")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void anEventSecretIsHeldToTheRulesOfTheFacesKeys() {
        String typedPhrase = Base64.getEncoder().encodeToString(
                "correct horse battery staple, twice!".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> settings(Map.of("NOTES_EVENT_SECRET", typedPhrase)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_EVENT_SECRET decodes to plain text")
                .hasMessageNotContaining(typedPhrase);
        assertThatThrownBy(() -> settings(Map.of("NOTES_EVENT_SECRET", "change-me")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_EVENT_SECRET is a placeholder");
        String zeros = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> settings(Map.of("NOTES_EVENT_SECRET", zeros)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOTES_EVENT_SECRET is one byte repeated");
    }

    @Test
    void durationsUseLibertysNotation() {
        assertThat(Settings.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Settings.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Settings.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Settings.parseDuration("1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void somethingElseIsNoDuration() {
        assertThat(Settings.parseDuration("")).isNull();
        assertThat(Settings.parseDuration("15")).isNull();
        assertThat(Settings.parseDuration("0s")).isNull();
        assertThat(Settings.parseDuration("-5m")).isNull();
        assertThat(Settings.parseDuration("5m 3s")).isNull();
        assertThat(Settings.parseDuration("99999999999999999999s")).isNull();
        assertThat(Settings.parseDuration("m")).isNull();
    }

    @Test
    void liveLimitsDefaultToWhatABrowserNeedsWithRoom() {
        Settings.Live live = settings(Map.of()).live();
        assertThat(live.maxMessageBytes()).isEqualTo(4096);
        assertThat(live.maxTopics()).isEqualTo(20);
        assertThat(live.queueMessages()).isEqualTo(500);
        assertThat(live.queueChars()).isEqualTo(2_000_000);
        assertThat(live.messagesPerMinute()).isEqualTo(60);
        assertThat(live.messageBurst()).isEqualTo(20);
        assertThat(live.socketsPerAddress()).isEqualTo(200);
    }

    @Test
    void liveLimitsAreConfigurable() {
        Settings.Live live = settings(Map.of("LIVE_SOCKETS_PER_ADDRESS", "20000", "LIVE_MESSAGES_PER_MINUTE", "120",
                "LIVE_QUEUE_CHARS", "500000")).live();
        assertThat(live.socketsPerAddress()).isEqualTo(20_000);
        assertThat(live.messagesPerMinute()).isEqualTo(120);
        assertThat(live.queueChars()).isEqualTo(500_000);
    }

    @Test
    void liveLimitsOutOfRangeStopTheStartAndAreAllNamed() {
        assertThatThrownBy(() -> settings(Map.of("LIVE_SOCKETS_PER_ADDRESS", "0", "LIVE_MAX_TOPICS", "many",
                "LIVE_QUEUE_CHARS", "1000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LIVE_SOCKETS_PER_ADDRESS=0")
                .hasMessageContaining("LIVE_MAX_TOPICS=many")
                .hasMessageContaining("LIVE_QUEUE_CHARS=1000 is not a whole number from 250000");
    }

    @Test
    void throttlingDefaultsAreTheDocumentedOnes() {
        Settings settings = settings(Map.of());
        assertThat(settings.loginThrottle()).isEqualTo(new Settings.LoginThrottle(Duration.ofMinutes(15), 5, 50, 100, 4));
        assertThat(settings.quotas().registrationsPerAddress()).isEqualTo(new Settings.Limit(50, Duration.ofHours(1)));
        assertThat(settings.quotas().notesPerAccount()).isEqualTo(new Settings.Limit(100, Duration.ofHours(1)));
        assertThat(settings.quotas().commentsPerAccount()).isEqualTo(new Settings.Limit(300, Duration.ofHours(1)));
        assertThat(settings.throttleMemoryKeys()).isEqualTo(100_000);
    }

    @Test
    void throttlingLimitsAreRead() {
        Settings settings = settings(Map.of("LOGIN_FAILURE_WINDOW", "5s", "LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS", "3",
                "NOTES_PER_ACCOUNT", "7", "COMMENT_QUOTA_WINDOW", "1d"));
        assertThat(settings.loginThrottle().window()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.loginThrottle().perAccountAndAddress()).isEqualTo(3);
        assertThat(settings.quotas().notesPerAccount().max()).isEqualTo(7);
        assertThat(settings.quotas().commentsPerAccount().window()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aLoginLastsTwelveHoursAtMostUnlessConfigured() {
        assertThat(settings(Map.of()).sessionLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(settings(Map.of("SESSION_LIFETIME", "8h30m")).sessionLifetime()).isEqualTo(Duration.ofMinutes(510));
        assertThatThrownBy(() -> settings(Map.of("SESSION_LIFETIME", "0s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SESSION_LIFETIME=0s");
    }

    @Test
    void aLimitOfZeroStopsTheStart() {
        assertThatThrownBy(() -> settings(Map.of("LOGIN_FAILURES_PER_ADDRESS", "0", "PASSWORD_CHECKS_MAX", "many")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOGIN_FAILURES_PER_ADDRESS=0")
                .hasMessageContaining("PASSWORD_CHECKS_MAX=many");
    }

    @Test
    void theRequestBodyLimitFitsALongNoteByDefault() {
        // 100,000 characters of 3-byte UTF-8, each byte form-encoded as %XX, plus the view state
        assertThat(settings(Map.of()).requests().maxBodyBytes()).isGreaterThan(100_000 * 9 + 64 * 1024);
        assertThat(settings(Map.of("REQUEST_MAX_BODY_BYTES", "65536")).requests().maxBodyBytes()).isEqualTo(65536);
    }

    @Test
    void aRequestBodyLimitTooSmallForAFormStopsTheStart() {
        assertThatThrownBy(() -> settings(Map.of("REQUEST_MAX_BODY_BYTES", "100")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REQUEST_MAX_BODY_BYTES=100");
        assertThatThrownBy(() -> settings(Map.of("REQUEST_MAX_BODY_BYTES", "2m")))
                .hasMessageContaining("REQUEST_MAX_BODY_BYTES=2m");
    }

    @Test
    void formsLiveTwelveHoursUnlessSetOtherwiseInWholeMinutes() {
        assertThat(settings(Map.of()).viewState().lifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(settings(Map.of("NOTES_VIEW_STATE_LIFETIME", "1h30m")).viewState().lifetime())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(settings(Map.of("NOTES_VIEW_STATE_LIFETIME", "2m")).viewState().lifetime())
                .isEqualTo(Duration.ofMinutes(2));
        for (String refused : new String[] {"90s", "1m", "8d", "never"}) {
            assertThatThrownBy(() -> settings(Map.of("NOTES_VIEW_STATE_LIFETIME", refused)))
                    .as(refused).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NOTES_VIEW_STATE_LIFETIME=" + refused);
        }
    }
    private static final Map<String, String> OIDC = Map.of("OIDC_ISSUER", "https://login.example.org/realms/notes",
            "OIDC_CLIENT_ID", "notes", "OIDC_CLIENT_SECRET", "s3cr3t-from-the-provider");

    @Test
    void openIdConnectIsOffUnlessConfiguredAndHasDocumentedDefaults() {
        assertThat(settings(Map.of()).oidc()).isEmpty();
        Settings.Oidc oidc = settings(OIDC).oidc().orElseThrow();
        assertThat(oidc.issuer()).hasToString("https://login.example.org/realms/notes");
        assertThat(oidc.scopes()).isEqualTo("openid profile email");
        assertThat(oidc.usernameClaim()).isEqualTo("preferred_username");
        assertThat(oidc.displayNameClaim()).isEqualTo("name");
        assertThat(oidc.providerName()).isEqualTo("OpenID Connect");
        assertThat(oidc.appUrl()).as("taken from each request").isEmpty();
        assertThat(oidc.publicUrl("/user/oidc-callback")).isEmpty();
        assertThat(oidc.toString()).doesNotContain("s3cr3t").contains("24 characters");
    }

    @Test
    void theApplicationsAddressForTheProviderIsAnHttpsUrlWhenSet() {
        Map<String, String> behindProxy = new java.util.HashMap<>(OIDC);
        behindProxy.put("OIDC_APP_URL", "https://notes.example.org/");
        assertThat(settings(behindProxy).oidc().orElseThrow().publicUrl("/user/oidc-callback"))
                .contains("https://notes.example.org/user/oidc-callback");

        behindProxy.put("OIDC_APP_URL", "http://notes.example.org");
        assertThatThrownBy(() -> settings(behindProxy)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OIDC_APP_URL=http://notes.example.org is not the address users reach Notes at");
        behindProxy.put("OIDC_APP_URL", "https://notes.example.org/?next=elsewhere");
        assertThatThrownBy(() -> settings(behindProxy)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OIDC_APP_URL=");
    }

    @Test
    void aHalfConfiguredOpenIdConnectLoginStopsTheStartNamingWhatIsMissing() {
        assertThatThrownBy(() -> settings(Map.of("OIDC_ISSUER", "https://login.example.org")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OIDC_CLIENT_ID, OIDC_CLIENT_SECRET are not set");
        assertThatThrownBy(() -> settings(Map.of("OIDC_CLIENT_ID", "notes", "OIDC_CLIENT_SECRET", "x7-from-the-provider")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OIDC_ISSUER is not set");
    }

    @Test
    void anOpenIdConnectSecretThatIsAPlaceholderAnIssuerOverPlainHttpOrScopesWithoutOpenidStopTheStart() {
        Map<String, String> bad = new java.util.HashMap<>(OIDC);
        bad.put("OIDC_CLIENT_SECRET", "change-me");
        bad.put("OIDC_ISSUER", "http://login.example.org");
        bad.put("OIDC_SCOPES", "profile email");
        bad.put("OIDC_USERNAME_CLAIM", "user name");
        assertThatThrownBy(() -> settings(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OIDC_CLIENT_SECRET is a placeholder")
                .hasMessageContaining("OIDC_ISSUER=http://login.example.org is not the provider's issuer URL")
                .hasMessageContaining("OIDC_SCOPES=profile email lacks openid")
                .hasMessageContaining("OIDC_USERNAME_CLAIM=user name is not a claim name")
                .hasMessageNotContaining("change-me");
    }

    @Test
    void anIssuerOverPlainHttpIsAcceptedOnThisMachineOnly() {
        Map<String, String> local = new java.util.HashMap<>(OIDC);
        local.put("OIDC_ISSUER", "http://127.0.0.1:8080/realms/notes");
        assertThat(settings(local).oidc().orElseThrow().issuer().getPort()).isEqualTo(8080);
        local.put("OIDC_ISSUER", "http://localhost:8080/realms/notes");
        assertThat(settings(local).oidc()).isPresent();
    }
}
