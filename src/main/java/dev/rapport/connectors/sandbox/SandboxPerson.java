package dev.rapport.connectors.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One simulated person in a sandbox account's audience.
 *
 * @param index position in the population, stable for a seed
 * @param handle how the sandbox shows them ({@code li.lei}, {@code emma.w})
 * @param language {@code zh} or {@code en}: what they read and write
 * @param activity how often they are on the network (reach multiplier, around 1)
 * @param affinity how readily they like and repost (engagement multiplier, around 1)
 * @param talkativeness how readily they comment (comment multiplier, around 1)
 * @param loyalty how reluctantly they unfollow (unfollow divisor, around 1)
 * @param initiallyFollowing whether they follow the account when it is connected
 */
public record SandboxPerson(
        int index,
        String handle,
        String displayName,
        String language,
        String ageBand,
        String gender,
        String region,
        List<String> interests,
        double activity,
        double affinity,
        double talkativeness,
        double loyalty,
        boolean initiallyFollowing) {

    /** The network's id of this person. */
    public String remoteId() {
        return "sandbox:" + handle;
    }

    /** The demographic buckets this person counts in, by dimension. */
    public Map<String, String> demographics() {
        return Map.of("age", ageBand, "gender", gender, "language", language, "region", region);
    }
}
