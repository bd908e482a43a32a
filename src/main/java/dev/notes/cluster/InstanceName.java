package dev.notes.cluster;

import dev.notes.platform.LogFields;
import dev.notes.platform.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * This instance's name: {@code NOTES_INSTANCE}, else {@code <Liberty server>@<host>}, distinct for
 * servers on one machine and for containers alike. Responses carry it ({@link InstanceNameFilter})
 * and, from the start on, every JSON log line ({@code ext_instance}, {@link LogFields}).
 */
@ApplicationScoped
public class InstanceName {

    private String name;

    InstanceName() {
        // for the container's proxy
    }

    @Inject
    InstanceName(Settings settings) {
        name = settings.cluster().instanceName()
                .orElseGet(() -> System.getProperty("wlp.server.name", "notes") + "@" + hostName());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    public String value() {
        return name;
    }

    void nameLogLinesOnStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LogFields.nameInstance(name);
    }

    @PreDestroy
    void stopNamingLogLines() {
        LogFields.forgetInstance();
    }
}
