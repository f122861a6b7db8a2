package dev.moeadvisor.web.api;

import dev.moeadvisor.memory.ParallelLayout;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A parallel layout: {@code dp, tp, pp} required; {@code ep, etp, cp} default to 1. */
public record LayoutRequest(
        @NotNull @Min(1) @Max(ParallelLayout.MAX_DEGREE) Integer dp,
        @NotNull @Min(1) @Max(ParallelLayout.MAX_DEGREE) Integer tp,
        @NotNull @Min(1) @Max(ParallelLayout.MAX_DEGREE) Integer pp,
        @Min(1) @Max(ParallelLayout.MAX_DEGREE) Integer ep,
        @Min(1) @Max(ParallelLayout.MAX_DEGREE) Integer etp,
        @Min(1) @Max(ParallelLayout.MAX_DEGREE) Integer cp) {

    ParallelLayout toLayout() {
        return new ParallelLayout(dp, tp, pp, ep == null ? 1 : ep, etp == null ? 1 : etp, cp == null ? 1 : cp);
    }

    static LayoutRequest of(ParallelLayout l) {
        return new LayoutRequest(l.dp(), l.tp(), l.pp(), l.ep(), l.etp(), l.cp());
    }
}
