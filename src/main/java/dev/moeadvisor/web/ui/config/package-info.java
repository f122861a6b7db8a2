/**
 * The configuration page ({@link dev.moeadvisor.web.ui.config.ConfigPageResource}): export the advisor's settings
 * and import them back; template {@code templates/ConfigPageResource/}, tag {@code configImport}.
 */
package dev.moeadvisor.web.ui.config;
