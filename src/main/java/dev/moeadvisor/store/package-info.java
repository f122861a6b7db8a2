/**
 * Persistence: Panache entities and repositories for data sets, runs, fits, saved plans and the loss-model
 * snapshots plans share (one row per model, by the SHA-256 of its JSON), and the leases of running work (fit
 * heartbeats in {@code FitLeases}, start-up claims in {@code StartupClaims}) that let a live instance recover what a
 * dead one left. Schema by Flyway ({@code db/migration}); Hibernate only validates it. Only {@code service} uses
 * this package.
 */
package dev.moeadvisor.store;
