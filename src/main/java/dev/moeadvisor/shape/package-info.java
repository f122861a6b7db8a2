/**
 * A transformer's shape and what follows from it: parameters, FLOPs per token, the three activation ratios
 * ({@code A} of Ling arXiv 2507.17702, {@code k/E}, and {@code r_a} of arXiv 2506.12119) and granularity.
 * Plain Java: no framework imports.
 */
package dev.moeadvisor.shape;
