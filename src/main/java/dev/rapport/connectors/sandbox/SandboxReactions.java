package dev.rapport.connectors.sandbox;

import dev.rapport.connectors.spi.InboundItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Everything the audience will ever do about one post, with the time each thing happens: computed
 * once, from the seed, the post and the account's state when it was published; what a caller sees
 * is the part that has happened by the clock's now.
 *
 * @param impressions when each impression happened, in epoch milliseconds, sorted
 * @param clicks when each click on the post's link happened, sorted
 * @param items likes, reposts, comments, direct messages, follows and unfollows, oldest first
 * @param intents what each comment and direct message is about, by its id
 */
record SandboxReactions(
        long[] impressions, long[] clicks, List<InboundItem> items, Map<String, CommentIntent> intents) {

    static final Comparator<InboundItem> CHRONOLOGICAL =
            Comparator.comparing(InboundItem::at).thenComparing(InboundItem::remoteId);

    /** The account's state the simulation reads and, for follows, changes. */
    interface Followers {
        boolean following(int person);

        /** Records a follow or unfollow at {@code at} or later; returns when it happened. */
        long change(int person, boolean follow, long at);
    }

    /** The audience's reaction to a post, given how many comments the account left unanswered. */
    static SandboxReactions simulate(
            SandboxPublished published,
            double unansweredShare,
            SandboxAudience audience,
            Followers followers,
            SandboxCoefficients c,
            long seed) {
        SandboxPostTraits traits = published.traits();
        String postId = published.post().id();
        long at = published.post().at().toEpochMilli();
        SplittableRandom random = new SplittableRandom(SandboxRandom.mix(seed, published.accountId(), published.seq()));

        double conventions = Math.pow(c.hashtagPenalty(), Math.max(0, traits.hashtags() - c.hashtagAllowance()));
        double reach = conventions * (1 - c.unansweredReach() * unansweredShare);
        double engagement = conventions
                * (traits.promotional() ? c.promotionalEngagement() : 1)
                * (traits.length() > c.lengthAllowance() ? c.overLengthEngagement() : 1);
        double comments = engagement * (traits.asksAudience() ? c.questionComments() : 1);
        double unfollow = c.unfollowRate()
                * (traits.promotional() ? c.promotionalUnfollow() : 1)
                * (1 + c.unansweredUnfollow() * unansweredShare);
        double arrivalMean = c.reactionHalfLife().toMillis() / Math.log(2);
        long first = at + c.firstReactionDelay().toMillis();
        long last = at + c.reactionWindow().toMillis();
        double[] intentWeights = intentWeights(c, traits);

        long[] impressions = new long[16];
        int impressionCount = 0;
        long[] clicks = new long[4];
        int clickCount = 0;
        List<InboundItem> items = new ArrayList<>();
        Map<String, CommentIntent> intents = new java.util.HashMap<>();
        int n = 0;
        for (SandboxPerson person : audience.people()) {
            boolean following = followers.following(person.index());
            double chance = (following ? c.followerReach() : c.nonFollowerReach()) * reach * person.activity();
            if (random.nextDouble() >= chance) {
                continue;
            }
            long seen = first + SandboxRandom.exponential(random, arrivalMean);
            if (seen > last) {
                continue;
            }
            if (impressionCount == impressions.length) {
                impressions = Arrays.copyOf(impressions, impressionCount * 2);
            }
            impressions[impressionCount++] = seen;
            double understood = traits.understoodBy(person.language()) ? 1 : c.languageMismatchEngagement();
            double keen = engagement * understood * person.affinity();
            long reacts =
                    seen + SandboxRandom.exponential(random, c.reactionLag().toMillis());
            var author = new InboundItem.Author(person.remoteId(), person.handle(), person.displayName());
            if (random.nextDouble() < c.likeRate() * keen) {
                items.add(item(postId + "-l" + ++n, InboundItem.Kind.LIKE, author, null, postId, reacts));
            }
            if (random.nextDouble() < c.repostRate() * keen) {
                items.add(item(postId + "-r" + ++n, InboundItem.Kind.REPOST, author, null, postId, reacts + 1));
            }
            if (random.nextDouble() < c.commentRate() * comments * understood * person.talkativeness()) {
                CommentIntent intent = CommentIntent.values()[SandboxRandom.weighted(random, intentWeights)];
                String text = SandboxComments.templates().pick(intent, person.language(), random);
                String id = postId + "-c" + ++n;
                intents.put(id, intent);
                items.add(new InboundItem(
                        id,
                        InboundItem.Kind.COMMENT,
                        author,
                        text,
                        postId,
                        postId,
                        null,
                        person.language(),
                        java.time.Instant.ofEpochMilli(reacts + 2)));
            }
            if (traits.hasLink() && random.nextDouble() < c.clickRate() * understood * person.activity()) {
                if (clickCount == clicks.length) {
                    clicks = Arrays.copyOf(clicks, clickCount * 2);
                }
                clicks[clickCount++] = reacts;
            }
            if (!following && random.nextDouble() < c.followRate() * keen) {
                long when = followers.change(person.index(), true, reacts + 3);
                items.add(item(postId + "-f" + ++n, InboundItem.Kind.FOLLOW, author, null, null, when));
            } else if (following && random.nextDouble() < unfollow / person.loyalty()) {
                long when = followers.change(person.index(), false, reacts + 3);
                items.add(item(postId + "-u" + ++n, InboundItem.Kind.UNFOLLOW, author, null, null, when));
            }
            if (random.nextDouble() < c.directMessageRate() * understood) {
                CommentIntent intent = DIRECT_INTENTS[random.nextInt(DIRECT_INTENTS.length)];
                String id = postId + "-d" + ++n;
                intents.put(id, intent);
                items.add(new InboundItem(
                        id,
                        InboundItem.Kind.DIRECT_MESSAGE,
                        author,
                        SandboxComments.templates().pick(intent, person.language(), random),
                        null,
                        null,
                        null,
                        person.language(),
                        java.time.Instant.ofEpochMilli(reacts + 4)));
            }
        }
        long[] sortedImpressions = Arrays.copyOf(impressions, impressionCount);
        Arrays.sort(sortedImpressions);
        long[] sortedClicks = Arrays.copyOf(clicks, clickCount);
        Arrays.sort(sortedClicks);
        items.sort(CHRONOLOGICAL);
        return new SandboxReactions(sortedImpressions, sortedClicks, List.copyOf(items), Map.copyOf(intents));
    }

    /** How many of the first {@code times} happened by {@code now}. */
    static int countUntil(long[] times, long now) {
        int index = Arrays.binarySearch(times, now);
        if (index < 0) {
            return -index - 1;
        }
        while (index < times.length && times[index] <= now) {
            index++;
        }
        return index;
    }

    private static final CommentIntent[] DIRECT_INTENTS = {
        CommentIntent.PURCHASE_INTENT, CommentIntent.BILLING, CommentIntent.QUESTION, CommentIntent.COMPLAINT
    };

    private static double[] intentWeights(SandboxCoefficients c, SandboxPostTraits traits) {
        double[] weights = new double[CommentIntent.values().length];
        for (CommentIntent intent : CommentIntent.values()) {
            boolean aboutTheOffer = intent == CommentIntent.PURCHASE_INTENT || intent == CommentIntent.BILLING;
            weights[intent.ordinal()] = c.intentMix().get(intent)
                    * (traits.promotional() && aboutTheOffer ? c.promotionalPurchaseIntent() : 1);
        }
        return weights;
    }

    private static InboundItem item(
            String id,
            InboundItem.Kind kind,
            InboundItem.Author author,
            @Nullable String text,
            @Nullable String subject,
            long at) {
        return new InboundItem(id, kind, author, text, subject, null, null, null, java.time.Instant.ofEpochMilli(at));
    }
}
