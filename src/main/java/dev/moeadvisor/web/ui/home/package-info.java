/** The home page ({@code /}): what the advisor does and where to start. Template: {@code templates/HomeResource/}. */
package dev.moeadvisor.web.ui.home;
