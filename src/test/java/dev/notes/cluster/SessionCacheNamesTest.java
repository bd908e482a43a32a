package dev.notes.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCacheNamesTest {

    private final SessionCacheNames names = new SessionCacheNames();

    @Test
    void libertysSessionCachesGetShortNamesThatKeepTheApplication() {
        assertThat(names.map("com.ibm.ws.session.meta.default_host%2F")).isEqualTo("sm/");
        assertThat(names.map("com.ibm.ws.session.attr.default_host%2F")).isEqualTo("sa/");
        assertThat(names.map("com.ibm.ws.session.attr.default_host%2Fhealth")).isEqualTo("sa/health");
        assertThat(names.map("com.ibm.ws.session.meta.admin_host%2F")).isEqualTo("sm:admin_host%2F");
        assertThat(names.map("com.ibm.ws.session.attr.admin_host%2F")).isEqualTo("sa:admin_host%2F");
    }

    @Test
    void theShortNamesMapBack() {
        for (String name : new String[] {"com.ibm.ws.session.meta.default_host%2F", "com.ibm.ws.session.attr.default_host%2F",
                "com.ibm.ws.session.attr.default_host%2Fhealth", "com.ibm.ws.session.meta.admin_host%2Fx%3Ay",
                "com.ibm.ws.session.attr.default_host", "com.ibm.ws.session.meta.default_host%2"}) {
            assertThat(names.unmap(names.map(name))).isEqualTo(name);
        }
    }

    @Test
    void everyOtherNameIsLeftAsItIs() {
        for (String name : new String[] {"notes:events:last-id", "redisson_lock__channel:{x}", "com.ibm.ws.session.other",
                "session.meta.default_host%2F"}) {
            assertThat(names.map(name)).isEqualTo(name);
            assertThat(names.unmap(name)).isEqualTo(name);
        }
    }
}
