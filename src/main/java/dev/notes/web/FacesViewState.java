package dev.notes.web;

import dev.notes.platform.FacesKeys;
import dev.notes.platform.Settings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tells MyFaces how to protect the client-side view state, from {@link Settings#viewState()}: the
 * keys that encrypt and sign it ({@code NOTES_FACES_SECRET}, {@code NOTES_FACES_MAC_SECRET}, checked
 * by {@link FacesKeys}) with the algorithms those keys were checked for, and how long a rendered
 * form can be posted ({@code NOTES_VIEW_STATE_LIFETIME}). Every instance of a cluster needs the
 * same keys, or a form rendered by one instance cannot be posted to another; an instance alone
 * without keys gets random ones from MyFaces at each start, and its open forms expire with a restart.
 * <p>
 * A container initializer because MyFaces reads these once, as context parameters, when the
 * application starts, before CDI could produce the settings; so it reads them itself, with the
 * same {@link Settings} rules. A bad value throws, which stops the deployment: the application is
 * not served with keys nobody chose. Keys belong in the environment or a secret store, never in
 * web.xml, which sets none of these parameters (if it did, the start fails rather than one of the
 * two silently winning).
 */
public class FacesViewState implements ServletContainerInitializer {

    static final String SECRET = "org.apache.myfaces.SECRET";
    static final String MAC_SECRET = "org.apache.myfaces.MAC_SECRET";
    static final String ALGORITHM = "org.apache.myfaces.ALGORITHM";
    static final String MAC_ALGORITHM = "org.apache.myfaces.MAC_ALGORITHM";
    /** In minutes, MyFaces 4.0's unit for it. */
    static final String TIMEOUT = "org.apache.myfaces.CLIENT_VIEW_STATE_TIMEOUT";

    private static final Logger LOG = Logger.getLogger(FacesViewState.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Settings.ViewState viewState = settings().viewState();
        set(context, ALGORITHM, FacesKeys.ALGORITHM);
        set(context, MAC_ALGORITHM, FacesKeys.MAC_ALGORITHM);
        set(context, TIMEOUT, Long.toString(timeoutMinutes(viewState.lifetime())));
        viewState.keys().ifPresentOrElse(keys -> {
            set(context, SECRET, keys.secretBase64());
            set(context, MAC_SECRET, keys.macSecretBase64());
            LOG.info("Faces view state: keys from " + FacesKeys.SECRET + " and " + FacesKeys.MAC_SECRET + " ("
                    + keys + "), forms expire after " + viewState.lifetime().toMinutes() + " minutes.");
        }, () -> LOG.info("Faces view state: random keys of this start (" + FacesKeys.SECRET + " and "
                + FacesKeys.MAC_SECRET + " unset, fine for an instance alone), forms expire after "
                + viewState.lifetime().toMinutes() + " minutes."));
    }

    /**
     * The settings, or an error in the log saying what is wrong and an exception that stops the
     * deployment; Liberty itself records the exception only as an FFDC incident.
     */
    private static Settings settings() {
        Config config = ConfigProvider.getConfig(FacesViewState.class.getClassLoader());
        try {
            return Settings.from(name -> config.getOptionalValue(name, String.class));
        } catch (IllegalArgumentException invalid) {
            LOG.severe("Notes does not start: " + invalid.getMessage());
            throw invalid;
        }
    }

    /**
     * MyFaces 4.0 refuses a view state once its age in whole minutes, rounded down, exceeds the
     * timeout (StateCacheClientSide): a timeout of n accepts forms up to n + 1 minutes old. One
     * less than the lifetime makes the lifetime exact; the settings keep it at 2 minutes or more,
     * as a timeout of 0 means "never".
     */
    static long timeoutMinutes(Duration lifetime) {
        return lifetime.toMinutes() - 1;
    }

    private static void set(ServletContext context, String name, String value) {
        if (!context.setInitParameter(name, value)) {
            throw new IllegalStateException(name + " is set in web.xml; Notes sets it from its settings"
                    + " (dev.notes.platform.Settings), so remove it there.");
        }
    }
}
