/**
 * Persistence: Panache entities and repositories for data sets, runs and fits. Schema by Flyway
 * ({@code db/migration}); Hibernate only validates it. Only {@code service} uses this package.
 */
package dev.moeadvisor.store;
