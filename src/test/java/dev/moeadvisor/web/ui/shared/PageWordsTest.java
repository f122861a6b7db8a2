package dev.moeadvisor.web.ui.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** API messages in a page's words: field ids named as the form names them. */
class PageWordsTest {

    @Test
    void fieldIdsBecomeWordsAndParenthesisedIdsAreDropped() {
        assertEquals("give one of tokens, the compute budget or a GPU budget",
                PageWords.of("give one of tokens, computeFlops or gpuBudget"));
        assertEquals("required", PageWords.of("must not be null"));
        assertEquals("must be finite and at least the aspect-ratio floor (d_model/L)",
                PageWords.of("must be finite and at least minAspectRatio"));
        assertEquals("give a GPU preset or the memory per GPU",
                PageWords.of("give a GPU preset (gpu) or the memory per GPU (memoryGb)"));
        assertEquals("the GPU count: must be greater than 0", PageWords.of("gpuBudget.count: must be greater than 0"));
        assertEquals("is not a number", PageWords.of("is not a number"));
        assertEquals("unknown gpu TPU9", PageWords.of("unknown gpu TPU9"));
    }
}
