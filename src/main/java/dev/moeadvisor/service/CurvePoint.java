package dev.moeadvisor.service;

/** One point of a chart series. */
public record CurvePoint(double x, double y) {
}
