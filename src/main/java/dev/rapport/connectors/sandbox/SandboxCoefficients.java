package dev.rapport.connectors.sandbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every number the sandbox network's behaviour depends on, in one place. The lessons named are those
 * of the article in {@code seed/} ("ten mistakes of social media marketing"); {@code docs/sandbox.md}
 * lists the same values, and a test keeps the two in sync.
 *
 * <p>A post's reach and engagement are the base rates below multiplied by every factor that applies:
 * a promotional post with eight hashtags, for example, is liked at {@code likeRate ×
 * promotionalEngagement × hashtagPenalty⁵} per impression.
 *
 * @param populationSize people simulated per sandbox account (followers and everyone who could follow)
 * @param initialFollowerShare share of the population following a freshly connected account
 * @param chineseSpeakerShare share of the population who read and write Chinese; the others, English
 * @param followerReach share of followers who see an ordinary post
 * @param nonFollowerReach share of the other people who come across it (reposts, discovery)
 * @param reactionHalfLife half of a post's impressions arrive within this time after the first
 *     reaction; arrivals decay exponentially
 * @param firstReactionDelay nobody reacts sooner than this after publication
 * @param reactionWindow nobody reacts later than this after publication
 * @param reactionLag mean time between seeing a post and liking, commenting on or clicking it
 * @param likeRate likes per impression
 * @param repostRate reposts per impression
 * @param commentRate comments per impression
 * @param clickRate clicks per impression on a post with a link; lesson 3 (measure business impact,
 *     not vanity metrics): the only reaction that can lead to a sale
 * @param followRate new followers per impression on someone not yet following
 * @param unfollowRate unfollows per impression on a follower, before the penalties below
 * @param directMessageRate direct messages per impression (purchase and billing questions, mostly)
 * @param promotionalEngagement lesson 7 (making it all about you): engagement multiplier for a
 *     promotional post (buy, sale, discount, 优惠, 限时, a link with a price)
 * @param promotionalUnfollow lesson 7: unfollow multiplier for a promotional post
 * @param questionComments lesson 5 (join the conversation): comment multiplier for a post that asks
 *     its audience something (a question mark, "you", 你们, 您)
 * @param responsivenessWindow lesson 5: how far back the account's answered share is measured
 * @param answerGrace lesson 5: a comment younger than this does not count as unanswered yet
 * @param unansweredReach lesson 5: reach multiplier is {@code 1 − unansweredReach × unansweredShare}
 * @param unansweredUnfollow lesson 5: unfollow multiplier is {@code 1 + unansweredUnfollow ×
 *     unansweredShare}; an account that ignores its audience loses it
 * @param hashtagAllowance lesson 4 (treating all networks the same): hashtags the network's
 *     conventions tolerate
 * @param hashtagPenalty lesson 4: reach and engagement multiplier per hashtag beyond the allowance
 * @param lengthAllowance lesson 4: characters (code points) the network's readers will read
 * @param overLengthEngagement lesson 4: engagement multiplier for a post longer than the allowance
 * @param languageMismatchEngagement lesson 4 ("you would not speak Spanish in Germany"): engagement
 *     multiplier for someone who reads neither the post's language
 * @param promotionalPurchaseIntent lesson 7: weight multiplier of purchase-intent and billing comments
 *     on promotional posts (those who still comment ask about the offer)
 * @param intentMix relative weights of what comments are about
 * @param connectionLifetime a connection expires this long after connecting or refreshing
 * @param maxPostsPerAccount posts kept per account; the oldest are forgotten beyond it
 * @param maxTextLength longer posts are rejected
 * @param pageSize interactions per page
 */
public record SandboxCoefficients(
        int populationSize,
        double initialFollowerShare,
        double chineseSpeakerShare,
        double followerReach,
        double nonFollowerReach,
        Duration reactionHalfLife,
        Duration firstReactionDelay,
        Duration reactionWindow,
        Duration reactionLag,
        double likeRate,
        double repostRate,
        double commentRate,
        double clickRate,
        double followRate,
        double unfollowRate,
        double directMessageRate,
        double promotionalEngagement,
        double promotionalUnfollow,
        double questionComments,
        Duration responsivenessWindow,
        Duration answerGrace,
        double unansweredReach,
        double unansweredUnfollow,
        int hashtagAllowance,
        double hashtagPenalty,
        int lengthAllowance,
        double overLengthEngagement,
        double languageMismatchEngagement,
        double promotionalPurchaseIntent,
        Map<CommentIntent, Double> intentMix,
        Duration connectionLifetime,
        int maxPostsPerAccount,
        int maxTextLength,
        int pageSize) {

    public SandboxCoefficients {
        intentMix = Map.copyOf(intentMix);
        if (!intentMix.keySet().containsAll(java.util.EnumSet.allOf(CommentIntent.class))) {
            throw new IllegalArgumentException("intentMix needs a weight for every intent");
        }
    }

    /**
     * The same audience, reacting {@code speed} times sooner (a demo that comes alive in seconds):
     * the reaction curve, the lag and the responsiveness windows shrink; the rest stays.
     */
    public SandboxCoefficients faster(double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive");
        }
        return new SandboxCoefficients(
                populationSize,
                initialFollowerShare,
                chineseSpeakerShare,
                followerReach,
                nonFollowerReach,
                scaled(reactionHalfLife, speed),
                scaled(firstReactionDelay, speed),
                scaled(reactionWindow, speed),
                scaled(reactionLag, speed),
                likeRate,
                repostRate,
                commentRate,
                clickRate,
                followRate,
                unfollowRate,
                directMessageRate,
                promotionalEngagement,
                promotionalUnfollow,
                questionComments,
                scaled(responsivenessWindow, speed),
                scaled(answerGrace, speed),
                unansweredReach,
                unansweredUnfollow,
                hashtagAllowance,
                hashtagPenalty,
                lengthAllowance,
                overLengthEngagement,
                languageMismatchEngagement,
                promotionalPurchaseIntent,
                intentMix,
                connectionLifetime,
                maxPostsPerAccount,
                maxTextLength,
                pageSize);
    }

    private static Duration scaled(Duration duration, double speed) {
        return Duration.ofMillis(Math.max(1, Math.round(duration.toMillis() / speed)));
    }

    /** The values the demo workspace and the tests use. */
    public static SandboxCoefficients defaults() {
        Map<CommentIntent, Double> mix = new EnumMap<>(CommentIntent.class);
        mix.put(CommentIntent.QUESTION, 0.20);
        mix.put(CommentIntent.COMPLAINT, 0.10);
        mix.put(CommentIntent.PRAISE, 0.22);
        mix.put(CommentIntent.PURCHASE_INTENT, 0.10);
        mix.put(CommentIntent.BILLING, 0.06);
        mix.put(CommentIntent.FEEDBACK, 0.14);
        mix.put(CommentIntent.SPAM, 0.12);
        mix.put(CommentIntent.ABUSE, 0.06);
        return new SandboxCoefficients(
                2000,
                0.35,
                0.6,
                0.30,
                0.03,
                Duration.ofHours(3),
                Duration.ofMinutes(1),
                Duration.ofDays(7),
                Duration.ofMinutes(10),
                0.08,
                0.012,
                0.02,
                0.04,
                0.03,
                0.002,
                0.002,
                0.4,
                3.0,
                2.5,
                Duration.ofDays(14),
                Duration.ofHours(24),
                0.5,
                4.0,
                3,
                0.7,
                280,
                0.6,
                0.2,
                2.0,
                mix,
                Duration.ofDays(60),
                20_000,
                5000,
                500);
    }
}
