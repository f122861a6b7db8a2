/**
 * The laws: Efficiency Leverage (Ling, arXiv 2507.17702, Eq. 13), compute-optimal allocation (Table 1),
 * hyper-parameters (Ling Eq. 3 and Step Law, arXiv 2503.04715), the Chinchilla dense loss (arXiv 2203.15556,
 * and the Epoch replication arXiv 2404.10102), data repetition (arXiv 2305.16264) and the composed MoE loss.
 * Every coefficient set carries its {@link dev.moeadvisor.law.Citation} and the range it was fitted on.
 * Plain Java: no framework imports.
 */
package dev.moeadvisor.law;
