package dev.rapport.connectors.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * A post on the sandbox network with what the simulation knows about it. Only {@link #post()} would
 * need a table; the rest is derived from it and the seed.
 */
final class SandboxPublished {

    private final SandboxConnector.Post post;
    private final long seq;
    private final SandboxPostTraits traits;
    private @Nullable SandboxReactions reactions;
    private int audienceComments;

    SandboxPublished(SandboxConnector.Post post, long seq, SandboxPostTraits traits) {
        this.post = post;
        this.seq = seq;
        this.traits = traits;
    }

    SandboxConnector.Post post() {
        return post;
    }

    long accountId() {
        return post.accountId();
    }

    /** The post's number on the network, which seeds its reactions. */
    long seq() {
        return seq;
    }

    SandboxPostTraits traits() {
        return traits;
    }

    /** Whether the audience reacts to it: a reply is part of a conversation, not a post of its own. */
    boolean simulated() {
        return post.replyTo() == null;
    }

    @Nullable
    SandboxReactions reactions() {
        return reactions;
    }

    void reactions(SandboxReactions computed) {
        this.reactions = computed;
    }

    /** Comments added by hand through {@link SandboxConnector#comment}. */
    int audienceComments() {
        return audienceComments;
    }

    void addAudienceComment() {
        audienceComments++;
    }
}
