/**
 * Training budgets: tokens, FLOPs, or GPUs × hours × peak × MFU, converted into one another through a model's
 * training FLOPs per token ({@code C = M·D}). GPU peaks are dense BF16 values from vendor data sheets.
 * Plain Java. A room of its own (not in the architecture guide's list) because both evaluate and plan take it.
 */
package dev.moeadvisor.budget;
