package dev.rapport.content;

import dev.rapport.content.text.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The share of an account's posts that read as automated: unedited template output (the caller
 * knows, and says so with {@link Post#uneditedTemplate()}) or near-duplicates of the account's own
 * earlier posts within a window. Compared against the workspace limit with {@link #exceeds(double)}.
 *
 * @param posts the posts measured
 * @param automated the posts counted as automated, oldest first, each with the reason
 */
public record AutomationRatio(int posts, List<AutomatedPost> automated) {

    /** How far back a post is compared with the account's earlier ones when no window is given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    /** A post of the account; {@code uneditedTemplate} when it went out as a template produced it. */
    public record Post(String id, Instant at, String text, boolean uneditedTemplate) {}

    public enum Reason {
        UNEDITED_TEMPLATE,
        NEAR_DUPLICATE
    }

    /**
     * @param duplicateOf the earlier post it repeats (for {@link Reason#NEAR_DUPLICATE})
     * @param similarity with that post, 0 for a template
     */
    public record AutomatedPost(
            String id, Reason reason, @Nullable String duplicateOf, double similarity) {}

    public AutomationRatio {
        automated = List.copyOf(automated);
    }

    public static AutomationRatio of(List<Post> posts) {
        return of(posts, DEFAULT_WINDOW, NearDuplicates.DEFAULT_THRESHOLD);
    }

    /** Measures one account's posts (in any order; compared oldest first). */
    public static AutomationRatio of(List<Post> posts, Duration window, double threshold) {
        List<Post> ordered = new ArrayList<>(posts);
        ordered.sort(Comparator.comparing(Post::at));
        NearDuplicates earlier = new NearDuplicates(threshold);
        List<AutomatedPost> automated = new ArrayList<>();
        for (Post post : ordered) {
            if (post.uneditedTemplate()) {
                automated.add(new AutomatedPost(post.id(), Reason.UNEDITED_TEMPLATE, null, 0));
            } else {
                List<NearDuplicate> repeats =
                        earlier.similar(Fingerprint.of(post.text()), null, TimeWindow.before(post.at(), window), null);
                if (!repeats.isEmpty()) {
                    NearDuplicate closest = repeats.get(0);
                    automated.add(
                            new AutomatedPost(post.id(), Reason.NEAR_DUPLICATE, closest.id(), closest.similarity()));
                }
            }
            earlier.add(post.id(), "", post.at(), post.text());
        }
        return new AutomationRatio(posts.size(), automated);
    }

    /** Automated posts / posts, 0 when there are none. */
    public double ratio() {
        return posts == 0 ? 0 : (double) automated.size() / posts;
    }

    public boolean exceeds(double limit) {
        return ratio() > limit;
    }
}
