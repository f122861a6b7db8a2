package dev.moeadvisor.service;

import dev.moeadvisor.law.family.JointMoeLaw;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.plan.FamilyPlanner;
import dev.moeadvisor.plan.PlanRequest;
import dev.moeadvisor.plan.PlanResult;
import dev.moeadvisor.plan.SearchLimits;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan ranked by a law family is stored as any plan is: its model snapshot (the family's id, no loss model unless
 * the family has a composed one) and its result read back equal, and the read-back choice still names the family and
 * its fitted-range words.
 */
class FamilyChoiceStoredTest {

    @Test
    void aFamilyChoiceAndItsPlanReadBackAsStored() {
        for (MoeLawFamily law : LawFamilies.PUBLISHED) {
            LossModelChoice choice = LossModelChoice.of(law);
            LossModelChoice back = StoredJson.read(StoredJson.write(choice), LossModelChoice.class);
            assertEquals(choice, back, law.id());
            assertEquals(law.id(), back.law().orElseThrow().id());
        }
        LossModelChoice joint = LossModelChoice.of(JointMoeLaw.PUBLISHED);
        assertNull(joint.model());
        PlanRequest r = PlanRequest.builder(1e20, PlanRequest.AMPLE).maxExperts(32).topK(2, 2).dModelMultiple(512).build();
        PlanResult planned = new FamilyPlanner(JointMoeLaw.PUBLISHED).plan(r, SearchLimits.NONE);
        PlanResult plan = planned.withOutside(joint.outside(planned.recommended(), 1e20));
        PlanResult read = StoredJson.read(StoredJson.write(plan), PlanResult.class);
        assertEquals(plan.recommended(), read.recommended());
        assertEquals(plan.outside(), read.outside());
        // top-2 is outside the joint law's top-1: the stored words are the law's
        assertFalse(read.outside().isEmpty());
        assertTrue(read.outside().stream().anyMatch(o -> o.words().startsWith("routed experts per token k 2.0× above")),
                "" + read.outside());
    }
}
