/**
 * The explorer page ({@code /explore}): controls for a budget (compute, unique tokens, memory cap) and for what to
 * hold fixed (E, k, G) and the model; {@code web/js/explore.js} calls {@code POST /api/v1/explore} as they change and
 * redraws the isoFLOP charts, the best shape and EL against compute in place. The page renders only the controls;
 * every number comes from the endpoint. Template: {@code templates/ExplorePageResource/}.
 */
package dev.moeadvisor.web.ui.explore;
