package dev.moeadvisor.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /api/v1/fits/{id}/predict}: a shape, tokens (or compute), and unique tokens (absent: no reuse). */
public record PredictRequestDto(@NotNull @Valid ShapeRequest shape,
                                @Positive @DecimalMax("1e18") Double tokens,
                                @Positive @DecimalMax("1e32") Double computeFlops,
                                @Positive @DecimalMax("1e18") Double uniqueTokens) {
}
