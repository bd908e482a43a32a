package dev.notes.cluster;

import dev.notes.platform.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Names the instance that answered in an {@code X-Notes-Instance} header: behind a load balancer,
 * operators (and the tests) can see where a request went. The name is {@link InstanceName}'s.
 * <p>
 * {@code NOTES_INSTANCE_HEADER=false} leaves the header out: it names a host to anyone, so the
 * shipped deployment files turn it off.
 * <p>
 * Declared in web.xml, ahead of {@code dev.notes.web.PageCacheFilter}: a page from the cache names
 * the instance that served it, not the one that rendered it.
 */
public class InstanceNameFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String HEADER = "X-Notes-Instance";

    @Inject
    private Settings settings;

    @Inject
    private InstanceName instanceName;

    private boolean enabled;
    private String name;

    @Override
    public void init() {
        enabled = settings.disclosure().instanceHeader();
        name = instanceName.value();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (enabled) {
            response.setHeader(HEADER, name);
        }
        chain.doFilter(request, response);
    }
}
