package dev.moeadvisor.web.api;

import dev.moeadvisor.law.Citation;

/** A citation as the API shows it. */
public record CitationDto(String key, String text, String arxiv, String locator, String url) {
    public static CitationDto of(Citation c) {
        return new CitationDto(c.key(), c.text(), c.arxiv(), c.locator(), c.url());
    }
}
