package dev.moeadvisor.web.guard;

import dev.moeadvisor.web.error.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import dev.moeadvisor.service.AdvisorConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose declared body exceeds {@code advisor.http.max-body-bytes} (env {@code ADVISOR_HTTP_MAX_BODY_BYTES}) with a 413 problem that says
 * the limit, before reading it. (Bodies without a length are bounded by the HTTP server's own, larger limit.)
 */
public class BodySizeGuard {

    /** Resolved per request: pre-matching filters are created before configuration mappings exist. */
    @Inject
    Instance<AdvisorConfig> config;
    private volatile long maxBodyBytes = -1;

    @ServerRequestFilter(preMatching = true)
    public void refuseLargeBodies(ContainerRequestContext request) {
        int length = request.getLength();
        long max = maxBodyBytes();
        if (length > max) {
            throw new ProblemException(413, "too-large", "Request too large",
                    "the request body has " + length + " bytes; the limit is " + max, null);
        }
    }

    /** The limit, read from the configuration once (a mapping instance is built on every {@code Instance.get()}). */
    private long maxBodyBytes() {
        long max = maxBodyBytes;
        if (max < 0) {
            max = config.get().http().maxBodyBytes();
            maxBodyBytes = max;
        }
        return max;
    }
}
