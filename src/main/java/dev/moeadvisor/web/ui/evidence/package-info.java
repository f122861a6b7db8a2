/** The {@code /evidence} page: every bundled MoE-vs-dense source against every law family and model. */
package dev.moeadvisor.web.ui.evidence;
