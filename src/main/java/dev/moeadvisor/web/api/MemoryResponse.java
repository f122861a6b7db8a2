package dev.moeadvisor.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The memory of one layout; {@code memoryGb} and {@code fits} only when a GPU or memory was given.
 *
 * @param citations the sources of the formulas
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryResponse(MemoryDto memory, Double memoryGb, Boolean fits, List<String> citations) {

    static final List<String> CITATIONS = List.of(
            "activations: Korthikanti et al., arXiv 2205.05198, Eq. 1-2 and Table 2 (34sbh + 5as^2b per layer)",
            "optimizer sharding: Rajbhandari et al. (ZeRO), arXiv 1910.02054, Section 5 and Figure 1 (K = 12)",
            "dense/expert split: Megatron-LM parallel groups and theoretical_memory_usage.py");
}
