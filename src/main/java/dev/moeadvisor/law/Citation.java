package dev.moeadvisor.law;

/**
 * Where a coefficient set comes from.
 *
 * @param key     short stable key, e.g. {@code ling-2025}
 * @param authors first authors, e.g. "Tian, Chen, Liu, et al."
 * @param title   the paper's title
 * @param arxiv   arXiv identifier, e.g. {@code 2507.17702}
 * @param locator the equation or table the numbers are taken from
 */
public record Citation(String key, String authors, String title, String arxiv, String locator) {

    /** True when this names an arXiv paper (a fit's own citation does not). */
    public boolean hasArxiv() {
        return arxiv != null && !arxiv.isBlank();
    }

    /** The arXiv abstract page, or an empty string for a citation without an arXiv id (a fit). */
    public String url() {
        return hasArxiv() ? "https://arxiv.org/abs/" + arxiv : "";
    }

    /**
     * "Tian, Chen, Liu, et al., Towards Greater Leverage ..., arXiv 2507.17702, Eq. 13 / Table 2"; without an arXiv
     * id (a fit) the "arXiv" part is left out, never printed empty.
     */
    public String text() {
        return authors + ", " + title + (hasArxiv() ? ", arXiv " + arxiv : "")
                + (locator == null || locator.isBlank() ? "" : ", " + locator);
    }

    public Citation at(String newLocator) {
        return new Citation(key, authors, title, arxiv, newLocator);
    }

    public static final Citation LING = new Citation("ling-2025", "Tian, Chen, Liu, Liu, Zhang, Zhou (Ling Team)",
            "Towards Greater Leverage: Scaling Laws for Efficient Mixture-of-Experts Language Models", "2507.17702", "");
    public static final Citation EQUAL_RESOURCES = new Citation("equal-resources-2025", "Li, Lo, et al.",
            "Can Mixture-of-Experts Surpass Dense LLMs Under Strictly Equal Resources?", "2506.12119", "");
    public static final Citation CHINCHILLA = new Citation("chinchilla-2022", "Hoffmann et al.",
            "Training Compute-Optimal Large Language Models", "2203.15556", "");
    public static final Citation EPOCH = new Citation("epoch-2024", "Besiroglu et al.",
            "Chinchilla Scaling: A replication attempt", "2404.10102", "");
    public static final Citation MUENNIGHOFF = new Citation("muennighoff-2023", "Muennighoff et al.",
            "Scaling Data-Constrained Language Models", "2305.16264", "");
    public static final Citation STEP = new Citation("step-law-2025", "Li et al.",
            "Predictable Scale: Part I — Step Law", "2503.04715", "");
}
