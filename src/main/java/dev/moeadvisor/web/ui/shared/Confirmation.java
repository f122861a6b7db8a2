package dev.moeadvisor.web.ui.shared;

import java.util.List;

/**
 * A page asking to confirm a destructive action before its form posts it ({@code GET …/delete} shows it,
 * {@code POST …/delete} does it; the post is same-origin checked like every state-changing request).
 *
 * @param title        the page's title and question
 * @param lead         what will happen, in words
 * @param consequences what goes with it (e.g. the fits computed on a data set), one line each; may be empty
 * @param action       where the form posts
 * @param button       the confirming button's label
 * @param back         where "keep it" leads
 */
public record Confirmation(String title, String lead, List<Link> consequences, String action, String button,
                           String back) {

    /** One thing that goes with the action, linked to its page. */
    public record Link(String text, String href) {}

    public Confirmation {
        consequences = List.copyOf(consequences);
    }
}
