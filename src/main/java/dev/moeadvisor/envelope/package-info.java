/**
 * The evidence envelope: the ranges a model's data covered ({@link dev.moeadvisor.envelope.Evidence}) and the one
 * rule ({@link dev.moeadvisor.envelope.EvidenceEnvelope}) that says, for any question, which axes lie outside and
 * by what factor ({@link dev.moeadvisor.envelope.Outside}). Plain Java; depends on {@code law} only.
 */
package dev.moeadvisor.envelope;
