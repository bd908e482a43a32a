package dev.notes.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** Gives the application its {@link Settings}, read once from MicroProfile Config. */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton // immutable: no proxy needed
    Settings settings(Config config) {
        return Settings.from(name -> config.getOptionalValue(name, String.class));
    }
}
