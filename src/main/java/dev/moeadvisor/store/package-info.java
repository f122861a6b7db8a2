/**
 * Persistence: Panache entities and repositories for data sets, runs, fits, saved plans and the loss-model
 * snapshots plans share (one row per model, by the SHA-256 of its JSON). Schema by Flyway
 * ({@code db/migration}); Hibernate only validates it. Only {@code service} uses this package.
 */
package dev.moeadvisor.store;
