/**
 * Request guards applied before any resource: cross-site form posts (CSRF) and oversized bodies. Both answer
 * through the one error mapping ({@code web.error}).
 */
package dev.moeadvisor.web.guard;
