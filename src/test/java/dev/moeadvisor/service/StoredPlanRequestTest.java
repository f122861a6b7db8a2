package dev.moeadvisor.service;

import dev.moeadvisor.plan.AttentionKind;
import dev.moeadvisor.plan.PlanRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stored plan request keeps its shape rules, and a row written before they existed reads back as what it was
 * planned with: multi-head attention (its stored {@code headsPerKvHead} 1, or none) and every layer MoE.
 */
class StoredPlanRequestTest {

    @Test
    void theShapeRulesRoundTrip() {
        PlanRequest r = PlanRequest.builder(1e21, PlanRequest.AMPLE).attention(AttentionKind.MLA).moeLayerStep(2)
                .sharedExpertTopKWide(true).build();
        String json = StoredJson.write(r);
        assertTrue(json.contains("\"attention\":\"MLA\"") && json.contains("\"moeLayerStep\":2"), json);
        assertEquals(r, StoredJson.read(json, PlanRequest.class));
    }

    @Test
    void anOlderRowReadsBackAsMultiHeadAttentionWithEveryLayerMoe() {
        String json = StoredJson.write(PlanRequest.builder(1e21, PlanRequest.AMPLE).headsPerKvHead(1).build())
                .replace(",\"attention\":\"GQA\"", "").replace(",\"moeLayerStep\":1", "");
        assertFalse(json.contains("attention") || json.contains("moeLayerStep"), json);
        PlanRequest old = StoredJson.read(json, PlanRequest.class);
        assertEquals(16, old.kvHeads(16), "headsPerKvHead 1: key/value heads = heads");
        assertEquals(1, old.moeLayerStep());
        String oldest = json.replace(",\"headsPerKvHead\":1", "");
        assertFalse(oldest.contains("headsPerKvHead"), oldest);
        PlanRequest older = StoredJson.read(oldest, PlanRequest.class);
        assertEquals(16, older.kvHeads(16), "no headsPerKvHead at all: 1, as before GQA was a field");
    }
}
