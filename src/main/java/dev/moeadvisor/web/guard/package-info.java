/**
 * Request guards applied before any resource: cross-site requests (CSRF: every {@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE} from another origin, by {@code Sec-Fetch-Site} and {@code Origin}/{@code Referer};
 * {@link dev.moeadvisor.web.guard.SameOriginGuard}), bodies over the limit whether declared
 * ({@link dev.moeadvisor.web.guard.BodySizeGuard}) or streamed ({@link dev.moeadvisor.web.guard.StreamedBodyLimit}),
 * and over-long request URIs ({@link dev.moeadvisor.web.guard.RequestLineGuard}, on the HTTP router). All answer
 * with problems in the one error vocabulary ({@code web.error}).
 */
package dev.moeadvisor.web.guard;
