package dev.moeadvisor.web.guard;

import dev.moeadvisor.service.Echo;
import dev.moeadvisor.web.error.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery protection for every state-changing request ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE}) to pages and API alike, whatever its content type or whether it has a body at all
 * (a bodyless {@code POST /datasets/{id}/delete} included). The advisor keeps no session or cookie, so what is left
 * to forge is a browser on another site sending a request here. Browsers say where a request comes from:
 * {@code Sec-Fetch-Site} (Fetch Metadata; {@code same-origin} passes, {@code none} is the user's own navigation,
 * {@code same-site} and {@code cross-site} are refused — another port on the same host is another origin) and
 * {@code Origin} (else {@code Referer}), which must name this host ({@code Host}, or {@code X-Forwarded-Host}
 * behind a proxy; {@code Origin: null}, sent by sandboxed and {@code data:} pages, is refused). Any one of them
 * saying "another site" refuses the request with a 403 problem (the error page for pages). Clients that send none
 * of these headers (curl, scripts) are not browsers and carry no ambient authority: they pass.
 */
public class SameOriginGuard {

    private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SAFE_FETCH_SITES = Set.of("same-origin", "none");

    @ServerRequestFilter(preMatching = true)
    public void refuseCrossSiteRequests(ContainerRequestContext request) {
        if (!UNSAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.isBlank()) {
            origin = request.getHeaderString("Referer");
        }
        String host = request.getHeaderString("X-Forwarded-Host");
        if (host == null || host.isBlank()) {
            host = request.getHeaderString("Host");
        }
        String from = crossSiteSource(fetchSite, origin, host);
        if (from != null) {
            throw new ProblemException(403, "cross-site-request", "Cross-site request refused",
                    "this request was sent from another site (" + Echo.quoted(from) + "); use the advisor's own pages, or call "
                            + "the API from a script", null);
        }
    }

    /**
     * Where a cross-site request came from, in words, or {@code null} when nothing says it is cross-site.
     *
     * @param fetchSite        the {@code Sec-Fetch-Site} header, or null
     * @param originOrReferer  the {@code Origin} header (else {@code Referer}), or null
     * @param host             this host as the client addressed it, or null
     */
    static String crossSiteSource(String fetchSite, String originOrReferer, String host) {
        if (fetchSite != null && !fetchSite.isBlank()
                && !SAFE_FETCH_SITES.contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
            return originOrReferer != null && !originOrReferer.isBlank() ? originOrReferer
                    : "Sec-Fetch-Site: " + fetchSite.trim();
        }
        if (originOrReferer == null || originOrReferer.isBlank()) {
            return null;
        }
        return sameAuthority(originOrReferer, host) ? null : originOrReferer;
    }

    static boolean sameAuthority(String originOrReferer, String host) {
        if (host == null || "null".equals(originOrReferer.trim())) {
            return false;
        }
        try {
            String authority = URI.create(originOrReferer.trim()).getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
