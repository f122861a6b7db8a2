/**
 * Published MoE scaling laws side by side, each as a loss model with its own conventions converted explicitly at
 * the boundary ({@link dev.moeadvisor.law.family.MoeLawFamily#point}): Krajewski et al. (arXiv 2402.07871,
 * Table 1), Ludziejewski et al. (arXiv 2502.05172, Table 3), and Ling's EL law (arXiv 2507.17702) composed with a
 * Chinchilla-form dense law. Their losses are in different units; the common currency is the efficiency leverage
 * each implies for a shape at a compute ({@link dev.moeadvisor.law.family.ImpliedLeverage}), measured against the
 * compute-optimal dense model of the same law ({@link dev.moeadvisor.law.family.ChinchillaOptimum}, closed form).
 * Fitted ranges are data per {@link dev.moeadvisor.law.family.Axis}, checked by one rule
 * ({@link dev.moeadvisor.law.family.AxisCheck}). Plain Java: no framework imports.
 */
package dev.moeadvisor.law.family;
