/**
 * The advisor's one way of writing numbers for people and CSV ({@link dev.moeadvisor.numbers.Numbers}): plain Java,
 * used by the planner's sentences, the pages and the exports alike.
 */
package dev.moeadvisor.numbers;
