package dev.notes.web;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives MyFaces the keys that encrypt and sign the client-side view state, from configuration
 * ({@code NOTES_FACES_SECRET}: 16 random bytes, {@code NOTES_FACES_MAC_SECRET}: 32 random bytes,
 * both base64). Every instance of a cluster needs the same two, or a form rendered by one instance
 * cannot be posted to another. Unset, MyFaces makes random ones at each start: fine for one
 * instance, whose open forms then expire with a restart.
 * <p>
 * A container initializer because MyFaces reads them once, when the application starts, as context
 * parameters; keys belong in the environment or a secret store, never in web.xml.
 */
public class FacesSecrets implements ServletContainerInitializer {

    static final String SECRET = "NOTES_FACES_SECRET";
    static final String MAC_SECRET = "NOTES_FACES_MAC_SECRET";

    private static final Logger LOG = Logger.getLogger(FacesSecrets.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        var config = ConfigProvider.getConfig(FacesSecrets.class.getClassLoader());
        Optional<String> secret = config.getOptionalValue(SECRET, String.class);
        Optional<String> macSecret = config.getOptionalValue(MAC_SECRET, String.class);
        if (secret.isPresent() && macSecret.isPresent()) {
            context.setInitParameter("org.apache.myfaces.SECRET", secret.get());
            context.setInitParameter("org.apache.myfaces.MAC_SECRET", macSecret.get());
            LOG.info("Faces view state keys taken from " + SECRET + " and " + MAC_SECRET + ".");
        } else if (!"none".equals(config.getOptionalValue("NOTES_CLUSTER", String.class).orElse("none"))) {
            LOG.warning("In a cluster every instance needs the same " + SECRET + " and " + MAC_SECRET
                    + ": without them a form rendered by one instance fails when posted to another.");
        }
    }
}
