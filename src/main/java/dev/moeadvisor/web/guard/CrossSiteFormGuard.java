package dev.moeadvisor.web.guard;

import dev.moeadvisor.web.error.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF protection for form posts. The advisor keeps no session or cookie, and its JSON API cannot be called
 * cross-site without a CORS pre-flight (which it never grants); what remains is a page on another site posting a
 * form (or a "simple" text body) to this one. Browsers send {@code Origin} (else {@code Referer}) with such posts,
 * so a state-changing request with one of the CORS-safelisted content types is refused with 403 unless its origin
 * is this host ({@code Host}, or {@code X-Forwarded-Host} behind a proxy). Clients that send neither header
 * (curl, scripts) are not browsers and carry no ambient authority: they pass.
 */
public class CrossSiteFormGuard {

    private static final Set<String> SAFELISTED = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");
    private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public void refuseCrossSiteForms(ContainerRequestContext request) {
        if (!UNSAFE_METHODS.contains(request.getMethod()) || !safelisted(request.getMediaType())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.isBlank()) {
            origin = request.getHeaderString("Referer");
        }
        if (origin == null || origin.isBlank()) {
            return;
        }
        String host = request.getHeaderString("X-Forwarded-Host");
        if (host == null || host.isBlank()) {
            host = request.getHeaderString("Host");
        }
        if (!sameAuthority(origin, host)) {
            throw new ProblemException(403, "cross-site-form", "Cross-site form refused",
                    "this form was posted from another site (" + origin + "); post it from the advisor's own pages",
                    null);
        }
    }

    static boolean sameAuthority(String originOrReferer, String host) {
        if (host == null || "null".equals(originOrReferer)) {
            return false;
        }
        try {
            String authority = URI.create(originOrReferer.trim()).getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean safelisted(MediaType type) {
        return type != null && SAFELISTED.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }
}
